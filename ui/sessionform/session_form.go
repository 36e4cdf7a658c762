package sessionform

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
	"backtrack/ui/xlayout"
)

// formTimeLayout is how the therapist types a time; dates are typed as the
// store keeps them (store.DateLayout).
const formTimeLayout = "15:04"

// SessionForm records a new session or edits one. It sits where the
// overview was, under the client's header, so the medical alert stays in
// sight while the therapist writes.
type SessionForm struct {
	store  Record
	tasks  *kit.Tasks
	client store.Client
	Base   store.Session // the session being edited; ID 0 for a new one

	Title    *widget.Label
	Date     *kit.Entry
	Time     *kit.Entry
	Duration *kit.Entry
	Copy     *kit.Button
	CopyNote *kit.SecondaryText // what was copied, or why not
	// SectionKeys names the keys to each part of the form (Sections).
	SectionKeys *kit.SecondaryText

	PainBefore *kit.PainInput
	PainAfter  *kit.PainInput
	Pickers    map[store.Kind]*kit.TagPicker
	// BodyChart is where it hurts. The location words of before have no
	// row of their own any more: those that fit no region are kept with
	// the note and shown on the chart's line (Pickers[store.Location]
	// holds them, unseen).
	BodyChart *bodyChartInput
	// TriggerOther is the trigger in the therapist's own words.
	TriggerOther *kit.Entry

	Subjective *kit.Entry
	Objective  *kit.Entry
	Assessment *kit.Entry
	Plan       *kit.Entry
	HomeCare   *kit.Entry
	// Programme is the home exercises given and what the client did of the
	// last ones (home_programme.go).
	Programme *ProgrammeInput
	// Private keeps the note to its author: on a practice server only
	// (session_form_private.go).
	Private *widget.Check

	Save   *kit.Button
	Cancel *kit.Button
	// SaveSign saves and signs the note in one step (Ctrl+Shift+S); Reason
	// is asked when the form amends a signed note (signing.go).
	SaveSign *kit.Button
	Reason   *kit.Entry
	// Signer is the therapist's name and credentials from Settings, asked
	// at the moment of signing or amending.
	Signer   func() string
	signNext bool // the submit under way is Save and sign
	Problems *kit.FormProblems

	initial formState
	Saving  kit.FormSave

	// Health is the client's record beside the visits: the consents a save
	// checks the muscles against. askConsent asks the therapist about an
	// area without consent on file; OnScreen opens a red-flag screen dated
	// the visit's day.
	Health   store.Health
	Screen   *kit.Button
	OnScreen func(day time.Time)
	// The gates (session_form_gates.go): AskGate asks a consent question
	// as a muscle is ticked, under Regulator's rule; OnWrittenConsent
	// opens the consent form for the client to sign; AskFlags asks at
	// save while a red flag is open.
	Regulator        store.Regulator
	AskGate          func(q store.ConsentQuestion, answer func(store.ConsentChoice, string))
	OnWrittenConsent func()
	AskFlags         func(open []store.RedFlagScreen, answer func(saveAnyway bool))
	answers          map[store.ConsentArea]gateAnswer
	ticked           map[string]bool // the muscles ticked, asked about already
	gateQueue        []string        // the muscles still to ask about
	gating           bool
	flagsAnswered    bool
	today            time.Time

	// OnSaved is called after a save lands. OnCancel is called when the
	// therapist asks to close the form (Cancel or Escape); the owner decides
	// whether to ask about unsaved changes.
	OnSaved  func(store.Session)
	OnCancel func()

	topLine *fyne.Container      // title, when, copy
	Columns *xlayout.FormColumns // tags beside notes, or above them
	Scroll  *container.Scroll    // what Tab scrolls on a small screen
	Content fyne.CanvasObject
}

