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
	Choice *kit.AnswerChoice
	Detail *kit.Entry
	Error  *kit.FieldError
	box    fyne.CanvasObject
}

func newAnswerRow(placeholder string, a store.Answer) *answerRow {
	labels := make([]string, len(store.AnswerStates))
	for i, s := range store.AnswerStates {
		labels[i] = s.Label()
	}
	r := &answerRow{Choice: kit.NewAnswerChoice(labels), Detail: kit.NewEntry(placeholder), Error: kit.NewFieldError()}
	r.Choice.Keys = map[rune]string{'n': store.AnsweredNo.Label(), 'y': store.AnsweredYes.Label(), 'a': store.NotAsked.Label()}
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

// dateField is a date entry (a day up or down with the arrows, a
// calendar) with a Today button beside it and its red line.
type dateField struct {
	Entry *kit.Entry
	Today *kit.Button
	Error *kit.FieldError
	box   fyne.CanvasObject
}

// newDateField shows t (zero: empty); Today writes today's date, read from
// today, the desk's clock.
func newDateField(t time.Time, today func() time.Time) *dateField {
	f := &dateField{Entry: kit.NewEntry("YYYY-MM-DD"), Error: kit.NewFieldError()}
	kit.MakeDateField(f.Entry)
	if !t.IsZero() {
		f.Entry.SetText(t.Format(store.DateLayout))
	}
	f.Today = kit.NewButton("Today", func() { f.Entry.SetText(today().Format(store.DateLayout)) })
	f.box = container.NewVBox(container.NewBorder(nil, nil, nil, f.Today, f.Entry), f.Error)
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

func newScreenFields(s store.RedFlagScreen, today func() time.Time) *screenFields {
	f := &screenFields{Answers: map[store.RedFlag]*answerRow{}, ReferredTo: kit.NewEntry("Dr Weber, GP"),
		ReferredOn: newDateField(s.ReferredOn, today), ClearedBy: kit.NewEntry("The physician who cleared treatment"),
		ClearedOn: newDateField(s.ClearedOn, today), Note: kit.NewNoteEntry("What the physician said", 2),
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
// what they point to, each group with its "the rest are No", and what was
// done. Recording what was done about a "yes" (referralFirst), the
// referral and clearance come first: they are what the therapist came
// to write, not thirty questions further down.
func (f *screenFields) rows(form *healthForm, referralFirst bool) {
	done := func() {
		form.add("Referred to", container.NewVBox(f.ReferredTo, f.errors["referred_to"]))
		form.add("Referred on", f.ReferredOn.box)
		form.add("Cleared by", container.NewVBox(f.ClearedBy, f.errors["cleared_by"]))
		form.add("Cleared on", f.ClearedOn.box)
		form.add("Note", container.NewVBox(f.Note, f.errors["screen_note"]))
	}
	if referralFirst {
		form.heading("WHAT WAS DONE")
		done()
		form.heading("THE SCREEN")
	}
	form.add("", kit.NewHint(store.RedFlagSource))
	var groups [][]store.RedFlag
	concern := ""
	for _, flag := range store.RedFlags {
		if c := flag.Concern(); c != concern || len(groups) == 0 {
			concern = c
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], flag)
	}
	for _, group := range groups {
		c := group[0].Concern()
		var rows []*answerRow
		for _, flag := range group {
			rows = append(rows, f.Answers[flag])
		}
		form.subheading(strings.ToUpper(c[:1])+c[1:], rows...)
		for _, flag := range group {
			label := widget.NewLabel(flag.Label())
			label.Wrapping = fyne.TextWrapWord
			form.question("", container.NewVBox(label, f.Answers[flag].box), f.Answers[flag])
		}
	}
	if !referralFirst {
		done()
	}
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
