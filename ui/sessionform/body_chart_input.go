package sessionform

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"backtrack/store"
	"backtrack/ui/bodychart"
	"backtrack/ui/kit"
)

// thumbWidth is the form's small figure: it fits the height of two tag
// rows, and a tap on it opens the chart at a size made for tapping.
const thumbWidth = 100

// findWidth fits "sacroiliac b" and the placeholder's first words.
const findWidth = 230

// bodyChartInput is where it hurts, in the session form. The form shows a
// small figure (the marks and the muscles treated), a Find field and a
// line saying what is marked; the chart itself opens over the form
// (tap the figure, Chart…, or Ctrl+B) at a size made for tapping, with a
// row per marked region for its pain type and intensity. The keyboard's
// way, for speed and for a screen reader: type part of a region's name in
// Find ("lumbar", "si", "lower back") and Enter, then L, R or B for the
// side, as in the tag rows; "lumbar l, sacral" marks both at once.
type bodyChartInput struct {
	Thumb    *bodychart.Chart
	Find     *kit.Entry
	Open     *kit.Button // opens the chart
	CopyLast *kit.Button // copies the last session's map
	Line     *kit.SecondaryText
	Error    *kit.FieldError
	Chart    *bodyChartPopup

	names     []regionName
	painTypes []store.Term
	marks     []store.BodyMark
	pending   *regionName // the region named by Enter that waits for a side
	note      string      // where a copied map came from, until the next change

	muscles     func() []store.Tag // the muscles ticked, drawn as outlines
	locations   func() []store.Tag // the session's location words that fit no region: shown
	defaultType func() store.Tag   // the pain type a new mark takes
	onChange    func()
	onNext      func() // Enter in an empty Find moves on
	onEscape    func()
	onSave      func()            // Ctrl+S in the chart: the marks are the note's own
	anchor      fyne.CanvasObject // what the chart opens over: the form

	content fyne.CanvasObject
}

// regionName is a name Find knows: a region (both sides of it, when it has
// two) or a location word of before ("Lower back" is lumbar).
type regionName struct {
	name string
	ids  map[store.Side][]store.RegionID // NoSide for a region on the midline
}

func (n regionName) sided() bool { return len(n.ids[store.NoSide]) == 0 }

func newBodyChartInput(painTypes, locations []store.Term) *bodyChartInput {
	none := func() []store.Tag { return nil }
	b := &bodyChartInput{Thumb: bodychart.New(), Find: kit.NewEntry("Where? lumbar l, sacral…"),
		Line: kit.NewSecondaryText(), Error: kit.NewFieldError(), names: regionNames(locations),
		muscles: none, locations: none, defaultType: func() store.Tag { return store.Tag{} }}
	for _, t := range painTypes {
		if !t.Retired {
			b.painTypes = append(b.painTypes, t)
		}
	}
	b.Line.Wrapping, b.Line.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff
	b.Thumb.MinWidth = thumbWidth
	b.Thumb.OnTap = func() { b.open() }
	b.Open = kit.NewButtonWithIcon("Chart…", theme.VisibilityIcon(), func() { b.open() })
	b.CopyLast = kit.NewButtonWithIcon("Copy last map", theme.ContentCopyIcon(), nil)
	b.Find.OnChanged = func(string) { b.showLine() }
	b.Find.OnSubmitted = b.submit
	b.Find.OnRune = b.sideKey
	b.Find.OnEscape = func() {
		if b.Find.Text != "" || b.pending != nil {
			b.pending = nil
			b.Find.SetText("")
			b.showLine()
		} else if b.onEscape != nil {
			b.onEscape()
		}
	}
	b.Chart = newBodyChartPopup(b)
	// Beside the figure: Find and Chart…, then the copy button with the
	// line beside it, which wraps within the figure's height.
	find := container.NewGridWrap(fyne.NewSize(findWidth, b.Find.MinSize().Height), b.Find)
	b.content = container.NewBorder(nil, nil, b.Thumb, nil, container.NewVBox(
		container.NewHBox(find, b.Open),
		container.NewBorder(nil, nil, container.NewVBox(b.CopyLast), nil, b.Line), b.Error))
	b.showLine()
	return b
}

// regionAliases are the names therapists write for a sided region, beside
// its own.
var regionAliases = map[string]string{"SI joint": "sacroiliac"}