// formState is everything the therapist can change, as typed, so unsaved
// changes are found by comparing it with the state the form opened with.
type formState struct {
	Date, Time, Duration, Before, After string
	Tags                                map[store.Kind][]store.Tag
	Marks                               []store.BodyMark
	Other, S, O, A, P, HomeCare         string
	Private                             bool
	Programme                           []store.Prescription
	Adherence                           store.Adherence
}

// NewSessionForm builds the form for client over the given vocabulary.
// session is the one to edit, or a zero Session for a new one at now.
func NewSessionForm(s Record, t *kit.Tasks, client store.Client, vocab map[store.Kind][]store.Term,
	session store.Session, now time.Time) *SessionForm {
	f := &SessionForm{store: s, tasks: t, client: client, Base: session, Regulator: store.RegulatorOntario, today: now,
		Pickers: map[store.Kind]*kit.TagPicker{}, Problems: kit.NewFormProblems()}

	f.Title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.Title.SizeName = theme.SizeNameSubHeadingText
	f.Date = kit.NewEntry("YYYY-MM-DD")
	kit.MakeDateField(f.Date)
	f.Time = kit.NewEntry("HH:MM")
	f.Duration = kit.NewEntry("60")
	f.Copy = kit.NewButtonWithIcon("Copy from last session", theme.ContentCopyIcon(), f.copyLast)
	f.Screen = kit.NewButtonWithIcon("Red-flag screen…", theme.WarningIcon(), func() {
		if f.OnScreen == nil {
			return
		}
		day, ok := kit.ParseDay(f.Date.Text)
		if !ok {
			day = now
		}
		f.OnScreen(store.WallClock(day))
	})
	f.CopyNote = kit.NewSecondaryText()
	f.PainBefore = kit.NewPainInput("Pain before")
	f.PainAfter = kit.NewPainInput("Pain after")
	f.Problems.Fields["pain_before"], f.Problems.Fields["pain_after"] = f.PainBefore.Error, f.PainAfter.Error
	for _, k := range store.Kinds {
		p := kit.NewTagPicker(k, vocab[k], s, t)
		f.Pickers[k] = p
		f.Problems.Fields[string(k)] = p.Error
	}
	f.makeBodyChart(vocab)
	f.TriggerOther = kit.NewEntry("Other trigger…")
	f.Subjective = kit.NewNoteEntry("What the client reports", 2)
	f.Objective = kit.NewNoteEntry("What you find", 2)
	f.Assessment = kit.NewNoteEntry("Your assessment", 2)
	f.Plan = kit.NewNoteEntry("Next steps, frequency of visits", 2)
	f.HomeCare = kit.NewNoteEntry("Stretches and exercises for home", 2)
	f.Programme = newProgrammeInput(func() store.Intake { return f.Health.Intake }, func() {
		if f.Problems.Relayout != nil {
			f.Problems.Relayout()
		}
		// the list grows above the exercise field: the field, still
		// being typed in, stays in view
		if f.Scroll == nil {
			return // not laid out yet
		}
		if c := fyne.CurrentApp().Driver().CanvasForObject(f.Date); c != nil && c.Focused() == fyne.Focusable(f.Programme.Find) {
			kit.Reveal(f.Scroll, f.Programme.Find)
		}
	})
	f.Problems.Fields["programme"], f.Problems.Fields["adherence"] = f.Programme.Error, f.Programme.AdhError
	f.Saving = kit.NewFormSave(t, f.Problems, f.Submit, f.Escape)
	f.Save, f.Cancel = f.Saving.Button, f.Saving.Cancel
	f.Saving.Retrying("your note", f.Base.ID == 0, &f.Base.UID)
	f.makeSigning()
	f.makePrivate(s.OnServer())

	f.fill(session, now)
	f.titleAmendment()
	f.wireEscape()
	f.Content = f.layout()
	f.BodyChart.anchor = f.Content
	f.Problems.Relayout = func() { f.showSummaryLine(); kit.RelayoutAll(f.Content) }
	f.PainBefore.Relayout, f.PainAfter.Relayout = f.Problems.Relayout, f.Problems.Relayout
	f.wireTagKeys()
	// Enter in a pain score moves on: before to after, after to the tags.
	f.PainBefore.Number.OnSubmitted = func(string) { f.focus(f.PainAfter.Number) }
	f.PainAfter.Number.OnSubmitted = func(string) { f.focus(f.Pickers[store.PainType].AddName) }
	f.initial = f.state()
	f.wireGates()
	f.wireProgramme()
	return f
}

