package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/bodymap"
)

// bodyChartInput is where it hurts, for the session form (not wired in
// yet: the form must first make room so it still fits 1280×800 without
// scrolling): tap a region on
// the figure, or type part of its name in Find and press Enter (the
// keyboard's way, for speed and for a screen reader); each marked region
// gets a row with its pain type and an optional intensity 0-10.
type bodyChartInput struct {
	Chart *bodymap.Chart
	Find  *entry
	Hint  *secondaryText // what Enter would mark
	rows  *fyne.Container

	painTypes []store.Term
	marks     []store.BodyMark
	muscles   func() []store.Tag // the muscles ticked, drawn as outlines
	onChange  func()

	picker fyne.CanvasObject // Find, its hint and the marked regions' rows
}

func newBodyChartInput(painTypes []store.Term) *bodyChartInput {
	b := &bodyChartInput{Chart: bodymap.New(), Find: newEntry("Find a region… (Enter marks it)"), Hint: newSecondaryText(),
		rows: container.NewVBox(), muscles: func() []store.Tag { return nil }}
	for _, t := range painTypes {
		if !t.Retired {
			b.painTypes = append(b.painTypes, t)
		}
	}
	b.Chart.MinWidth = 190
	b.Chart.OnTapped = b.toggle
	b.Find.OnChanged = func(string) { b.showMatch() }
	b.Find.OnSubmitted = func(string) {
		if r, ok := b.match(); ok {
			b.toggle(r.ID)
			b.Find.SetText("")
		}
	}
	b.picker = container.NewVBox(b.Find, b.Hint, b.rows)
	return b
}

// match is the first region whose label holds every word typed.
func (b *bodyChartInput) match() (store.Region, bool) {
	words := strings.Fields(store.Fold(b.Find.Text))
	if len(words) == 0 {
		return store.Region{}, false
	}
	for _, r := range store.Regions() {
		label := store.Fold(r.Label() + " " + string(r.Side) + " " + string(r.ID))
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(label, w) }) {
			return r, true
		}
	}
	return store.Region{}, false
}

func (b *bodyChartInput) showMatch() {
	r, ok := b.match()
	switch {
	case ok:
		verb := "mark"
		if _, marked := b.markIndex(r.ID); marked {
			verb = "unmark"
		}
		b.Hint.SetText("Enter: " + verb + " " + r.Label())
		b.Chart.Highlight(r.ID)
	case strings.TrimSpace(b.Find.Text) != "":
		b.Hint.SetText("No region named so")
		b.Chart.Highlight("")
	default:
		b.Hint.SetText("Tap the figure, or type a region")
		b.Chart.Highlight("")
	}
}

func (b *bodyChartInput) markIndex(id store.RegionID) (int, bool) {
	i := slices.IndexFunc(b.marks, func(m store.BodyMark) bool { return m.Region == id })
	return i, i >= 0
}

// toggle marks a region, or unmarks it when marked.
func (b *bodyChartInput) toggle(id store.RegionID) {
	if i, ok := b.markIndex(id); ok {
		b.marks = slices.Delete(b.marks, i, i+1)
	} else {
		b.marks = append(b.marks, store.BodyMark{Region: id})
		store.SortBodyMap(b.marks)
	}
	b.refresh()
}

// set shows a session's map.
func (b *bodyChartInput) set(marks []store.BodyMark) {
	b.marks = slices.Clone(marks)
	b.refresh()
}

// get returns the map as marked.
func (b *bodyChartInput) get() []store.BodyMark { return slices.Clone(b.marks) }

func (b *bodyChartInput) refresh() {
	b.Chart.SetMap(b.marks, b.muscles())
	b.rows.RemoveAll()
	for i := range b.marks {
		b.rows.Add(b.row(i))
	}
	b.showMatch()
	if b.onChange != nil {
		b.onChange()
	}
}

// row is one marked region: its name, its pain type, its intensity, and a
// button to take it off.
func (b *bodyChartInput) row(i int) fyne.CanvasObject {
	m := b.marks[i]
	label := string(m.Region)
	if r, ok := store.RegionOf(m.Region); ok {
		label = r.Label()
	}
	names := []string{"(type not given)"}
	for _, t := range b.painTypes {
		names = append(names, t.Name)
	}
	kind := widget.NewSelect(names, nil)
	kind.SetSelected(names[0])
	if m.PainType.Name != "" {
		if !slices.Contains(names, m.PainType.Name) {
			kind.Options = append(kind.Options, m.PainType.Name) // a retired type stays readable
		}
		kind.SetSelected(m.PainType.Name)
	}
	region := m.Region
	kind.OnChanged = func(name string) {
		if j, ok := b.markIndex(region); ok {
			b.marks[j].PainType = store.Tag{}
			for _, t := range b.painTypes {
				if t.Name == name {
					b.marks[j].PainType = store.Tag{TermID: t.ID, Name: t.Name}
				}
			}
			if name == m.PainType.Name {
				b.marks[j].PainType = m.PainType
			}
			b.Chart.SetMap(b.marks, b.muscles())
			b.changed()
		}
	}
	intensity := newEntry("0–10")
	if m.Intensity.Recorded {
		intensity.SetText(strconv.Itoa(m.Intensity.Score))
	}
	intensity.OnChanged = func(text string) {
		if j, ok := b.markIndex(region); ok {
			b.marks[j].Intensity = store.Pain{}
			if n, err := strconv.Atoi(strings.TrimSpace(text)); err == nil {
				b.marks[j].Intensity = store.PainOf(n) // the store says when it is off the scale
			}
			b.Chart.SetMap(b.marks, b.muscles())
			b.changed()
		}
	}
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { b.toggle(region) })
	remove.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, widget.NewLabel(label), container.NewHBox(
		container.NewGridWrap(fyne.NewSize(52, intensity.MinSize().Height), intensity), remove), kind)
}

func (b *bodyChartInput) changed() {
	if b.onChange != nil {
		b.onChange()
	}
}
