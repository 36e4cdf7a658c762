package store

import (
	"fmt"
	"strings"
	"time"
)

// The intake is the client's health history, taken at the first visit and
// reviewed later. Every question is answered "not asked", "no" or "yes"
// with a detail, so a question nobody asked is never read as a "no".

// AnswerState is how an intake or screening question was answered.
type AnswerState string

// The answers. NotAsked is the zero value: a new question is unanswered.
const (
	NotAsked    AnswerState = ""
	AnsweredNo  AnswerState = "no"
	AnsweredYes AnswerState = "yes"
)

// AnswerStates lists the answers in the order forms offer them.
var AnswerStates = []AnswerState{NotAsked, AnsweredNo, AnsweredYes}

// Label is the answer as a form shows it.
func (s AnswerState) Label() string {
	switch s {
	case AnsweredNo:
		return "No"
	case AnsweredYes:
		return "Yes"
	}
	return "Not asked"
}

// ParseAnswerState reads "", "no" or "yes" (any case; "not asked" too).
func ParseAnswerState(s string) (AnswerState, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "not asked", "not_asked":
		return NotAsked, true
	case "no":
		return AnsweredNo, true
	case "yes":
		return AnsweredYes, true
	}
	return NotAsked, false
}

// Answer is one question's answer: a "yes" says what, in Detail.
type Answer struct {
	State  AnswerState
	Detail string
}

// Yes is an answered "yes" with a detail.
func Yes(detail string) Answer { return Answer{State: AnsweredYes, Detail: detail} }

// No is an answered "no".
func No() Answer { return Answer{State: AnsweredNo} }

// IsYes reports a "yes".
func (a Answer) IsYes() bool { return a.State == AnsweredYes }

// Words is "not asked", "no", "yes" or "yes: on warfarin".
func (a Answer) Words() string {
	switch a.State {
	case AnsweredYes:
		if a.Detail != "" {
			return "yes: " + a.Detail
		}
		return "yes"
	case AnsweredNo:
		return "no"
	}
	return "not asked"
}

// Condition is one entry of the intake's checklist of conditions that
// change how a massage is given.
type Condition string

// The checklist massage intake forms use.
const (
	HighBloodPressure Condition = "high_blood_pressure"
	Diabetes          Condition = "diabetes"
	Osteoporosis      Condition = "osteoporosis"
	CancerHistory     Condition = "cancer_history"
	Pregnancy         Condition = "pregnancy"
	RecentSurgery     Condition = "recent_surgery"
	ClottingDisorder  Condition = "blood_clotting_disorder"
	SkinCondition     Condition = "skin_condition"
	NumbnessTingling  Condition = "numbness_tingling"
	OtherCondition    Condition = "other"
)

// Conditions lists the checklist in the order the form asks it; "other"
// is free text and comes last.
var Conditions = []Condition{HighBloodPressure, Diabetes, Osteoporosis, CancerHistory, Pregnancy,
	RecentSurgery, ClottingDisorder, SkinCondition, NumbnessTingling, OtherCondition}

// Label names the condition for people.
func (c Condition) Label() string {
	switch c {
	case HighBloodPressure:
		return "High blood pressure"
	case Diabetes:
		return "Diabetes"
	case Osteoporosis:
		return "Osteoporosis"
	case CancerHistory:
		return "Cancer (now or in the past)"
	case Pregnancy:
		return "Pregnancy"
	case RecentSurgery:
		return "Recent surgery"
	case ClottingDisorder:
		return "Blood clotting disorder"
	case SkinCondition:
		return "Skin condition"
	case NumbnessTingling:
		return "Numbness or tingling"
	case OtherCondition:
		return "Other conditions"
	}
	return string(c)
}

// Activity is part of the client's work and activity.
type Activity string

// What the intake asks about work and activity.
const (
	SittingJob  Activity = "sitting_job"
	LiftingWork Activity = "lifting"
	Running     Activity = "running"
	OtherSport  Activity = "other_activity"
)

// Activities lists them in the order the form asks.
var Activities = []Activity{SittingJob, LiftingWork, Running, OtherSport}

// Label names the activity for people.
func (a Activity) Label() string {
	switch a {
	case SittingJob:
		return "Sitting job"
	case LiftingWork:
		return "Lifting (work or home)"
	case Running:
		return "Running"
	case OtherSport:
		return "Other sport or activity"
	}
	return string(a)
}

