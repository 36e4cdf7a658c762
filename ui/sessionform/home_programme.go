package sessionform

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/exercisepicture"
	"backtrack/ui/kit"
	"backtrack/ui/xlayout"
)

// ProgrammeInput is the session form's home programme: exercises picked as
// tags are (a few letters or the initials, Enter), each with its dose to
// edit and the intake's caution where it advises against one; the muscles
// treated suggest exercises; and what the client did of the last
// programme (adherence).
type ProgrammeInput struct {
	Find    *kit.Entry // type to pick; Enter adds the best match, your own exercise, or the first suggestion
	Matches *kit.SecondaryText
	// Suggest names the exercises for the muscles treated; Enter in the
	// empty field adds the first. One line, so the form still fits a laptop.
	Suggest   *kit.SecondaryText
	suggested []store.Exercise
	Rows      []*PrescriptionRow
	list      *fyne.Container
	Error     *kit.FieldError
	Level     *widget.Select // adherence: all, some, none
	Hard      *kit.Entry     // the exercise that was hard, asked once a level is chosen
	AdhError  *kit.FieldError
	Heading   *widget.Label

	muscles  []store.Tag // the muscles treated, which suggest exercises
	intake   func() store.Intake
	relayout func()
	content  fyne.CanvasObject
}

// PrescriptionRow is one exercise prescribed: its name, its dose, a way to
// take it out, and a caution when the intake advises against it.
type PrescriptionRow struct {
	rx      store.Prescription
	Name    *widget.Label
	Hold    *kit.Entry
	Reps    *kit.Entry
	Sets    *kit.Entry
	PerDay  *kit.Entry
	Remove  *kit.Button
	Caution *kit.FieldError
	Picture *exercisepicture.Picture // the handout's picture, small
	content fyne.CanvasObject
}

// exerciseTerms are the library as terms to match typing against: each
// exercise by its name and by what its parentheses name ("ql" finds the
// quadratus lumborum stretch), IDs 1… in library order.
var exerciseTerms = func() []store.Term {
	var out []store.Term
	for i, ex := range store.Exercises() {
		main, aside, _ := strings.Cut(ex.Name, "(")
		out = append(out, store.Term{ID: int64(i + 1), Name: strings.TrimSpace(main)})
		if aside = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(aside), ")")); aside != "" {
			out = append(out, store.Term{ID: int64(i + 1), Name: aside})
		}
	}
	return out
}()

// MatchExercises are the library exercises typed names, best first.
func MatchExercises(typed string) []store.Exercise {
	var out []store.Exercise
	seen := map[int64]bool{}
	for _, t := range store.BestTerms(typed, exerciseTerms) {
		if !seen[t.ID] {
			seen[t.ID] = true
			out = append(out, store.Exercises()[t.ID-1])
		}
	}
	return out
}

func newProgrammeInput(intake func() store.Intake, relayout func()) *ProgrammeInput {
	p := &ProgrammeInput{intake: intake, relayout: relayout, Error: kit.NewFieldError(), AdhError: kit.NewFieldError()}
	p.Find = kit.NewEntry("Home exercise…")
	p.Find.OnChanged = func(string) { p.showMatches() }
	p.Find.OnSubmitted = func(text string) { p.pick(text) }
	p.Matches = kit.NewSecondaryText()
	p.Matches.Hide()
	p.Suggest = kit.NewSecondaryText()
	p.Suggest.Hide()
	p.list = container.NewVBox()
	levels := make([]string, len(store.AdherenceLevels))
	for i, l := range store.AdherenceLevels {
		levels[i] = "Last did: " + map[store.AdherenceLevel]string{store.NotAskedAdherence: "?"}[l] + string(l)
	}
	p.Hard = kit.NewEntry("Which was hard?")
	p.Hard.Hide()
	p.Level = widget.NewSelect(levels, func(string) {
		if p.adherence().Level == store.NotAskedAdherence {
			p.Hard.Hide()
		} else {
			p.Hard.Show()
		}
		p.relayout()
	})
	p.Level.SetSelectedIndex(0)
	// the adherence is asked on the exercise field's line: the form fits
	// a laptop's screen with both
	line := container.NewBorder(nil, nil, nil, p.Level, p.Find)
	// the heading shows over exercises prescribed; the empty field's own
	// words say what it is
	p.Heading = widget.NewLabel("Home programme")
	p.Heading.Hide()
	p.content = container.NewVBox(p.Heading, p.list, line, p.Hard, p.Matches, p.Suggest, p.Error, p.AdhError)
	return p
}

