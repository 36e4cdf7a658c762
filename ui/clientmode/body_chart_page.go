package clientmode

import (
	"slices"
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

// The words the page says, the screen's and the paper's alike.
const (
	whereItHurtsWords = "Tap where it hurts. Tap again to remove."
	whereItHurtsList  = "Or mark each place in this list (left and right are your own):"
	nothingMarked     = "Nothing marked yet. If nothing hurts, tap Next."
	listBelow         = "Below the body there is a list of places, if you prefer to choose by name."
)

// whereItHurts is the body chart a client taps, front and back, with the
// same regions as a list of buttons beside or under it for a client who
// cannot tap precisely or uses the keyboard: Tab reaches each, Space or
// Enter marks it. What is marked is said in plain words as it changes.
type whereItHurts struct {
	Chart   *bodychart.Chart
	Regions map[store.RegionID]*regionToggle
	Marked  *widget.Label // "You marked: Lower back, left side; …"
	chosen  []store.RegionID
	list    *fyne.Container
	body    *fyne.Container
	touched func()
}

func newWhereItHurts(touched func()) *whereItHurts {
	w := &whereItHurts{Chart: bodychart.New(), Regions: map[store.RegionID]*regionToggle{}, touched: touched}
	w.Chart.OnTapped = w.toggle
	w.Chart.MarkColour = theme.ColorNamePrimary
	w.Marked = widget.NewLabelWithStyle(nothingMarked, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.Marked.Wrapping = fyne.TextWrapWord
	w.list = container.NewVBox()
	regions := store.Regions()
	for i := 0; i < len(regions); i++ {
		r := regions[i]
		name := r.ClientWords()
		if r.Side == store.NoSide {
			w.list.Add(w.row(name, w.button(r.ID, "Hurts")))
			continue
		}
		// a region's left and right share a row: "Lower back [Left] [Right]"
		name = strings.TrimSuffix(name, ", left side")
		w.list.Add(w.row(name, w.button(r.ID, "Left"), w.button(regions[i+1].ID, "Right")))
		i++
	}
	w.body = container.NewVBox()
	return w
}

// button is the toggle of one region, a finger's size.
func (w *whereItHurts) button(id store.RegionID, label string) *regionToggle {
	b := &regionToggle{focus: func(on bool) {
		if on {
			w.Chart.Highlight(id)
		} else {
			w.Chart.Highlight("")
		}
	}}
	b.Text, b.Icon, b.OnTapped = label, theme.CheckButtonIcon(), func() { w.toggle(id) }
	b.Alignment = widget.ButtonAlignLeading
	b.ExtendBaseWidget(b)
	w.Regions[id] = b
	return b
}

// regionToggle is a region's toggle in the list: focused by the keyboard,
// it rings its place on the chart, so a client choosing by name sees where
// the name is.
type regionToggle struct {
	kit.Button
	focus func(on bool)
}

func (t *regionToggle) FocusGained() {
	t.Button.FocusGained()
	t.focus(true)
}

func (t *regionToggle) FocusLost() {
	t.Button.FocusLost()
	t.focus(false)
}

// row is a region's name in words with its one or two toggles, at a fixed
// width so the rows line up (and the page's width does not follow the
// longest name).
func (w *whereItHurts) row(name string, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	// a fixed size: asking the buttons theirs here would measure them in
	// the desk's theme, before the large one reaches them
	toggles := container.NewGridWrap(fyne.NewSize(288, targetHeight), container.NewGridWithColumns(len(buttons), buttons...))
	return container.NewBorder(nil, nil, nil, toggles, wrapped(name))
}

// toggle marks a region, or unmarks it when marked.
func (w *whereItHurts) toggle(id store.RegionID) {
	if i := slices.Index(w.chosen, id); i >= 0 {
		w.chosen = slices.Delete(w.chosen, i, i+1)
	} else {
		w.chosen = append(w.chosen, id)
		store.SortRegions(w.chosen)
	}
	w.show()
	w.touched()
}

func (w *whereItHurts) show() {
	marks := make([]store.BodyMark, len(w.chosen))
	for i, id := range w.chosen {
		marks[i] = store.BodyMark{Region: id}
	}
	w.Chart.SetMap(marks, nil)
	for id, b := range w.Regions {
		b.Importance, b.Icon = widget.MediumImportance, theme.CheckButtonIcon()
		if slices.Contains(w.chosen, id) {
			b.Importance, b.Icon = widget.HighImportance, theme.CheckButtonCheckedIcon()
		}
		b.Refresh()
	}
	if len(w.chosen) == 0 {
		w.Marked.SetText(nothingMarked)
		return
	}
	w.Marked.SetText("You marked: " + strings.Join(store.RegionClientWords(w.chosen), "; ") + ".")
}

// Chosen is the regions marked, in the chart's order.
func (w *whereItHurts) Chosen() []store.RegionID { return slices.Clone(w.chosen) }

// fit lays the page out for a window of size: on a landscape screen the
// chart takes the height under the page's title and the list stands
// beside it; on a portrait one the chart takes the width and the list
// follows it. The chart is as large as the window lets it be, so its
// regions are as large as they can be under a finger.
func (w *whereItHurts) fit(size fyne.Size) {
	// what the title, progress, Back and Next take, in the large theme
	const chrome = 350
	aspect := float32(bodymap.Aspect())
	words := wrapped(whereItHurtsWords)
	list := container.NewVBox(widget.NewSeparator(), small(whereItHurtsList), w.list)
	if size.Width > size.Height {
		// the chart stays in view while the list beside it scrolls
		w.Chart.MinWidth = min((size.Height-chrome)/aspect, (size.Width-60)*0.45)
		w.body.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, container.NewVBox(w.Chart), nil,
			container.NewBorder(container.NewVBox(words, w.Marked), nil, nil, nil, container.NewVScroll(list)))}
	} else {
		w.Chart.MinWidth = min(size.Width-60, (size.Height-chrome-150)/aspect)
		words.SetText(whereItHurtsWords + " " + listBelow)
		w.body.Objects = []fyne.CanvasObject{words, w.Chart, w.Marked, list}
	}
	w.body.Refresh()
}