// fill puts a session (or the defaults for a new one) into the fields.
func (f *SessionForm) fill(s store.Session, now time.Time) {
	start, duration := s.Start, s.DurationMin
	if s.ID == 0 {
		f.Title.SetText("New session")
		if start.IsZero() {
			start = now
		}
		if duration == 0 {
			duration = store.DefaultDurationMin
		}
	} else {
		f.Title.SetText("Edit session of " + kit.LongDate(s.Start))
		f.Copy.Hide() // "last session" is this one or a later one: nothing sensible to copy
		f.BodyChart.CopyLast.Hide()
		f.BodyChart.Chart.Copy.Hide()
	}
	f.Date.SetText(start.Format(store.DateLayout))
	f.Time.SetText(start.Format(formTimeLayout))
	f.Duration.SetText(strconv.Itoa(duration))
	f.PainBefore.Set(s.PainBefore)
	f.PainAfter.Set(s.PainAfter)
	for _, k := range store.Kinds {
		f.Pickers[k].Set(s.Tags(k))
	}
	f.BodyChart.set(s.BodyMap)
	f.TriggerOther.SetText(s.TriggerOther)
	f.Subjective.SetText(s.Notes.Subjective)
	f.Objective.SetText(s.Notes.Objective)
	f.Assessment.SetText(s.Notes.Assessment)
	f.Plan.SetText(s.Notes.Plan)
	f.HomeCare.SetText(s.HomeCare)
	f.Programme.set(s.Programme, s.Adherence)
	f.Private.SetChecked(s.Private)
}

// wireEscape makes Escape cancel from every field that can hold focus
// while typing.
func (f *SessionForm) wireEscape() {
	for _, e := range f.entries() {
		e.OnEscape = f.Escape
	}
	f.PainBefore.Slider.OnEscape = f.Escape
	f.PainAfter.Slider.OnEscape = f.Escape
	for _, p := range f.Pickers {
		p.OnEscape = f.Escape
	}
}

func (f *SessionForm) Escape() {
	if f.BodyChart.Chart.Shown() {
		f.BodyChart.Chart.close() // Escape closes the chart first
		return
	}
	if f.OnCancel != nil {
		f.OnCancel()
	}
}

// state reads the form as typed.
func (f *SessionForm) state() formState {
	st := formState{
		Date: f.Date.Text, Time: f.Time.Text, Duration: f.Duration.Text,
		Before: f.PainBefore.Number.Text, After: f.PainAfter.Number.Text,
		Tags:  map[store.Kind][]store.Tag{},
		Other: f.TriggerOther.Text, S: f.Subjective.Text, O: f.Objective.Text,
		A: f.Assessment.Text, P: f.Plan.Text, HomeCare: f.HomeCare.Text,
		Private: f.Private.Checked, Adherence: f.Programme.adherence(),
	}
	st.Programme, _ = f.Programme.read()
	for k, p := range f.Pickers {
		st.Tags[k] = p.Tags()
	}
	st.Marks = f.BodyChart.Get()
	return st
}

// Dirty reports changes not yet saved.
func (f *SessionForm) Dirty() bool { return !reflect.DeepEqual(f.state(), f.initial) }

