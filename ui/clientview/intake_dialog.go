package clientview

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// intakeDialog takes or reviews a client's intake: the structured health
// history, the free-text alerts in the fields that give them their level,
// and the red-flag screen. It keeps its widgets for tests.
type intakeDialog struct {
	store  Record
	tasks  *kit.Tasks
	client store.Client
	screen store.RedFlagScreen // the intake's screen so far; zero UID when none

	Date        *dateField
	Reason      *kit.Entry
	Began       *kit.Entry
	Onset       *widget.RadioGroup
	OnsetDetail *kit.Entry
	Previous    *answerRow
	Conditions  map[store.Condition]*answerRow
	Medications *answerRow
	Allergies   *answerRow
	Activities  map[store.Activity]*answerRow
	Goals       *kit.Entry

	Contraindications *kit.Entry
	MedsThatMatter    *kit.Entry
	MedicalHistory    *kit.Entry

	Screen *screenFields
	*healthForm
}

func newIntakeDialog(s Record, t *kit.Tasks, c store.Client, h store.Health, win fyne.Window, now func() time.Time) *intakeDialog {
	in := h.Intake
	e := &intakeDialog{store: s, tasks: t, client: c}
	e.healthForm = newHealthForm(t, "Save intake", e.save)
	e.screen, _ = h.IntakeScreen()
	e.Date = newDateField(in.Date, now)
	e.Reason = kit.NewNoteEntry("The reason for the visit, in the client's words", 2)
	e.Reason.SetText(in.Reason)
	e.Began = kit.NewEntry("When it started: “in March”, “three weeks ago”")
	e.Began.SetText(in.Began)
	onsets := make([]string, len(store.Onsets))
	for i, o := range store.Onsets {
		onsets[i] = o.Label()
	}
	e.Onset = widget.NewRadioGroup(onsets, nil)
	e.Onset.Horizontal, e.Onset.Required = true, true
	e.Onset.SetSelected(in.Onset.Label())
	e.OnsetDetail = kit.NewEntry("What happened")
	e.OnsetDetail.SetText(in.OnsetDetail)
	e.Previous = newAnswerRow("Physiotherapy, chiropractic… and how it went", in.PreviousTreatment)
	e.Conditions = map[store.Condition]*answerRow{}
	for _, cond := range store.Conditions {
		e.Conditions[cond] = newAnswerRow("Since when, how it is treated", in.Condition(cond))
		e.Errors["condition_"+string(cond)] = e.Conditions[cond].Error
	}
	e.Medications = newAnswerRow("Every medication the client takes", in.Medications)
	e.Allergies = newAnswerRow("Oils, latex, nuts…", in.Allergies)
	e.Activities = map[store.Activity]*answerRow{}
	for _, a := range store.Activities {
		e.Activities[a] = newAnswerRow("How much, how often", in.Activity(a))
		e.Errors["activity_"+string(a)] = e.Activities[a].Error
	}
	e.Goals = kit.NewNoteEntry("The client's goals, in their own words", 2)
	e.Goals.SetText(in.Goals)
	e.Contraindications = kit.NewNoteEntry("Do not treat, or treat only modified: “no deep pressure”", 2)
	e.Contraindications.SetText(c.Contraindications)
	e.MedsThatMatter = kit.NewNoteEntry("Anticoagulants, painkillers that mask feedback…", 2)
	e.MedsThatMatter.SetText(c.Medications)
	e.MedicalHistory = kit.NewNoteEntry("Past conditions, surgeries, injuries", 2)
	e.MedicalHistory.SetText(c.MedicalHistory)
	e.Screen = newScreenFields(e.screen, now)
	e.Screen.fields(e.Errors)
	for key, fe := range map[string]*kit.FieldError{"intake_date": e.Date.Error, "previous_treatment": e.Previous.Error,
		"all_medications": e.Medications.Error, "allergies": e.Allergies.Error} {
		e.Errors[key] = fe
	}
	e.Errors["screen_date"] = e.Date.Error // the screen is dated with the intake

	add, heading, withError := e.add, e.heading, e.withError
	add("Intake date", e.Date.box)
	add("", kit.NewHint("Each question is “not asked”, “no” or “yes” with what the client said: an unasked question is never read as a no. Keys: n, y or a answers and moves to the next question."))
	heading("THE COMPLAINT")
	add("Reason for the visit", withError(e.Reason, "intake_reason"))
	add("When it started", withError(e.Began, "intake_began"))
	add("How it started", withError(container.NewVBox(e.Onset, e.OnsetDetail), "intake_onset"))
	e.question("Previous treatment", e.Previous.box, e.Previous)
	var conditions []*answerRow
	for _, cond := range store.Conditions {
		conditions = append(conditions, e.Conditions[cond])
	}
	heading("CONDITIONS (AMBER BEFORE TREATMENT WHEN “YES”)", conditions...)
	for _, cond := range store.Conditions {
		e.question(cond.Label(), e.Conditions[cond].box, e.Conditions[cond])
	}
	heading("MEDICATIONS AND ALLERGIES", e.Medications, e.Allergies)
	e.question("Medications", e.Medications.box, e.Medications)
	add("That matter for massage (amber)", withError(e.MedsThatMatter, "medications"))
	e.question("Allergies (amber)", e.Allergies.box, e.Allergies)
	var activities []*answerRow
	for _, a := range store.Activities {
		activities = append(activities, e.Activities[a])
	}
	heading("WORK AND ACTIVITY", activities...)
	for _, a := range store.Activities {
		e.question(a.Label(), e.Activities[a].box, e.Activities[a])
	}
	add("Goals", withError(e.Goals, "intake_goals"))
	heading("WHAT CHANGES THE TREATMENT")
	add("Contraindications (red)", withError(e.Contraindications, "contraindications"))
	add("Other medical history", withError(e.MedicalHistory, "medical_history"))
	heading("RED-FLAG SCREEN")
	e.Screen.rows(e.healthForm, false)

	e.build("Intake: "+c.FullName(), nil, win)
	return e
}