// showMatches says what Enter will add.
func (p *ProgrammeInput) showMatches() {
	text := strings.TrimSpace(p.Find.Text)
	line := ""
	if text != "" {
		found := MatchExercises(text)
		if len(found) == 0 {
			line = "Enter: adds your own exercise “" + text + "”"
		} else {
			line = "Enter: " + found[0].Name
			var others []string
			for _, o := range found[1:min(len(found), 4)] {
				others = append(others, o.Name)
			}
			if len(others) > 0 {
				line += " (also " + strings.Join(others, ", ") + ")"
			}
		}
	}
	p.Matches.SetText(line)
	if shown := line != ""; shown != p.Matches.Visible() {
		if shown {
			p.Matches.Show()
		} else {
			p.Matches.Hide()
		}
		p.relayout()
	}
}

// pick adds the best match for what was typed, or the therapist's own
// exercise by that name, with its default dose.
func (p *ProgrammeInput) pick(text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		if len(p.suggested) > 0 {
			p.add(store.Prescription{Exercise: p.suggested[0].ID, Dose: p.suggested[0].Dose})
		}
		return
	}
	if found := MatchExercises(text); len(found) > 0 {
		p.add(store.Prescription{Exercise: found[0].ID, Dose: found[0].Dose})
	} else {
		p.add(store.Prescription{Name: text, Dose: store.Dose{PerDay: 1}})
	}
	p.Find.SetText("")
}

// add appends an exercise, unless it is already prescribed.
func (p *ProgrammeInput) add(rx store.Prescription) {
	for _, r := range p.Rows {
		if r.rx.Exercise == rx.Exercise && store.Fold(r.rx.Name) == store.Fold(rx.Name) {
			return
		}
	}
	row := p.newRow(rx)
	p.Rows = append(p.Rows, row)
	p.list.Add(row.content)
	p.refreshCautions()
	p.suggestFor(p.muscles)
}

func (p *ProgrammeInput) newRow(rx store.Prescription) *PrescriptionRow {
	r := &PrescriptionRow{rx: rx, Caution: kit.NewFieldError()}
	r.Name = widget.NewLabelWithStyle(rx.Title(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.Name.Truncation = fyne.TextTruncateEllipsis
	number := func(n int, hint string) *kit.Entry {
		e := kit.NewEntry(hint)
		if n > 0 {
			e.SetText(strconv.Itoa(n))
		}
		return e
	}
	r.Hold, r.Reps = number(rx.Dose.HoldSec, "–"), number(rx.Dose.Reps, "–")
	r.Sets, r.PerDay = number(rx.Dose.Sets, "–"), number(rx.Dose.PerDay, "–")
	r.Remove = kit.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.remove(r) })
	r.Remove.Importance = widget.LowImportance
	small := func(e *kit.Entry) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(40, e.MinSize().Height), e)
	}
	// each part of the dose keeps its words; the parts wrap in a narrow
	// notes column
	part := func(objs ...fyne.CanvasObject) fyne.CanvasObject { return container.NewHBox(objs...) }
	dose := xlayout.NewFlow(
		part(widget.NewLabel("Hold"), small(r.Hold), widget.NewLabel("s")),
		part(small(r.Reps), widget.NewLabel("times")),
		part(small(r.Sets), widget.NewLabel("sets")),
		part(small(r.PerDay), widget.NewLabel("a day")))
	var thumb fyne.CanvasObject = layout.NewSpacer()
	if ex, ok := rx.Picture(); ok {
		r.Picture = exercisepicture.New(ex.ID, fyne.NewSize(56, 36))
		thumb = r.Picture
	}
	// the name on its line, the dose under it: a long name never hides a field
	r.content = container.NewVBox(container.NewBorder(nil, nil, nil, r.Remove, r.Name),
		container.NewBorder(nil, nil, thumb, nil, dose), r.Caution)
	return r
}

func (p *ProgrammeInput) remove(r *PrescriptionRow) {
	for i, x := range p.Rows {
		if x == r {
			p.Rows = append(p.Rows[:i], p.Rows[i+1:]...)
			p.list.Remove(r.content)
			break
		}
	}
	p.suggestFor(p.muscles)
}

