package sessionform

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/report/bodymap"
	"backtrack/store"
	"backtrack/ui/bodychart"
	"backtrack/ui/kit"
)

// Sizes of the chart opened over the form, in Fyne units.
const (
	popupChartMaxWidth = 520
	popupRowsWidth     = 430
	// popupMargin is the least room left around the popup in the window.
	popupMargin   = 12
	intensityWide = 56
)

// bodyChartPopup is the chart opened over the session form: the figure at
// a size made for tapping (a tap marks a region, a second unmarks it),
// beside it a row per marked region with its pain type and intensity, the
// legend under both. A tap outside it, Done or Escape closes it; every
// change is in the form already.
type bodyChartPopup struct {
	in     *bodyChartInput
	Chart  *bodychart.Chart
	Legend *bodychart.Legend
	Copy   *kit.Button
	Done   *kit.Button
	rows   *fyne.Container
	scroll *container.Scroll
	// Rows are the marked regions' controls, by region (for tests).
	Rows map[store.RegionID]*markRow
	// bad holds intensities typed that are not numbers, by region.
	bad map[store.RegionID]string
	// labelWidth fits the longest region label (regionLabelWidth).
	labelWidth float32

	popup   *widget.PopUp
	Content fyne.CanvasObject
}

// markRow is one marked region's pain type, intensity and remove button.
type markRow struct {
	Kind      *painSelect
	Intensity *kit.Entry
	Remove    *kit.Button
}

