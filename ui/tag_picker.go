package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
)

// tagPicker is a quick multi-select over one vocabulary: one check per
// term, a side (L / R / Both) for locations and muscles, and a field to add
// a new term in place.
type tagPicker struct {
	kind  store.Kind
	store *store.Store
	tasks *tasks

	Items   []*tagItem
	grid    *fyne.Container
	AddName *entry
	AddBtn  *widget.Button
	Error   *fieldError

	onChange func()
	onEscape func()

	content fyne.CanvasObject
}

// tagItem is one term in a picker.
type tagItem struct {
	Term  store.Term
	Check *widget.Check
	Sides map[store.Side]*widget.Button // empty for kinds without a side
	side  store.Side

	picker  *tagPicker
	content fyne.CanvasObject
}

// pickerColumns is how many terms a row holds: sided kinds need room for
// their side buttons.
func pickerColumns(k store.Kind) int {
	if k.HasSide() {
		return 2
	}
	return 3
}

func newTagPicker(kind store.Kind, terms []store.Term, s *store.Store, t *tasks) *tagPicker {
	p := &tagPicker{kind: kind, store: s, tasks: t, Error: newFieldError()}
	p.grid = container.NewGridWithColumns(pickerColumns(kind))
	for _, term := range terms {
		p.addItem(term)
	}
	p.AddName = newEntry("Add " + lower(kind.Label()) + "…")
	p.AddName.OnSubmitted = func(string) { p.addTerm() }
	p.AddName.onEscape = func() {
		if p.AddName.Text != "" {
			p.AddName.SetText("")
		} else if p.onEscape != nil {
			p.onEscape()
		}
	}
	p.AddBtn = widget.NewButtonWithIcon("", theme.ContentAddIcon(), p.addTerm)
	p.AddBtn.Importance = widget.LowImportance
	p.grid.Add(container.NewBorder(nil, nil, nil, p.AddBtn, p.AddName))
	p.content = container.NewVBox(p.grid, p.Error)
	return p
}

func lower(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}

// addItem puts a term's check before the "add" field.
func (p *tagPicker) addItem(term store.Term) *tagItem {
	it := &tagItem{Term: term, picker: p, Sides: map[store.Side]*widget.Button{}}
	label := term.Name
	if term.Retired {
		label += " (retired)"
	}
	it.Check = widget.NewCheck(label, func(on bool) {
		if !on {
			it.side = store.NoSide
		}
		it.showSide()
		p.changed()
	})
	it.content = it.Check
	if p.kind.HasSide() {
		sides := container.NewHBox()
		for _, side := range store.Sides {
			side := side
			b := widget.NewButton(sideButtonText(side), func() { it.toggleSide(side) })
			b.Importance = widget.LowImportance
			it.Sides[side] = b
			sides.Add(b)
		}
		it.content = container.NewBorder(nil, nil, nil, sides, it.Check)
	}
	p.Items = append(p.Items, it)
	at := len(p.Items) - 1 // before the add field, which is last once built
	if len(p.grid.Objects) > at {
		p.grid.Objects = append(p.grid.Objects[:at], append([]fyne.CanvasObject{it.content}, p.grid.Objects[at:]...)...)
		p.grid.Refresh()
	} else {
		p.grid.Add(it.content)
	}
	return it
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
		if it.Check.Checked && side == it.side {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
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