// read turns the fields into a session, with the problems that can be
// found without the database, keyed by field.
func (f *SessionForm) read() (store.Session, map[string]string) {
	problems := map[string]string{}
	s := f.Base
	s.ClientID = f.client.ID
	day, derr := kit.ReadDay(f.Date.Text)
	clock, terr := store.ParseWallClock(formTimeLayout, strings.TrimSpace(f.Time.Text))
	switch {
	case strings.TrimSpace(f.Date.Text) == "":
		problems["start"] = "Date is required"
	case derr != nil:
		problems["start"] = kit.DateProblem("Date", derr)
	case terr != nil:
		problems["start"] = fmt.Sprintf("Time %q is not a time like 14:00", f.Time.Text)
	default:
		s.Start = time.Date(day.Year(), day.Month(), day.Day(), clock.Hour(), clock.Minute(), 0, 0, time.UTC) // the wall clock typed (store.WallClock)
	}
	if n, err := strconv.Atoi(strings.TrimSpace(f.Duration.Text)); err != nil {
		problems["duration"] = fmt.Sprintf("Duration %q is not a number of minutes", f.Duration.Text)
	} else {
		s.DurationMin = n
	}
	var msg string
	if s.PainBefore, msg = f.PainBefore.Value(); msg != "" {
		problems["pain_before"] = msg
	}
	if s.PainAfter, msg = f.PainAfter.Value(); msg != "" {
		problems["pain_after"] = msg
	}
	for k, p := range f.Pickers {
		s.SetTags(k, p.Tags())
		// Words typed in a row but never added would be dropped without a
		// word: typed fast, a note's lines can land there.
		if typed := strings.TrimSpace(p.AddName.Text); typed != "" {
			problems[string(k)] = fmt.Sprintf("“%s” is typed here but not added: Enter adds it, or clear the box", typed)
		}
	}
	s.BodyMap = f.BodyChart.Get()
	if bad := f.BodyChart.Chart.problems(); len(bad) > 0 {
		problems["body_map"] = strings.Join(bad, "; ")
	}
	s.TriggerOther = f.TriggerOther.Text
	s.Notes = store.SOAP{Subjective: f.Subjective.Text, Objective: f.Objective.Text,
		Assessment: f.Assessment.Text, Plan: f.Plan.Text}
	s.HomeCare = f.HomeCare.Text
	if s.Programme, msg = f.Programme.read(); msg != "" {
		problems["programme"] = msg
	}
	s.Adherence = f.Programme.adherence()
	s.Private = f.Private.Checked
	if len(problems) == 0 && !s.HasContent() {
		problems[""] = "Nothing recorded yet: add a pain score, a tag or a note, or press Esc to leave without saving."
	}
	return s, problems
}

// Submit checks the form and saves it in the background.
func (f *SessionForm) Submit() { f.SubmitThen(nil) }

// SubmitThen saves like Submit, then runs then (when not nil) once the
// save has landed. A refused save drops then: the therapist answered the
// question that asked for it, and a later ordinary Save must not carry it
// out behind their back.
func (f *SessionForm) SubmitThen(then func()) {
	s, problems := f.read()
	req := f.saveRequest(problems)
	// An open red flag, and an area treated without consent, ask first;
	// the consent's answer is saved with the note, in one transaction.
	if len(problems) == 0 && !f.Saving.Busy {
		f.gatesThen(s, func(check store.ConsentCheck, openFlags string) {
			req.Consent, req.OpenFlags = check, openFlags
			f.saveWith(s, problems, req, then)
		}, func() {
			f.signNext = req.Sign // asked again from the start: still a Save and sign
			f.SubmitThen(then)
		})
		return
	}
	f.saveWith(s, problems, req, then)
}

// saveWith saves s as req says, shows what the store refused, or closes
// the form and runs then.
func (f *SessionForm) saveWith(s store.Session, problems map[string]string, req sqlstore.SaveRequest, then func()) {
	save := func(ctx context.Context, sess store.Session) (store.Session, error) {
		req.Session = sess
		return f.store.Save(ctx, req)
	}
	typed := f.state()
	kit.SubmitForm(&f.Saving, s, problems, save, func(saved store.Session) {
		// The form stays drawn until the overview has reloaded: a second
		// click on Save in that moment updates this session, never adds
		// another.
		f.Base = saved
		if !reflect.DeepEqual(f.state(), typed) {
			// typed on while the save waited for the server: the form
			// stays, with what is not saved yet
			f.initial = typed
			f.Problems.Show(map[string]string{"": "Saved as it was when you pressed Save; press Save again for what you typed since."})
			return
		}
		f.initial = f.state()
		if f.OnSaved != nil {
			f.OnSaved(saved)
		}
		if then != nil {
			then()
		}
	})
}

