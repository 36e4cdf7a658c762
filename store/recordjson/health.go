package recordjson

import (
	"fmt"
	"strings"
	"time"

	"backtrack/store"
)

// A client's intake, red-flag screens and consents, as a JSON export
// writes them and as the clients table keeps them (one JSON document per
// column): dates as YYYY-MM-DD, answers as "no" or "yes" with a detail
// (a question not asked is left out), lists by their stable codes.

// Answer is one answered question.
type Answer struct {
	Answer string `json:"answer"` // "no" or "yes"
	Detail string `json:"detail,omitempty"`
}

// Intake is the client's structured health history.
type Intake struct {
	Date              string            `json:"date"`
	Reason            string            `json:"reason,omitempty"`
	Began             string            `json:"began,omitempty"`
	Onset             string            `json:"onset,omitempty"` // injury, gradual, unknown
	OnsetDetail       string            `json:"onset_detail,omitempty"`
	PreviousTreatment *Answer           `json:"previous_treatment,omitempty"`
	Conditions        map[string]Answer `json:"conditions,omitempty"`
	Medications       *Answer           `json:"medications,omitempty"`
	Allergies         *Answer           `json:"allergies,omitempty"`
	Activities        map[string]Answer `json:"activities,omitempty"`
	Goals             string            `json:"goals,omitempty"`
}

// Screen is one red-flag screen and what was done about it.
type Screen struct {
	ID         string            `json:"id"`
	Date       string            `json:"date"`
	AtIntake   bool              `json:"at_intake,omitempty"`
	Answers    map[string]Answer `json:"answers"`
	ReferredTo string            `json:"referred_to,omitempty"`
	ReferredOn string            `json:"referred_on,omitempty"`
	ClearedBy  string            `json:"cleared_by,omitempty"`
	ClearedOn  string            `json:"cleared_on,omitempty"`
	Note       string            `json:"note,omitempty"`
}

// Consent is one consent to treatment and its withdrawal.
type Consent struct {
	ID             string   `json:"id"`
	Date           string   `json:"date"`
	How            string   `json:"how"` // written or verbal
	Assessment     bool     `json:"assessment,omitempty"`
	Techniques     string   `json:"techniques,omitempty"`
	Draping        bool     `json:"draping,omitempty"`
	Areas          []string `json:"areas"`
	Excluded       []string `json:"excluded,omitempty"`
	Note           string   `json:"note,omitempty"`
	WithdrawnOn    string   `json:"withdrawn_on,omitempty"`
	WithdrawnAreas []string `json:"withdrawn_areas,omitempty"`
	Withdrawal     string   `json:"withdrawal,omitempty"`
}

func fromAnswer(a store.Answer) *Answer {
	if a == (store.Answer{}) {
		return nil
	}
	return &Answer{Answer: string(a.State), Detail: a.Detail}
}

func fromAnswers[K ~string](m map[K]store.Answer) map[string]Answer {
	if len(m) == 0 {
		return nil
	}
	out := map[string]Answer{}
	for k, a := range m {
		if e := fromAnswer(a); e != nil {
			out[string(k)] = *e
		}
	}
	return out
}

func fromAreas(areas []store.ConsentArea) []string {
	out := make([]string, len(areas))
	for i, a := range areas {
		out[i] = string(a)
	}
	return out
}

// FromHealth lays a health record out for JSON; each part is nil when
// there is none.
func FromHealth(h store.Health) (*Intake, []Screen, []Consent) {
	var intake *Intake
	if in := h.Intake; in.OnFile() || !in.Empty() {
		intake = &Intake{Date: FormatDate(in.Date), Reason: in.Reason, Began: in.Began, Onset: string(in.Onset),
			OnsetDetail: in.OnsetDetail, PreviousTreatment: fromAnswer(in.PreviousTreatment),
			Conditions: fromAnswers(in.Conditions), Medications: fromAnswer(in.Medications),
			Allergies: fromAnswer(in.Allergies), Activities: fromAnswers(in.Activities), Goals: in.Goals}
	}
	var screens []Screen
	for _, s := range h.Screens {
		answers := fromAnswers(s.Answers)
		if answers == nil {
			answers = map[string]Answer{}
		}
		screens = append(screens, Screen{ID: s.UID, Date: FormatDate(s.On), AtIntake: s.AtIntake, Answers: answers,
			ReferredTo: s.ReferredTo, ReferredOn: FormatDate(s.ReferredOn), ClearedBy: s.ClearedBy,
			ClearedOn: FormatDate(s.ClearedOn), Note: s.Note})
	}
	var consents []Consent
	for _, c := range h.Consents {
		consents = append(consents, Consent{ID: c.UID, Date: FormatDate(c.On), How: string(c.How),
			Assessment: c.Assessment, Techniques: c.Techniques, Draping: c.Draping, Areas: fromAreas(c.Areas),
			Excluded: fromAreas(c.Excluded), Note: c.Note, WithdrawnOn: FormatDate(c.WithdrawnOn),
			WithdrawnAreas: fromAreas(c.WithdrawnAreas), Withdrawal: c.Withdrawal})
		if len(c.Excluded) == 0 {
			consents[len(consents)-1].Excluded = nil
		}
		if len(c.WithdrawnAreas) == 0 {
			consents[len(consents)-1].WithdrawnAreas = nil
		}
	}
	return intake, screens, consents
}

// Problem is something wrong in an exported health record, by the
// JSON field it is in.
type Problem struct{ Column, Message string }

// HealthReader turns exported parts back into the domain's, collecting
// what cannot be read.
type HealthReader struct{ Problems []Problem }