// regionNames are the names Find matches: each region's, in the chart's
// order, then the therapists' own names for some, then the location words
// that mean regions.
func regionNames(locations []store.Term) []regionName {
	var out []regionName
	index := map[string]int{}
	for _, r := range store.Regions() {
		i, ok := index[r.Name]
		if !ok {
			i = len(out)
			index[r.Name] = i
			out = append(out, regionName{name: r.Name, ids: map[store.Side][]store.RegionID{}})
		}
		out[i].ids[r.Side] = append(out[i].ids[r.Side], r.ID)
		if r.Side != store.NoSide {
			out[i].ids[store.Both] = append(out[i].ids[store.Both], r.ID)
		}
	}
	for name, id := range regionAliases {
		r, _ := store.RegionOf(store.RegionID(id + "-l"))
		n := regionName{name: name, ids: map[store.Side][]store.RegionID{}}
		for _, side := range store.Sides {
			n.ids[side] = out[index[r.Name]].ids[side]
		}
		out = append(out, n)
	}
	for _, t := range locations {
		n := regionName{name: t.Name, ids: map[store.Side][]store.RegionID{}}
		for _, side := range store.Sides {
			n.ids[side] = store.LocationRegions(store.Tag{Name: t.Name, Side: side})
		}
		if !t.Retired && len(n.ids[store.Both]) > 0 {
			out = append(out, n)
		}
	}
	return out
}

// typedRegion is one comma-separated part of what was typed in Find.
type typedRegion struct {
	name  *regionName // nil when nothing is named so
	typed string
	side  store.Side
}

// complete reports whether Enter can mark the part, one of n typed: a
// known name, with its side unless it is the only one (the side key then
// follows).
func (p typedRegion) complete(n int) bool {
	return p.name != nil && (!p.name.sided() || p.side != store.NoSide || n == 1)
}

func (b *bodyChartInput) typed(text string) []typedRegion {
	terms := make([]store.Term, len(b.names))
	for i, n := range b.names {
		terms[i] = store.Term{ID: int64(i), Name: n.name}
	}
	var out []typedRegion
	for _, part := range strings.Split(text, ",") {
		name, side := kit.SplitSide(part)
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		tr := typedRegion{typed: name, side: side}
		if found := store.BestTerms(name, terms); len(found) > 0 {
			tr.name = &b.names[found[0].ID]
		}
		out = append(out, tr)
	}
	return out
}

// submit is Enter in Find: each name marks its region on the side typed
// (or unmarks it, when all of it is marked), and the keyboard moves on,
// unless one sided region waits for its side key. Enter in an empty Find
// moves on to the triggers.
func (b *bodyChartInput) submit(text string) {
	parts := b.typed(text)
	b.pending = nil
	if len(parts) == 0 {
		b.showLine()
		b.next()
		return
	}
	// Nothing is marked while one name is unknown, or one of several lacks
	// its side: the text stays to fix, and the line says what is wrong.
	if slices.ContainsFunc(parts, func(p typedRegion) bool { return !p.complete(len(parts)) }) {
		b.showLine()
		return
	}
	for _, p := range parts {
		switch {
		case !p.name.sided():
			b.toggleAll(p.name.ids[store.NoSide])
		case p.side != store.NoSide:
			b.toggleAll(p.name.ids[p.side])
		default:
			b.pending = p.name // the only name typed: its side key comes next
		}
	}
	b.Find.SetText("")
	b.showLine()
	if b.pending == nil {
		b.next()
	}
}

// sideKey takes L, R or B for the region waiting for its side.
func (b *bodyChartInput) sideKey(r rune) bool {
	side, ok := kit.SideKeys[r]
	if b.pending == nil || !ok || b.Find.Text != "" {
		return false
	}
	n := b.pending
	b.pending = nil
	b.toggleAll(n.ids[side])
	b.showLine()
	b.next()
	return true
}

func (b *bodyChartInput) next() {
	if b.onNext != nil {
		b.onNext()
	}
}

// showLine says what Enter will do while something is typed, else what is
// marked.
func (b *bodyChartInput) showLine() {
	text := strings.TrimSpace(b.Find.Text)
	var line string
	highlight := store.RegionID("")
	switch {
	case b.pending != nil:
		line = "Side of " + b.pending.name + ": L, R or B · Esc leaves it"
	case text != "":
		var parts []string
		typed := b.typed(text)
		for _, p := range typed {
			switch {
			case p.name == nil:
				parts = append(parts, "no region is called “"+p.typed+"”")
			case !p.name.sided() || p.side != store.NoSide:
				ids := p.name.ids[store.NoSide]
				if p.name.sided() {
					ids = p.name.ids[p.side]
				}
				verb := "marks "
				if b.allMarked(ids) {
					verb = "unmarks "
				}
				parts = append(parts, verb+regionLabels(ids))
				highlight = ids[0]
			case p.complete(len(typed)):
				parts = append(parts, p.name.name+", then L, R or B")
				highlight = p.name.ids[store.Left][0]
			default:
				parts = append(parts, p.name.name+" needs L, R or B after it")
			}
		}
		line = "Enter: " + strings.Join(parts, " · ")
	default:
		line = b.summary()
	}
	b.Line.SetText(line)
	b.Thumb.Highlight(highlight)
	b.Chart.Chart.Highlight(highlight)
}