// Read turns the fields into an intake, the typed alerts and the screen
// (nil when it was neither asked nor recorded before), with the problems
// found before the database is asked.
func (e *intakeDialog) read() (store.Intake, store.TypedAlerts, *store.RedFlagScreen, map[string]string) {
	problems := map[string]string{}
	in := store.Intake{Date: e.Date.value("intake_date", "The intake date", problems), Reason: e.Reason.Text,
		Began: e.Began.Text, OnsetDetail: e.OnsetDetail.Text, PreviousTreatment: e.Previous.answer(),
		Conditions: map[store.Condition]store.Answer{}, Medications: e.Medications.answer(),
		Allergies: e.Allergies.answer(), Activities: map[store.Activity]store.Answer{}, Goals: e.Goals.Text}
	for _, o := range store.Onsets {
		if o.Label() == e.Onset.Selected {
			in.Onset = o
		}
	}
	for cond, row := range e.Conditions {
		in.Conditions[cond] = row.answer()
	}
	for a, row := range e.Activities {
		in.Activities[a] = row.answer()
	}
	if in.Date.IsZero() && problems["intake_date"] == "" {
		problems["intake_date"] = "The intake date is required"
	}
	text := store.TypedAlerts{MedicalHistory: e.MedicalHistory.Text, Medications: e.MedsThatMatter.Text,
		Contraindications: e.Contraindications.Text}
	var screen *store.RedFlagScreen
	if e.screen.UID != "" || e.Screen.touched() {
		s := e.Screen.read(e.screen, problems)
		s.On = in.Date
		screen = &s
	}
	return in, text, screen, problems
}

func (e *intakeDialog) save() {
	in, text, screen, problems := e.read()
	id := e.client.ID
	e.submit(problems, func() error { return e.store.SaveIntake(context.Background(), id, in, text, screen) })
}

// showSaveProblems shows why the store refused: validation problems at
// their fields, anything else in words.
func showSaveProblems(fields map[string]*kit.FieldError, summary *widget.Label, err error) {
	var ve *store.ValidationError
	if !errors.As(err, &ve) {
		showProblems(fields, summary, map[string]string{"": words.ErrorText(err)})
		return
	}
	problems := map[string]string{}
	for _, fe := range ve.Problems {
		if problems[fe.Field] == "" {
			problems[fe.Field] = fe.Message
		}
	}
	showProblems(fields, summary, problems)
}