// Onset is how the complaint started.
type Onset string

// The ways pain starts that an intake tells apart.
const (
	OnsetNotAsked Onset = ""
	OnsetInjury   Onset = "injury"
	OnsetGradual  Onset = "gradual"
	OnsetUnknown  Onset = "unknown" // asked: the client does not know
)

// Onsets lists the choices in form order.
var Onsets = []Onset{OnsetNotAsked, OnsetInjury, OnsetGradual, OnsetUnknown}

// Label is the choice as a form shows it.
func (o Onset) Label() string {
	switch o {
	case OnsetInjury:
		return "An injury"
	case OnsetGradual:
		return "Gradually"
	case OnsetUnknown:
		return "Does not know"
	}
	return "Not asked"
}

// Intake is the client's structured health history. The free-text fields
// kept on the client (medical history, medications, contraindications)
// are its typed-in parts; together they give the alerts their levels.
type Intake struct {
	// Date is when the intake was taken or last reviewed; zero when no
	// intake is on file.
	Date time.Time

	Reason      string // the reason for the visit, in the client's words
	Began       string // when it started: "March 2026", "three weeks ago"
	Onset       Onset
	OnsetDetail string // "lifting a sofa"
	// PreviousTreatment for this complaint: physiotherapy, chiropractic…
	PreviousTreatment Answer
	Conditions        map[Condition]Answer
	// Medications is every medication the client takes (plain history);
	// those that matter for massage are the client's Medications field.
	Medications Answer
	Allergies   Answer // oils, latex, nuts…
	Activities  map[Activity]Answer
	Goals       string // the client's goals in their own words
}

// OnFile reports whether an intake was taken.
func (in Intake) OnFile() bool { return !in.Date.IsZero() }

// Condition is the answer for one condition of the checklist.
func (in Intake) Condition(c Condition) Answer { return in.Conditions[c] }

// Activity is the answer for one activity.
func (in Intake) Activity(a Activity) Answer { return in.Activities[a] }

// IntakeReviewMonths is how old an intake may grow before the brief asks
// for a review: regulators expect the health history to be updated at
// least once a year.
const IntakeReviewMonths = 12

// Stale reports whether the intake is more than IntakeReviewMonths old on
// today.
func (in Intake) Stale(today time.Time) bool {
	if !in.OnFile() {
		return false
	}
	due := in.Date.AddDate(0, IntakeReviewMonths, 0)
	return dayOf(today) > dayOf(due)
}

// dayOf is a date as comparable text, whatever its zone.
func dayOf(t time.Time) string { return t.Format(DateLayout) }

// Tidy trims every text of the intake; an answer that is not a "yes" keeps
// no detail but what was typed (a "no" may say "no, never").
func (in *Intake) Tidy() {
	in.Reason, in.Began, in.OnsetDetail, in.Goals = tidyNote(in.Reason), tidyLine(in.Began), tidyLine(in.OnsetDetail), tidyNote(in.Goals)
	tidyAnswer(&in.PreviousTreatment)
	tidyAnswer(&in.Medications)
	tidyAnswer(&in.Allergies)
	for c, a := range in.Conditions {
		tidyAnswer(&a)
		if a == (Answer{}) {
			delete(in.Conditions, c)
			continue
		}
		in.Conditions[c] = a
	}
	for k, a := range in.Activities {
		tidyAnswer(&a)
		if a == (Answer{}) {
			delete(in.Activities, k)
			continue
		}
		in.Activities[k] = a
	}
}

func tidyAnswer(a *Answer) { a.Detail = tidyNote(a.Detail) }

