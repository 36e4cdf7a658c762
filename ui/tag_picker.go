package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynelayout "fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/layout"
)

// addFieldWidth fits a new term of a word or two; a longer one scrolls.
const addFieldWidth = 124

// tagPicker is a quick multi-select over one vocabulary: one check per
// term, a side (L / R / Both) for locations and muscles, and a field to add
// a new term in place.
type tagPicker struct {
	kind  store.Kind
	store *sqlstore.Store
	tasks *tasks

	Items   []*tagItem
	flow    *layout.Flow
	AddName *entry
	AddBtn  *button
	addBox  fyne.CanvasObject
	Error   *fieldError

	onChange func()
	onEscape func()
	onFocus  func(fyne.CanvasObject)

	content fyne.CanvasObject
}

// tagItem is one term in a picker.
type tagItem struct {
	Term  store.Term
	Check *check
	Sides map[store.Side]*sideToggle // empty for kinds without a side
	side  store.Side

	picker  *tagPicker
	content fyne.CanvasObject
}

func newTagPicker(kind store.Kind, terms []store.Term, s *sqlstore.Store, t *tasks) *tagPicker {
	p := &tagPicker{kind: kind, store: s, tasks: t, Error: newFieldError()}
	p.flow = layout.NewFlow()
	for _, term := range terms {
		p.addItem(term)
	}
	// The add field is small: it sits among the terms, and every unit of
	// width it takes can push a term onto another line.
	p.AddName = newEntry("Add…")
	p.AddName.OnSubmitted = func(string) { p.addTerm() }
	p.AddName.onEscape = func() {
		if p.AddName.Text != "" {
			p.AddName.SetText("")
		} else {
			p.escape()
		}
	}
	p.AddName.onFocus = p.focused
	p.AddBtn = newButtonWithIcon("", theme.ContentAddIcon(), p.addTerm)
	p.AddBtn.Importance = widget.LowImportance
	// The + sits inside the field's right end, where it takes no room of
	// its own.
	p.AddName.ActionItem = p.AddBtn
	p.addBox = container.NewGridWrap(fyne.NewSize(addFieldWidth, p.AddName.MinSize().Height), p.AddName)
	p.flow.Add(p.addBox)
	p.content = container.NewVBox(p.flow, p.Error)
	return p
}

// addItem puts a term's check before the "add" field.
func (p *tagPicker) addItem(term store.Term) *tagItem {
	it := &tagItem{Term: term, picker: p, Sides: map[store.Side]*sideToggle{}}
	label := term.Name
	if term.Retired {
		label += " (retired)"
	}
	it.Check = newCheck(label, func(on bool) {
		if !on {
			it.side = store.NoSide
		}
		it.showSide()
		p.changed()
	})
	it.Check.onEscape = func() { p.escape() }
	it.Check.onFocus = func(o fyne.CanvasObject) { p.focused(o) }
	it.content = it.Check
	if p.kind.HasSide() {
		// The three sides read as one control: a hair apart, not a gap.
		sides := container.New(fynelayout.NewCustomPaddedHBoxLayout(1))
		for _, side := range store.Sides {
			side := side
			b := newSideToggle(sideButtonText(side), func() { it.toggleSide(side) })
			it.Sides[side] = b
			sides.Add(b)
		}
		it.Check.onRune = func(r rune) {
			if side, ok := sideKeys[r]; ok {
				it.toggleSide(side)
			}
		}
		it.content = container.NewHBox(it.Check, sides)
		it.showSide()
	}
	p.Items = append(p.Items, it)
	// Terms go before the add field (and anything after it), in order.
	p.flow.Insert(len(p.Items)-1, it.content)
	return it
}

// sideKeys are the keys a focused location or muscle takes for its side.
var sideKeys = map[rune]store.Side{
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
func (it *tagItem) toggleSide(side store.Side) {
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

func (it *tagItem) showSide() {
	for side, b := range it.Sides {
		b.SetOn(it.Check.Checked && side == it.side)
	}
}

func (p *tagPicker) escape() {
	if p.onEscape != nil {
		p.onEscape()
	}
}

func (p *tagPicker) focused(o fyne.CanvasObject) {
	if p.onFocus != nil {
		p.onFocus(o)
	}
}

func (p *tagPicker) changed() {
	if p.onChange != nil {
		p.onChange()
	}
}

// tags is the selection in vocabulary order.
func (p *tagPicker) tags() []store.Tag {
	var out []store.Tag
	for _, it := range p.Items {
		if it.Check.Checked {
			out = append(out, store.Tag{TermID: it.Term.ID, Name: it.Term.Name, Side: it.side})
		}
	}
	return out
}

// set checks exactly the given tags. A tag whose term is retired (so not
// offered any more) is added, marked, so editing an old session keeps it.
func (p *tagPicker) set(tags []store.Tag) {
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
	p.changed()
}

func (p *tagPicker) item(termID int64) *tagItem {
	for _, it := range p.Items {
		if it.Term.ID == termID {
			return it
		}
	}
	return nil
}

// addTerm adds the typed name to the vocabulary and checks it. A name that
// is already in the list is simply checked.
func (p *tagPicker) addTerm() {
	name := p.AddName.Text
	if name == "" {
		return
	}
	p.AddBtn.Disable()
	p.tasks.run(func() func() {
		term, err := p.store.AddTerm(context.Background(), p.kind, name)
		var existing store.Term
		var ve *store.ValidationError
		if errors.As(err, &ve) {
			if found, ferr := p.store.TermNamed(context.Background(), p.kind, name); ferr == nil && !found.Retired {
				existing, err = found, nil
			}
		}
		return func() {
			p.AddBtn.Enable()
			if err != nil {
				p.Error.show(errorText(err))
				return
			}
			if existing.ID != 0 {
				term = existing
			}
			p.Error.show("")
			p.AddName.SetText("")
			it := p.item(term.ID)
			if it == nil {
				it = p.addItem(term)
			}
			it.Check.SetChecked(true)
		}
	})
}
