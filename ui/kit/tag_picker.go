package kit

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"backtrack/store"
	"backtrack/ui/internal/words"
	"backtrack/ui/xlayout"
)

// addFieldWidth fits a few letters to pick by, or a new term of a word or
// two (a longer one scrolls).
const addFieldWidth = 100

// shownMatches is how many other matches the line under a tag row names.
const shownMatches = 3

// shownTerms is how many built-in terms a row shows before "+N": the
// article's own vocabulary, first in each list. The field's additions
// to the vocabulary are picked by typing, or shown with a click on "+N", so the
// form still fits a laptop screen. Ticked terms and the therapist's own
// always show.
var shownTerms = map[store.Kind]int{store.PainType: 6, store.Location: 4, store.Trigger: 9,
	store.Muscle: 6, store.Technique: 2}

// TagPicker is a quick multi-select over one vocabulary: a field at the
// end of the row to pick by typing ("ql l", "mass, str", Enter), one check per
// term, a side (L / R / Both) for locations and muscles. A name the
// vocabulary lacks is added in place.
type TagPicker struct {
	kind       store.Kind
	vocabulary Vocabulary
	tasks      *Tasks

	Items   []*TagItem
	Flow    *xlayout.Flow
	AddName *Entry      // type to pick; Enter picks the best match or adds the name
	AddBtn  *sideToggle // adds the typed name as it is
	More    *sideToggle // "+6": shows the terms a long row keeps folded
	showAll bool
	Matches *SecondaryText
	addBox  fyne.CanvasObject
	Error   *FieldError
	adding  bool
	// pending is the term just picked by Enter that waits for a side key.
	pending *TagItem

	OnChange func()
	OnEscape func()
	OnFocus  func(fyne.CanvasObject)
	OnNext   func() // Enter moves on to the next row
	Relayout func() // the matches line came or went
	hints    *fyne.Container
	hintBack *canvas.Rectangle

	Content fyne.CanvasObject
}

// TagItem is one term in a picker.
type TagItem struct {
	Term  store.Term
	Check *check
	Sides map[store.Side]*sideToggle // empty for kinds without a side
	side  store.Side

	picker  *TagPicker
	content fyne.CanvasObject
}

// Vocabulary is what a tag picker asks of the record: a term the
// therapist types that the list lacks is added there for good.
type Vocabulary interface {
	AddTerm(ctx context.Context, kind store.Kind, name string) (store.Term, error)
	TermNamed(ctx context.Context, kind store.Kind, name string) (store.Term, error)
}

func NewTagPicker(kind store.Kind, terms []store.Term, s Vocabulary, t *Tasks) *TagPicker {
	p := &TagPicker{kind: kind, vocabulary: s, tasks: t, Error: NewFieldError()}
	p.Flow = xlayout.NewFlow()
	// The add field is small: it sits among the terms, and every unit of
	// width it takes can push a term onto another line.
	p.AddName = NewEntry("Type…")
	p.AddName.OnChanged = func(string) { p.showMatches() }
	p.AddName.OnSubmitted = p.pick
	p.AddName.OnEscape = func() {
		if p.AddName.Text != "" || p.pending != nil {
			p.pending = nil
			p.AddName.SetText("")
		} else {
			p.escape()
		}
	}
	p.AddName.OnRune = p.sideKey
	p.AddName.onKey = func(k *fyne.KeyEvent) bool {
		if k.Name == fyne.KeyBackspace && p.AddName.Text == "" {
			p.untickLast()
			return true
		}
		return false
	}
	p.AddName.OnFocus = func(o fyne.CanvasObject) { p.focused(o); p.showMatches() }
	p.AddName.OnBlur = p.hideFloatingHint
	// The + takes no focus of its own (Enter in the field does the same).
	p.AddBtn = newSideToggle("+", func() { p.addTerm(p.AddName.Text) })
	p.AddBtn.inField = true
	p.AddName.ActionItem = p.AddBtn
	p.Matches = NewSecondaryText()
	p.Matches.Hide()
	p.addBox = container.NewGridWrap(fyne.NewSize(addFieldWidth, p.AddName.MinSize().Height), p.AddName)
	// The field ends the row; Enter in the row before comes straight to
	// it.
	p.More = newSideToggle("", func() { p.showAll = true; p.fold() })
	p.Flow.Add(p.More)
	p.Flow.Add(p.addBox)
	for _, term := range terms {
		p.addItem(term)
	}
	p.fold()
	p.Content = container.NewVBox(p.Flow, p.Matches, p.Error)
	return p
}

// offered are the terms a typed name can pick: those not retired.
func (p *TagPicker) offered() []store.Term {
	var out []store.Term
	for _, it := range p.Items {
		if !it.Term.Retired {
			out = append(out, it.Term)
		}
	}
	return out
}