func (r *HealthReader) add(column, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{column, fmt.Sprintf(format, args...)})
}

func (r *HealthReader) date(column, value string) time.Time {
	if value == "" {
		return time.Time{}
	}
	d, err := ParseDate(value)
	if err != nil {
		r.add(column, "%s", err.Error())
	}
	return d
}

func (r *HealthReader) answer(column string, e *Answer) store.Answer {
	if e == nil {
		return store.Answer{}
	}
	state, ok := store.ParseAnswerState(e.Answer)
	if !ok {
		r.add(column, "%q is not an answer (no or yes)", store.Clip(e.Answer))
	}
	return store.Answer{State: state, Detail: e.Detail}
}

func answersOf[K ~string](r *HealthReader, column string, m map[string]Answer) map[K]store.Answer {
	if len(m) == 0 {
		return nil
	}
	out := map[K]store.Answer{}
	for k, e := range m {
		out[K(k)] = r.answer(column+"."+k, &e)
	}
	return out
}

func areasOf(list []string) []store.ConsentArea {
	if len(list) == 0 {
		return nil
	}
	out := make([]store.ConsentArea, len(list))
	for i, a := range list {
		out[i] = store.ConsentArea(a)
	}
	return out
}

func (r *HealthReader) uid(column, value string) string {
	uid, err := store.CheckUID(value)
	if err != nil {
		r.add(column, "%s", err.Error())
	}
	return uid
}

// Health reads exported parts; validation is the domain's, afterwards.
func (r *HealthReader) Health(in *Intake, screens []Screen, consents []Consent) store.Health {
	var h store.Health
	if in != nil {
		h.Intake = store.Intake{Date: r.date("intake.date", in.Date), Reason: in.Reason, Began: in.Began,
			Onset: store.Onset(in.Onset), OnsetDetail: in.OnsetDetail,
			PreviousTreatment: r.answer("intake.previous_treatment", in.PreviousTreatment),
			Conditions:        answersOf[store.Condition](r, "intake.conditions", in.Conditions),
			Medications:       r.answer("intake.medications", in.Medications),
			Allergies:         r.answer("intake.allergies", in.Allergies),
			Activities:        answersOf[store.Activity](r, "intake.activities", in.Activities),
			Goals:             in.Goals}
	}
	for i, s := range screens {
		col := fmt.Sprintf("red_flag_screens[%d]", i)
		h.Screens = append(h.Screens, store.RedFlagScreen{UID: r.uid(col+".id", s.ID), On: r.date(col+".date", s.Date),
			AtIntake: s.AtIntake, Answers: answersOf[store.RedFlag](r, col+".answers", s.Answers),
			ReferredTo: s.ReferredTo, ReferredOn: r.date(col+".referred_on", s.ReferredOn),
			ClearedBy: s.ClearedBy, ClearedOn: r.date(col+".cleared_on", s.ClearedOn), Note: s.Note})
	}
	for i, c := range consents {
		col := fmt.Sprintf("consents[%d]", i)
		h.Consents = append(h.Consents, store.Consent{UID: r.uid(col+".id", c.ID), On: r.date(col+".date", c.Date),
			How: store.ConsentMethod(c.How), Assessment: c.Assessment, Techniques: c.Techniques, Draping: c.Draping,
			Areas: areasOf(c.Areas), Excluded: areasOf(c.Excluded), Note: c.Note,
			WithdrawnOn: r.date(col+".withdrawn_on", c.WithdrawnOn), WithdrawnAreas: areasOf(c.WithdrawnAreas),
			Withdrawal: c.Withdrawal})
	}
	return h
}

// ValidateHealth checks a whole health record against the client's birth
// and today, each problem under the JSON field it concerns.
func ValidateHealth(h *store.Health, dob, today time.Time) []Problem {
	var out []Problem
	add := func(prefix string, p store.Problems) {
		for _, fe := range p {
			out = append(out, Problem{prefix + fe.Field, fe.Message})
		}
	}
	if h.Intake.OnFile() || !h.Intake.Empty() {
		add("intake.", h.Intake.Validate(dob, today))
	}
	seen := map[string]bool{}
	for i := range h.Screens {
		prefix := fmt.Sprintf("red_flag_screens[%d].", i)
		add(prefix, h.Screens[i].Validate(dob, today))
		if uid := h.Screens[i].UID; uid != "" && seen[uid] {
			out = append(out, Problem{prefix + "id", "Two red-flag screens have the same id"})
		}
		seen[h.Screens[i].UID] = true
	}
	for i := range h.Consents {
		prefix := fmt.Sprintf("consents[%d].", i)
		add(prefix, h.Consents[i].Validate(dob, today))
		if uid := h.Consents[i].UID; uid != "" && seen[uid] {
			out = append(out, Problem{prefix + "id", "Two consents have the same id"})
		}
		seen[h.Consents[i].UID] = true
	}
	return out
}

// FormatDate writes a date as YYYY-MM-DD; "" for none.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(store.DateLayout)
}

// ParseDate reads a YYYY-MM-DD date and says plainly what is wrong.
func ParseDate(s string) (time.Time, error) {
	d, err := time.ParseInLocation(store.DateLayout, s, time.Local)
	if err == nil {
		return d, nil
	}
	if strings.Contains(err.Error(), "out of range") {
		return time.Time{}, fmt.Errorf("%q is not a date in the calendar", store.Clip(s))
	}
	return time.Time{}, fmt.Errorf("%q is not a date; write it as YYYY-MM-DD, like 1975-05-02", store.Clip(s))
}