// Validate tidies the intake and returns its problems: a date that is not
// between the client's birth (zero when unknown) and today, an answer
// that is not one of the three, text too long. Fields are keyed
// "intake_date", "intake_reason", "condition_pregnancy", "allergies"…
func (in *Intake) Validate(dob, today time.Time) Problems {
	in.Tidy()
	var p Problems
	checkDay(&p, "intake_date", "The intake date", in.Date, dob, today, false)
	if !in.OnFile() && !in.Empty() {
		p.Add("intake_date", "The intake needs the date it was taken")
	}
	p.checkNote("intake_reason", "Reason for the visit", in.Reason)
	p.checkLine("intake_began", "When it started", in.Began, maxLineLen)
	p.checkLine("intake_onset", "How it started", in.OnsetDetail, maxLineLen)
	switch in.Onset {
	case OnsetNotAsked, OnsetInjury, OnsetGradual, OnsetUnknown:
	default:
		p.Add("intake_onset", fmt.Sprintf("%q is not a way pain starts (injury, gradual or unknown)", Clip(string(in.Onset))))
	}
	p.checkNote("intake_goals", "Goals", in.Goals)
	checkAnswer(&p, "previous_treatment", "Previous treatment", in.PreviousTreatment)
	checkAnswer(&p, "all_medications", "Medications", in.Medications)
	checkAnswer(&p, "allergies", "Allergies", in.Allergies)
	for c, a := range in.Conditions {
		if !knownCondition(c) {
			p.Add("conditions", fmt.Sprintf("%q is not a condition of the checklist", Clip(string(c))))
			continue
		}
		checkAnswer(&p, "condition_"+string(c), c.Label(), a)
	}
	for k, a := range in.Activities {
		if !knownActivity(k) {
			p.Add("activities", fmt.Sprintf("%q is not an activity the intake asks about", Clip(string(k))))
			continue
		}
		checkAnswer(&p, "activity_"+string(k), k.Label(), a)
	}
	return p
}

// Empty reports whether nothing at all was recorded.
func (in Intake) Empty() bool {
	return in.Reason == "" && in.Began == "" && in.Onset == "" && in.OnsetDetail == "" &&
		in.PreviousTreatment == (Answer{}) && len(in.Conditions) == 0 && in.Medications == (Answer{}) &&
		in.Allergies == (Answer{}) && len(in.Activities) == 0 && in.Goals == ""
}

func knownCondition(c Condition) bool {
	for _, k := range Conditions {
		if k == c {
			return true
		}
	}
	return false
}

func knownActivity(a Activity) bool {
	for _, k := range Activities {
		if k == a {
			return true
		}
	}
	return false
}

// checkAnswer checks one answer: a known state, a "yes" that says what
// (for the questions where "yes" alone tells nothing), text that fits.
func checkAnswer(p *Problems, field, label string, a Answer) {
	switch a.State {
	case NotAsked, AnsweredNo, AnsweredYes:
	default:
		p.Add(field, fmt.Sprintf("%s: %q is not an answer (not asked, no or yes)", label, Clip(string(a.State))))
		return
	}
	if a.State == NotAsked && a.Detail != "" {
		p.Add(field, label+": a detail is written but the question is marked not asked; choose no or yes")
		return
	}
	p.checkNote(field, label, a.Detail)
}

// checkDay checks a date of the record: not before the client's birth,
// not in the future; required when the record needs it.
func checkDay(p *Problems, field, label string, day, dob, today time.Time, required bool) {
	switch {
	case day.IsZero():
		if required {
			p.Add(field, label+" is required")
		}
	case !dob.IsZero() && dayOf(day) < dayOf(dob):
		p.Add(field, fmt.Sprintf("%s %s is before the client's date of birth (%s)", label, dayOf(day), dayOf(dob)))
	case dayOf(day) > dayOf(today):
		p.Add(field, fmt.Sprintf("%s %s is in the future", label, dayOf(day)))
	case day.Year() < 1900:
		p.Add(field, fmt.Sprintf("%s %s is before 1900", label, dayOf(day)))
	}
}

// TypedAlerts are the client's free-text health fields, each typed in the
// field that gives it its level: contraindications red, the medications
// that matter for massage amber, medical history plain. They are kept on
// the client (the columns every version had) and edited with the intake.
type TypedAlerts struct {
	MedicalHistory    string
	Medications       string
	Contraindications string
}

// TypedAlertsOf are the client's free-text fields.
func TypedAlertsOf(c Client) TypedAlerts {
	return TypedAlerts{MedicalHistory: c.MedicalHistory, Medications: c.Medications, Contraindications: c.Contraindications}
}

// Validate tidies the fields and returns their problems, keyed as the
// client's fields are.
func (t *TypedAlerts) Validate() Problems {
	t.MedicalHistory, t.Medications, t.Contraindications = tidyNote(t.MedicalHistory), tidyNote(t.Medications), tidyNote(t.Contraindications)
	var p Problems
	p.checkNote("medical_history", "Medical history", t.MedicalHistory)
	p.checkNote("medications", "Medications", t.Medications)
	p.checkNote("contraindications", "Contraindications", t.Contraindications)
	return p
}