// showMatches names, under the row, what Enter will do with the text.
func (p *TagPicker) showMatches() {
	text := strings.TrimSpace(p.AddName.Text)
	var line string
	switch {
	case p.pending != nil:
		line = "Side of " + p.pending.Term.Name + ": L, R or B · Enter leaves it open"
	case text == "":
	default:
		var parts []string
		for _, tt := range p.typedTags(text) {
			found := tt.found
			if len(found) == 0 {
				parts = append(parts, "adds “"+tt.name+"” to your list")
				continue
			}
			s := found[0].Name
			if it := p.item(found[0].ID); it != nil && it.Check.Checked {
				s = "unticks " + s
			}
			var others []string
			for _, o := range found[1:min(len(found), shownMatches+1)] {
				others = append(others, o.Name)
			}
			if len(others) > 0 {
				s += " (also " + strings.Join(others, ", ") + ")"
			}
			parts = append(parts, s)
		}
		line = "Enter: " + strings.Join(parts, " · ")
	}
	p.Matches.SetText(line)
	if p.hints != nil {
		p.floatHint(line != "")
		return
	}
	if shown := line != ""; shown != p.Matches.Visible() {
		if shown {
			p.Matches.Show()
		} else {
			p.Matches.Hide()
		}
		if p.Relayout != nil {
			p.Relayout()
		}
	}
}

// typedTag is one comma-separated part of what was typed in a tag row.
type typedTag struct {
	name  string
	side  store.Side
	found []store.Term // best first; none means a new term
}

func (p *TagPicker) typedTags(text string) []typedTag {
	var out []typedTag
	for _, part := range strings.Split(text, ",") {
		name, side := p.nameAndSide(part)
		if name = strings.TrimSpace(name); name != "" {
			out = append(out, typedTag{name: name, side: side, found: store.BestTerms(name, p.offered())})
		}
	}
	return out
}

// nameAndSide splits "ql l" into the name and the side, for kinds with one.
func (p *TagPicker) nameAndSide(typed string) (string, store.Side) {
	if !p.kind.HasSide() {
		return typed, store.NoSide
	}
	return SplitSide(typed)
}

// pick is Enter in the field: each comma-separated name ticks its best
// match (or unticks it, if ticked and no side is named), a name with no
// match is added to the vocabulary, and the keyboard moves on to the next
// row, unless a term with a side waits for its side key.
func (p *TagPicker) pick(text string) {
	if strings.TrimSpace(text) == "" {
		p.pending = nil
		p.showMatches()
		p.next()
		return
	}
	p.pending = nil
	var picked []*TagItem
	for _, tt := range p.typedTags(text) {
		side := tt.side
		if len(tt.found) == 0 {
			p.addTerm(tt.name)
			continue
		}
		it := p.item(tt.found[0].ID)
		if it.Check.Checked && side == store.NoSide {
			it.Check.SetChecked(false)
			continue
		}
		if side != store.NoSide {
			it.side = side
		}
		if !it.Check.Checked {
			it.Check.SetChecked(true) // fires the change
		} else {
			it.showSide()
			p.changed()
		}
		picked = append(picked, it)
		if p.kind.HasSide() && it.side == store.NoSide {
			p.pending = it
		}
	}
	if len(picked) != 1 {
		p.pending = nil
	}
	p.AddName.SetText("")
	p.showMatches()
	if p.pending == nil {
		p.next()
	}
}

// sideKey takes L, R or B for the term waiting for its side.
func (p *TagPicker) sideKey(r rune) bool {
	it := p.pending
	side, ok := SideKeys[r]
	if it == nil || !ok || p.AddName.Text != "" {
		return false
	}
	p.pending = nil
	it.side = side
	it.showSide()
	p.changed()
	p.showMatches()
	p.next()
	return true
}

// untickLast is Backspace in the empty field: the last term ticked goes.
func (p *TagPicker) untickLast() {
	for i := len(p.Items) - 1; i >= 0; i-- {
		if it := p.Items[i]; it.Check.Checked {
			it.Check.SetChecked(false)
			return
		}
	}
}

func (p *TagPicker) next() {
	if p.OnNext != nil {
		p.OnNext()
	}
}

// addItem puts a term's check before the "add" field.
func (p *TagPicker) addItem(term store.Term) *TagItem {
	it := &TagItem{Term: term, picker: p, Sides: map[store.Side]*sideToggle{}}
	label := term.Name
	if term.Retired {
		label += " (retired)"
	}
	it.Check = newCheck(label, func(on bool) {
		if !on {
			it.side = store.NoSide
		}
		it.showSide()
		if on && it.content != nil && !it.content.Visible() {
			p.fold() // a folded term picked by typing comes into view
		}
		p.changed()
	})
	it.Check.onEscape = func() { p.escape() }
	it.Check.onFocus = func(o fyne.CanvasObject) { p.focused(o) }
	it.content = it.Check
	if p.kind.HasSide() {
		// The three sides read as one control: a hair apart, not a gap.
		sides := container.New(layout.NewCustomPaddedHBoxLayout(1))
		for _, side := range store.Sides {
			side := side
			b := newSideToggle(sideButtonText(side), func() { it.toggleSide(side) })
			it.Sides[side] = b
			sides.Add(b)
		}
		it.Check.onRune = func(r rune) {
			if side, ok := SideKeys[r]; ok {
				it.toggleSide(side)
			}
		}
		it.content = container.NewHBox(it.Check, sides)
		it.showSide()
	}
	p.Items = append(p.Items, it)
	// Terms go before "more" and the add field (and anything after them),
	// in order.
	p.Flow.Insert(len(p.Items)-1, it.content)
	return it
}

