package clientview

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/kit"
)

// answerRow is one "not asked / no / yes + detail" question: a choice and a
// detail beside it, with the question's red line under them.
type answerRow struct {
	Choice *widget.RadioGroup
	Detail *kit.Entry
	Error  *kit.FieldError
	box    fyne.CanvasObject
}

func newAnswerRow(placeholder string, a store.Answer) *answerRow {
	labels := make([]string, len(store.AnswerStates))
	for i, s := range store.AnswerStates {
		labels[i] = s.Label()
	}
	r := &answerRow{Choice: widget.NewRadioGroup(labels, nil), Detail: kit.NewEntry(placeholder), Error: kit.NewFieldError()}
	r.Choice.Horizontal = true
	r.Choice.Required = true
	r.set(a)
	r.box = container.NewVBox(container.NewBorder(nil, nil, r.Choice, nil, r.Detail), r.Error)
	return r
}

func (r *answerRow) set(a store.Answer) {
	r.Choice.SetSelected(a.State.Label())
	r.Detail.SetText(a.Detail)
}

func (r *answerRow) answer() store.Answer {
	a := store.Answer{Detail: r.Detail.Text}
	for _, s := range store.AnswerStates {
		if s.Label() == r.Choice.Selected {
			a.State = s
		}
	}
	return a
}

// dateField is a YYYY-MM-DD entry with its red line.
type dateField struct {
	Entry *kit.Entry
	Error *kit.FieldError
	box   fyne.CanvasObject
}

func newDateField(t time.Time) *dateField {
	f := &dateField{Entry: kit.NewEntry("YYYY-MM-DD"), Error: kit.NewFieldError()}
	if !t.IsZero() {
		f.Entry.SetText(t.Format(store.DateLayout))
	}
	f.box = container.NewVBox(f.Entry, f.Error)
	return f
}

// value reads the date; a text that is not a date is a problem for field,
// reported before anything is saved.
func (f *dateField) value(field, label string, problems map[string]string) time.Time {
	text := strings.TrimSpace(f.Entry.Text)
	if text == "" {
		return time.Time{}
	}
	d, err := kit.ReadDay(text)
	if err != nil {
		problems[field] = kit.DateProblem(label, err)
	}
	return d
}

// screenFields are the red-flag screen's questions and what was done,
// shared by the intake and the screen at a visit.
type screenFields struct {
	Answers    map[store.RedFlag]*answerRow
	ReferredTo *kit.Entry
	ReferredOn *dateField
	ClearedBy  *kit.Entry
	ClearedOn  *dateField
	Note       *kit.Entry
	errors     map[string]*kit.FieldError
}

func newScreenFields(s store.RedFlagScreen) *screenFields {
	f := &screenFields{Answers: map[store.RedFlag]*answerRow{}, ReferredTo: kit.NewEntry("Dr Weber, GP"),
		ReferredOn: newDateField(s.ReferredOn), ClearedBy: kit.NewEntry("The physician who cleared treatment"),
		ClearedOn: newDateField(s.ClearedOn), Note: kit.NewNoteEntry("What the physician said", 2),
		errors: map[string]*kit.FieldError{"referred_to": kit.NewFieldError(), "cleared_by": kit.NewFieldError(), "screen_note": kit.NewFieldError()}}
	for _, flag := range store.RedFlags {
		f.Answers[flag] = newAnswerRow("What the client said", s.Answer(flag))
	}
	f.ReferredTo.SetText(s.ReferredTo)
	f.ClearedBy.SetText(s.ClearedBy)
	f.Note.SetText(s.Note)
	return f
}

// fields lists the red lines by store field key.
func (f *screenFields) fields(into map[string]*kit.FieldError) {
	for flag, row := range f.Answers {
		into["flag_"+string(flag)] = row.Error
	}
	into["referral_date"], into["cleared_on"] = f.ReferredOn.Error, f.ClearedOn.Error
	for k, e := range f.errors {
		into[k] = e
	}
}

// Rows adds the screen to a form: the source, the questions grouped by
// what they point to, then what was done.
func (f *screenFields) rows(add func(label string, obj fyne.CanvasObject)) {
	note := kit.NewHint(store.RedFlagSource)
	add("", note)
	concern := ""
	for _, flag := range store.RedFlags {
		if c := flag.Concern(); c != concern {
			concern = c
			add("", widget.NewLabelWithStyle(strings.ToUpper(c[:1])+c[1:], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		}
		label := widget.NewLabel(flag.Label())
		label.Wrapping = fyne.TextWrapWord
		add("", container.NewVBox(label, f.Answers[flag].box))
	}
	add("Referred to", container.NewVBox(f.ReferredTo, f.errors["referred_to"]))
	add("Referred on", f.ReferredOn.box)
	add("Cleared by", container.NewVBox(f.ClearedBy, f.errors["cleared_by"]))
	add("Cleared on", f.ClearedOn.box)
	add("Note", container.NewVBox(f.Note, f.errors["screen_note"]))
}

// Read turns the fields into a screen over base (its UID and date kept).
func (f *screenFields) read(base store.RedFlagScreen, problems map[string]string) store.RedFlagScreen {
	s := base
	s.Answers = map[store.RedFlag]store.Answer{}
	for flag, row := range f.Answers {
		if a := row.answer(); a != (store.Answer{}) {
			s.Answers[flag] = a
		}
	}
	s.ReferredTo, s.ClearedBy, s.Note = f.ReferredTo.Text, f.ClearedBy.Text, f.Note.Text
	s.ReferredOn = f.ReferredOn.value("referral_date", "The referral date", problems)
	s.ClearedOn = f.ClearedOn.value("cleared_on", "The clearance date", problems)
	return s
}

// touched reports whether anything of the screen was filled in.
func (f *screenFields) touched() bool {
	for _, row := range f.Answers {
		if row.answer() != (store.Answer{}) {
			return true
		}
	}
	return strings.TrimSpace(f.ReferredTo.Text+f.ReferredOn.Entry.Text+f.ClearedBy.Text+f.ClearedOn.Entry.Text+f.Note.Text) != ""
}

// showProblems puts each problem at its field, in red; what has no field
// goes to summary.
func showProblems(fields map[string]*kit.FieldError, summary *widget.Label, problems map[string]string) {
	var loose []string
	for key, msg := range problems {
		if _, ok := fields[key]; !ok {
			loose = append(loose, msg)
		}
	}
	for key, e := range fields {
		e.ShowText(problems[key])
	}
	switch {
	case len(loose) > 0:
		summary.SetText("Not saved. " + strings.Join(loose, "; "))
	case len(problems) > 0:
		summary.SetText(fmt.Sprintf("Not saved: %d %s correcting (marked in red).", len(problems),
			map[bool]string{true: "field needs", false: "fields need"}[len(problems) == 1]))
	default:
		summary.SetText("")
	}
}