func newBodyChartPopup(in *bodyChartInput) *bodyChartPopup {
	p := &bodyChartPopup{in: in, Chart: bodychart.New(), Legend: bodychart.NewLegend(), rows: container.NewVBox(),
		Rows: map[store.RegionID]*markRow{}, bad: map[store.RegionID]string{}, labelWidth: regionLabelWidth()}
	p.Chart.MinWidth = popupChartMaxWidth
	p.Chart.OnTapped = in.toggle
	p.Copy = kit.NewButtonWithIcon("Copy last session's map", theme.ContentCopyIcon(), nil)
	p.Done = kit.NewButtonWithIcon("Done  (Esc)", theme.ConfirmIcon(), p.close)
	p.Done.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle("Where it hurts", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := kit.NewHint("Tap a region to mark it, again to unmark. A new mark takes the pain type ticked on the form, when one is.")
	hint.Wrapping, hint.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff
	p.scroll = container.NewVScroll(p.rows)
	right := container.NewBorder(container.NewVBox(hint, p.Copy), nil, nil, nil, p.scroll)
	side := container.NewGridWrap(fyne.NewSize(popupRowsWidth, 10), right)
	p.Content = container.NewBorder(title, container.NewBorder(nil, nil, nil, p.Done, p.Legend),
		nil, nil, container.NewBorder(nil, nil, p.Chart, nil, side))
	p.sizeRows(side)
	return p
}

// sizeRows gives the rows' column the chart's height.
func (p *bodyChartPopup) sizeRows(side *fyne.Container) {
	side.Layout = sizedLayout{func() fyne.Size {
		return fyne.NewSize(popupRowsWidth, p.Chart.MinSize().Height)
	}}
}

// sizedLayout stretches its objects to its size and asks for size().
type sizedLayout struct{ size func() fyne.Size }

func (l sizedLayout) MinSize([]fyne.CanvasObject) fyne.Size { return l.size() }
func (l sizedLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// open shows the chart over c, as large as c leaves room for, with the
// keyboard on the first mark's pain type (or Done).
func (p *bodyChartPopup) open(c fyne.Canvas) {
	if p.popup == nil {
		p.popup = widget.NewPopUp(p.Content, c)
	}
	// The figure takes the height the window leaves beside the title,
	// legend and buttons.
	p.Chart.MinWidth = popupChartMaxWidth
	chrome := p.popup.MinSize().Height - p.Chart.MinSize().Height
	room := c.Size().Height - 2*popupMargin - chrome
	p.Chart.MinWidth = float32(min(popupChartMaxWidth, float64(room)/bodymap.Aspect()))
	size := p.popup.MinSize()
	p.popup.Resize(size)
	// Over the form, so the client's list and name stay in sight beside it.
	x := (c.Size().Width - size.Width) / 2
	if a := p.in.anchor; a != nil {
		x = fyne.CurrentApp().Driver().AbsolutePositionForObject(a).X + (a.Size().Width-size.Width)/2
	}
	x = max(0, min(x, c.Size().Width-size.Width))
	var first fyne.Focusable = p.Done
	if len(p.in.marks) > 0 {
		first = p.Rows[p.in.marks[0].Region].Kind
	}
	// Every change is in the form already: Escape and Enter are Done,
	// and Ctrl+S is Done and saves the note the marks belong to.
	save := func() {
		p.close()
		if p.in.onSave != nil {
			p.in.onSave()
		}
	}
	kit.ShowPopUpLayer(c, "body chart", p.popup, fyne.NewPos(x, max(0, (c.Size().Height-size.Height)/2)),
		kit.Layer{Escape: p.close, Enter: p.close, Save: save, Focus: first})
}

func (p *bodyChartPopup) close() {
	if p.popup != nil {
		p.popup.Hide()
	}
}

// Shown reports whether the chart is open.
func (p *bodyChartPopup) Shown() bool { return p.popup != nil && p.popup.Visible() }

// show draws the marks and, when rows, builds a row per mark again.
func (p *bodyChartPopup) show(marks []store.BodyMark, muscles []store.Tag, rows bool) {
	p.Chart.SetMap(marks, muscles)
	p.Legend.SetMap(marks, muscles)
	if !rows {
		return
	}
	p.rows.RemoveAll()
	clear(p.Rows)
	for id := range p.bad {
		if _, ok := p.in.markIndex(id); !ok {
			delete(p.bad, id)
		}
	}
	for _, m := range marks {
		p.rows.Add(p.row(m))
	}
	if len(marks) == 0 {
		p.rows.Add(kit.NewHint("Nothing marked yet."))
	}
	p.rows.Refresh()
	p.scroll.Refresh()
}

// painTypeNone is the first choice of a mark's pain type.
const painTypeNone = "(type not given)"

// row is one marked region: its name, its pain type, its intensity, and a
// Button to take it off.
func (p *bodyChartPopup) row(m store.BodyMark) fyne.CanvasObject {
	in, region := p.in, m.Region
	label := string(m.Region)
	if r, ok := store.RegionOf(m.Region); ok {
		label = r.Label()
	}
	names := []string{painTypeNone}
	for _, t := range in.painTypes {
		names = append(names, t.Name)
	}
	if m.PainType.Name != "" && !slices.Contains(names, m.PainType.Name) {
		names = append(names, m.PainType.Name) // a retired type stays readable
	}
	r := &markRow{Kind: newPainSelect(names, p.close), Intensity: kit.NewEntry("0–10")}
	r.Kind.SetSelected(painTypeNone)
	if m.PainType.Name != "" {
		r.Kind.SetSelected(m.PainType.Name)
	}
	r.Kind.OnChanged = func(name string) {
		j, ok := in.markIndex(region)
		if !ok {
			return
		}
		in.marks[j].PainType = store.Tag{}
		for _, t := range in.painTypes {
			if t.Name == name {
				in.marks[j].PainType = store.Tag{TermID: t.ID, Name: t.Name}
			}
		}
		if name == m.PainType.Name {
			in.marks[j].PainType = m.PainType
		}
		in.changed(false)
	}
	if m.Intensity.Recorded {
		r.Intensity.SetText(strconv.Itoa(m.Intensity.Score))
	} else if text, ok := p.bad[region]; ok {
		r.Intensity.SetText(text)
	}
	r.Intensity.OnChanged = func(text string) {
		j, ok := in.markIndex(region)
		if !ok {
			return
		}
		in.marks[j].Intensity = store.Pain{}
		delete(p.bad, region)
		if n, err := strconv.Atoi(strings.TrimSpace(text)); err == nil {
			in.marks[j].Intensity = store.PainOf(n) // the store says when it is off the scale
		} else if strings.TrimSpace(text) != "" {
			p.bad[region] = text
		}
		in.changed(false)
	}
	r.Intensity.OnEscape = p.close
	r.Remove = kit.NewButtonWithIcon("", theme.DeleteIcon(), func() { in.toggle(region) })
	r.Remove.Importance = widget.LowImportance
	p.Rows[region] = r
	return container.NewBorder(nil, nil, sizedLabel(widget.NewLabel(label), p.labelWidth), container.NewHBox(
		container.NewGridWrap(fyne.NewSize(intensityWide, r.Intensity.MinSize().Height), r.Intensity), r.Remove), r.Kind)
}

// Problems names the intensities typed that are not numbers.
func (p *bodyChartPopup) problems() []string {
	var out []string
	for _, m := range p.in.marks {
		if text, ok := p.bad[m.Region]; ok {
			r, _ := store.RegionOf(m.Region)
			out = append(out, "Intensity of "+r.Label()+" “"+text+"” is not a number 0–10")
		}
	}
	return out
}

// painSelect is a mark's pain type: Left and Right step through the types
// (as widget.Select does), Space opens the list, Escape closes the chart.
type painSelect struct {
	widget.Select
	onEscape func()
}

func newPainSelect(options []string, onEscape func()) *painSelect {
	s := &painSelect{onEscape: onEscape}
	s.Options = options
	s.PlaceHolder = painTypeNone
	s.ExtendBaseWidget(s)
	return s
}

func (s *painSelect) TypedKey(k *fyne.KeyEvent) { kit.EscapeOr(k, s.onEscape, s.Select.TypedKey) }

// regionLabelWidth fits the longest region label, so the rows' pain types
// line up in a column.
func regionLabelWidth() float32 {
	var w float32
	for _, r := range store.Regions() {
		w = max(w, widget.NewLabel(r.Label()).MinSize().Width)
	}
	return w
}