// SideKeys are the keys a focused location or muscle takes for its side.
var SideKeys = map[rune]store.Side{
	'l': store.Left, 'L': store.Left, 'r': store.Right, 'R': store.Right, 'b': store.Both, 'B': store.Both,
}

func sideButtonText(s store.Side) string {
	if s == store.Both {
		return "Both"
	}
	return s.Short()
}

// toggleSide picks a side (checking the term) or, when it is already the
// side, clears it.
func (it *TagItem) toggleSide(side store.Side) {
	if it.Check.Checked && it.side == side {
		it.side = store.NoSide
	} else {
		it.side = side
	}
	if !it.Check.Checked {
		it.Check.SetChecked(true) // fires the change
		return
	}
	it.showSide()
	it.picker.changed()
}

func (it *TagItem) showSide() {
	for side, b := range it.Sides {
		b.SetOn(it.Check.Checked && side == it.side)
	}
}

func (p *TagPicker) escape() {
	if p.OnEscape != nil {
		p.OnEscape()
	}
}

func (p *TagPicker) focused(o fyne.CanvasObject) {
	if p.OnFocus != nil {
		p.OnFocus(o)
	}
}

// fold hides the built-in terms past shownTerms that are not ticked,
// unless the therapist asked for all; "more" says how many are folded.
func (p *TagPicker) fold() {
	folded := 0
	for i, it := range p.Items {
		if !p.showAll && i >= shownTerms[p.kind] && it.Term.Builtin && !it.Check.Checked {
			it.content.Hide()
			folded++
		} else {
			it.content.Show()
		}
	}
	if folded == 0 {
		p.More.Hide()
	} else {
		p.More.Text = fmt.Sprintf("+%d", folded)
		p.More.Show()
		p.More.Refresh()
	}
	p.Flow.Refresh()
	if p.Relayout != nil {
		p.Relayout()
	}
}

func (p *TagPicker) changed() {
	if p.OnChange != nil {
		p.OnChange()
	}
}

// Tags is the selection in vocabulary order.
func (p *TagPicker) Tags() []store.Tag {
	var out []store.Tag
	for _, it := range p.Items {
		if it.Check.Checked {
			out = append(out, store.Tag{TermID: it.Term.ID, Name: it.Term.Name, Side: it.side})
		}
	}
	return out
}

// Set checks exactly the given tags. A tag whose term is retired (so not
// offered any more) is added, marked, so editing an old session keeps it.
func (p *TagPicker) Set(tags []store.Tag) {
	want := map[int64]store.Tag{}
	for _, t := range tags {
		want[t.TermID] = t
		if p.item(t.TermID) == nil {
			p.addItem(store.Term{ID: t.TermID, Kind: p.kind, Name: t.Name, Retired: t.Retired})
		}
	}
	for _, it := range p.Items {
		t, on := want[it.Term.ID]
		it.side = t.Side
		if it.Check.Checked != on {
			it.Check.Checked = on
			it.Check.Refresh()
		}
		it.showSide()
	}
	p.fold()
	p.changed()
}

func (p *TagPicker) item(termID int64) *TagItem {
	for _, it := range p.Items {
		if it.Term.ID == termID {
			return it
		}
	}
	return nil
}

// addTerm adds name to the vocabulary and checks it. A name that is
// already in the list is simply checked.
func (p *TagPicker) addTerm(name string) {
	if strings.TrimSpace(name) == "" || p.adding {
		return
	}
	p.adding = true
	p.tasks.Run(func() func() {
		term, err := p.vocabulary.AddTerm(context.Background(), p.kind, name)
		var existing store.Term
		var ve *store.ValidationError
		if errors.As(err, &ve) {
			if found, ferr := p.vocabulary.TermNamed(context.Background(), p.kind, name); ferr == nil && !found.Retired {
				existing, err = found, nil
			}
		}
		return func() {
			p.adding = false
			if err != nil {
				p.Error.ShowText(words.ErrorText(err))
				return
			}
			if existing.ID != 0 {
				term = existing
			}
			p.Error.ShowText("")
			if strings.EqualFold(strings.TrimSpace(p.AddName.Text), strings.TrimSpace(name)) {
				p.AddName.SetText("")
			}
			it := p.item(term.ID)
			if it == nil {
				it = p.addItem(term)
			}
			it.Check.SetChecked(true)
		}
	})
}