// copyLast fills tags, plan and home care from the client's last session.
// Then a note in the button's place says where they came from: a second
// copy would only undo the therapist's edits since.
func (f *SessionForm) copyLast() {
	f.Copy.Disable()
	f.tasks.Run(func() func() {
		last, err := f.store.LastSession(context.Background(), f.client.ID)
		return func() {
			f.Copy.Enable()
			switch {
			case errors.Is(err, store.ErrNotFound):
				f.copyDone("No earlier session to copy from")
			case err != nil:
				f.CopyNote.SetText(words.ErrorText(err))
			default:
				f.applyCopy(last)
			}
		}
	})
}

// CopyLast is Copy from last session from the keyboard, where the form
// offers it: the focus stays where the typing goes on.
func (f *SessionForm) CopyLast() {
	if f.Copy.Visible() && !f.Copy.Disabled() {
		f.copyLast()
	}
}

func (f *SessionForm) applyCopy(last store.Session) {
	for _, k := range store.Kinds {
		f.Pickers[k].Set(last.Tags(k))
	}
	f.BodyChart.copied(last)
	f.TriggerOther.SetText(last.TriggerOther)
	f.Plan.SetText(last.Notes.Plan)
	f.HomeCare.SetText(last.HomeCare)
	f.Programme.setProgramme(last.Programme)
	// The ticks and the filled plan show what came across; the note says
	// from when, short enough for the top line of a small window.
	f.copyDone("Copied from " + kit.LongDate(last.Start))
}

// copyDone puts note where the copy button was; the keyboard moves on to
// pain before rather than stay on a button no longer shown.
func (f *SessionForm) copyDone(note string) {
	f.CopyNote.SetText(note)
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.Copy); c != nil && c.Focused() == f.Copy {
		f.FocusFirst(c)
	}
	f.Copy.Hide()
	f.topLine.Refresh() // the note takes the button's room
}

// wireTagKeys makes Enter in a row's field move on to the next row (the
// pain types to where it hurts, where it hurts to the triggers), and the
// last row's to the first note: the typical session is typed without Tab
// through the terms.
func (f *SessionForm) wireTagKeys() {
	rows := []fyne.Focusable{}
	for _, k := range FormKinds {
		rows = append(rows, f.Pickers[k].AddName)
		if k == store.PainType {
			rows = append(rows, f.BodyChart.Find)
		}
	}
	rows = append(rows, f.Subjective)
	for _, p := range f.Pickers {
		p.Relayout = f.Problems.Relayout
	}
	for _, k := range FormKinds {
		next := rows[slices.Index(rows, fyne.Focusable(f.Pickers[k].AddName))+1]
		f.Pickers[k].OnNext = func() { f.focus(next) }
	}
	next := rows[slices.Index(rows, fyne.Focusable(f.BodyChart.Find))+1]
	f.BodyChart.onNext = func() { f.focus(next) }
}

// focus moves the keyboard to o, when the form is on screen.
func (f *SessionForm) focus(o fyne.Focusable) {
	if f.gating {
		return // a question over the form keeps the keyboard
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.Date); c != nil {
		c.Focus(o)
	}
}

// StepDay moves the session's date by days (Alt+← and Alt+→ anywhere in
// the form, Up and Down in the date field).
func (f *SessionForm) StepDay(days int) { kit.StepDay(f.Date, days) }

// FocusFirst puts the cursor where a new note starts: pain before.
func (f *SessionForm) FocusFirst(c fyne.Canvas) {
	c.Focus(f.PainBefore.Number)
}