// set replaces the programme and the adherence with a note's.
func (p *ProgrammeInput) set(programme []store.Prescription, a store.Adherence) {
	p.Rows = nil
	p.list.RemoveAll()
	for _, rx := range programme {
		row := p.newRow(rx)
		p.Rows = append(p.Rows, row)
		p.list.Add(row.content)
	}
	for i, l := range store.AdherenceLevels {
		if l == a.Level {
			p.Level.SetSelectedIndex(i)
		}
	}
	p.Hard.SetText(a.Hard)
	p.refreshCautions()
	p.suggestFor(p.muscles)
}

// setProgramme replaces the exercises only (a copy from the last session).
func (p *ProgrammeInput) setProgramme(programme []store.Prescription) {
	p.set(programme, p.adherence())
}

// refreshCautions warns, under each exercise, of what the intake advises.
func (p *ProgrammeInput) refreshCautions() {
	in := p.intake()
	for _, r := range p.Rows {
		msg := ""
		if ex, ok := store.ExerciseByID(r.rx.Exercise); ok {
			msg = strings.Join(store.CautionsFor(ex, in), " ")
		}
		r.Caution.ShowText(msg)
	}
}

// suggestFor names the exercises that work the muscles treated, those
// not prescribed yet; Enter in the empty field adds the first.
func (p *ProgrammeInput) suggestFor(muscles []store.Tag) {
	p.muscles = muscles
	if len(p.Rows) > 0 {
		p.Heading.Show()
	} else {
		p.Heading.Hide()
	}
	given := map[string]bool{}
	for _, r := range p.Rows {
		given[r.rx.Exercise] = true
	}
	p.suggested = p.suggested[:0]
	var names []string
	for _, ex := range store.ExercisesFor(muscles) {
		if !given[ex.ID] && len(names) < 3 {
			p.suggested = append(p.suggested, ex)
			names = append(names, ex.Name)
		}
	}
	line := ""
	if len(names) > 0 {
		line = "For the muscles treated: " + strings.Join(names, " · ") + " (Enter adds the first)"
	}
	p.Suggest.SetText(line)
	if shown := line != ""; shown != p.Suggest.Visible() {
		if shown {
			p.Suggest.Show()
		} else {
			p.Suggest.Hide()
		}
		p.relayout()
	}
}

// adherence is the adherence as chosen.
func (p *ProgrammeInput) adherence() store.Adherence {
	a := store.Adherence{Hard: p.Hard.Text}
	if i := p.Level.SelectedIndex(); i > 0 {
		a.Level = store.AdherenceLevels[i]
	}
	return a
}

// read is the programme as typed, with a sentence for a dose that is not a
// number.
func (p *ProgrammeInput) read() ([]store.Prescription, string) {
	var out []store.Prescription
	var bad []string
	for _, r := range p.Rows {
		rx := r.rx
		for _, part := range []struct {
			e    *kit.Entry
			n    *int
			name string
		}{{r.Hold, &rx.Dose.HoldSec, "hold"}, {r.Reps, &rx.Dose.Reps, "repetitions"},
			{r.Sets, &rx.Dose.Sets, "sets"}, {r.PerDay, &rx.Dose.PerDay, "times a day"}} {
			text := strings.TrimSpace(part.e.Text)
			if text == "" || text == "–" {
				*part.n = 0
				continue
			}
			n, err := strconv.Atoi(text)
			if err != nil {
				bad = append(bad, fmt.Sprintf("%s: %s %q is not a whole number", rx.Title(), part.name, text))
				continue
			}
			*part.n = n
		}
		out = append(out, rx)
	}
	return out, strings.Join(bad, "; ")
}

// wireProgramme suggests exercises as muscles are ticked, and makes Escape
// in the exercise field clear it first, then leave the form.
func (f *SessionForm) wireProgramme() {
	p := f.Pickers[store.Muscle]
	before := p.OnChange
	p.OnChange = func() {
		if before != nil {
			before()
		}
		f.Programme.suggestFor(p.Tags())
	}
	f.Programme.suggestFor(p.Tags())
	f.Programme.Find.OnEscape = func() {
		if f.Programme.Find.Text != "" {
			f.Programme.Find.SetText("")
			return
		}
		f.Escape()
	}
	f.Programme.Hard.OnEscape = f.Escape
}

// SetHealth gives the form the client's health record: the consents a
// save checks the muscles against, the intake the exercises are checked
// against.
func (f *SessionForm) SetHealth(h store.Health) {
	f.Health = h
	f.Programme.refreshCautions()
}