// SummaryChars is about three lines of the form's line beside the figure:
// a longer map is said shorter there (the chart shows it whole).
const SummaryChars = 120

// summary is what is marked, in the words of the note, or how to mark.
func (b *bodyChartInput) summary() string {
	s := store.Session{BodyMap: b.marks, Locations: b.locations()}
	where := ShortWhere(s)
	switch {
	case where == "" && b.note != "":
		return b.note
	case where == "":
		return "Nothing marked: tap the figure, or type a region"
	case b.note != "":
		return b.note + ": " + where
	}
	return where
}

func regionLabels(ids []store.RegionID) string {
	var out []string
	for _, id := range ids {
		if r, ok := store.RegionOf(id); ok {
			out = append(out, r.Label())
		}
	}
	return strings.Join(out, ", ")
}

func (b *bodyChartInput) markIndex(id store.RegionID) (int, bool) {
	i := slices.IndexFunc(b.marks, func(m store.BodyMark) bool { return m.Region == id })
	return i, i >= 0
}

func (b *bodyChartInput) allMarked(ids []store.RegionID) bool {
	return !slices.ContainsFunc(ids, func(id store.RegionID) bool { _, ok := b.markIndex(id); return !ok })
}

// toggle marks a region, or unmarks it when marked (a tap on the chart).
func (b *bodyChartInput) toggle(id store.RegionID) { b.toggleAll([]store.RegionID{id}) }

// toggleAll unmarks the regions when all are marked, else marks those not
// yet marked with the form's pain type.
func (b *bodyChartInput) toggleAll(ids []store.RegionID) {
	if len(ids) == 0 {
		return
	}
	if b.allMarked(ids) {
		b.marks = slices.DeleteFunc(b.marks, func(m store.BodyMark) bool { return slices.Contains(ids, m.Region) })
	} else {
		for _, id := range ids {
			if _, ok := b.markIndex(id); !ok {
				b.marks = append(b.marks, store.BodyMark{Region: id, PainType: b.defaultType()})
			}
		}
		store.SortBodyMap(b.marks)
	}
	b.changed(true)
}

// set shows a session's map.
func (b *bodyChartInput) set(marks []store.BodyMark) {
	b.marks = slices.Clone(marks)
	b.changed(true)
}

// copied shows the map of an earlier session, as marks made now, and says
// from when until the next change.
func (b *bodyChartInput) copied(from store.Session) {
	marks := slices.Clone(from.BodyMap)
	for i := range marks {
		marks[i].From = store.Tag{}
	}
	b.set(marks)
	b.note = "Copied from " + kit.LongDate(from.Start)
	b.showLine()
}

// tell puts msg on the line until the next change.
func (b *bodyChartInput) tell(msg string) { b.Line.SetText(msg) }

// Get returns the map as marked; nil when nothing is.
func (b *bodyChartInput) Get() []store.BodyMark {
	if len(b.marks) == 0 {
		return nil
	}
	return slices.Clone(b.marks)
}

// changed redraws the figures and the line; rows is false when a row's
// own field changed, so the row keeps its focus.
func (b *bodyChartInput) changed(rows bool) {
	b.note = ""
	muscles := b.muscles()
	b.Thumb.SetMap(b.marks, muscles)
	b.Chart.show(b.marks, muscles, rows)
	b.showLine()
	if b.onChange != nil {
		b.onChange()
	}
}

// musclesChanged redraws the outlines of the muscles treated.
func (b *bodyChartInput) musclesChanged() {
	muscles := b.muscles()
	b.Thumb.SetMap(b.marks, muscles)
	b.Chart.show(b.marks, muscles, false)
}

// open shows the chart over the form.
func (b *bodyChartInput) open() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b.Find); c != nil {
		b.Chart.open(c)
	}
}

// ShortWhere is where it hurts in at most about summaryChars: the note's
// words, else the regions without their pain types, else the first of
// them and how many more.
func ShortWhere(s store.Session) string {
	where := s.WhereItHurts()
	if len([]rune(where)) <= SummaryChars {
		return where
	}
	bare := s
	bare.BodyMap = slices.Clone(s.BodyMap)
	for i := range bare.BodyMap {
		bare.BodyMap[i].PainType, bare.BodyMap[i].Intensity = store.Tag{}, store.Pain{}
	}
	parts := strings.Split(bare.WhereItHurts(), "; ")
	for n := len(parts); n > 0; n-- {
		text := strings.Join(parts[:n], "; ")
		if n < len(parts) {
			text += fmt.Sprintf(" and %d more", len(parts)-n)
		}
		if len([]rune(text)) <= SummaryChars {
			return text
		}
	}
	return fmt.Sprintf("%d regions marked", len(parts))
}
