package sqlstore

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"backtrack/store"
)

// A client's intake, red-flag screens and consents, as a JSON export
// writes them and as the clients table keeps them (one JSON document per
// column): dates as YYYY-MM-DD, answers as "no" or "yes" with a detail
// (a question not asked is left out), lists by their stable codes.

// ExportAnswer is one answered question.
type ExportAnswer struct {
	Answer string `json:"answer"` // "no" or "yes"
	Detail string `json:"detail,omitempty"`
}

// ExportIntake is the client's structured health history.
type ExportIntake struct {
	Date              string                  `json:"date"`
	Reason            string                  `json:"reason,omitempty"`
	Began             string                  `json:"began,omitempty"`
	Onset             string                  `json:"onset,omitempty"` // injury, gradual, unknown
	OnsetDetail       string                  `json:"onset_detail,omitempty"`
	PreviousTreatment *ExportAnswer           `json:"previous_treatment,omitempty"`
	Conditions        map[string]ExportAnswer `json:"conditions,omitempty"`
	Medications       *ExportAnswer           `json:"medications,omitempty"`
	Allergies         *ExportAnswer           `json:"allergies,omitempty"`
	Activities        map[string]ExportAnswer `json:"activities,omitempty"`
	Goals             string                  `json:"goals,omitempty"`
}

// ExportScreen is one red-flag screen and what was done about it.
type ExportScreen struct {
	ID         string                  `json:"id"`
	Date       string                  `json:"date"`
	AtIntake   bool                    `json:"at_intake,omitempty"`
	Answers    map[string]ExportAnswer `json:"answers"`
	ReferredTo string                  `json:"referred_to,omitempty"`
	ReferredOn string                  `json:"referred_on,omitempty"`
	ClearedBy  string                  `json:"cleared_by,omitempty"`
	ClearedOn  string                  `json:"cleared_on,omitempty"`
	Note       string                  `json:"note,omitempty"`
}

// ExportConsent is one consent to treatment and its withdrawal.
type ExportConsent struct {
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

func exportAnswer(a store.Answer) *ExportAnswer {
	if a == (store.Answer{}) {
		return nil
	}
	return &ExportAnswer{Answer: string(a.State), Detail: a.Detail}
}

func exportAnswers[K ~string](m map[K]store.Answer) map[string]ExportAnswer {
	if len(m) == 0 {
		return nil
	}
	out := map[string]ExportAnswer{}
	for k, a := range m {
		if e := exportAnswer(a); e != nil {
			out[string(k)] = *e
		}
	}
	return out
}

func exportAreas(areas []store.ConsentArea) []string {
	out := make([]string, len(areas))
	for i, a := range areas {
		out[i] = string(a)
	}
	return out
}

// exportHealth lays a health record out for JSON; each part is nil when
// there is none.
func exportHealth(h store.Health) (*ExportIntake, []ExportScreen, []ExportConsent) {
	var intake *ExportIntake
	if in := h.Intake; in.OnFile() || !in.Empty() {
		intake = &ExportIntake{Date: formatDate(in.Date), Reason: in.Reason, Began: in.Began, Onset: string(in.Onset),
			OnsetDetail: in.OnsetDetail, PreviousTreatment: exportAnswer(in.PreviousTreatment),
			Conditions: exportAnswers(in.Conditions), Medications: exportAnswer(in.Medications),
			Allergies: exportAnswer(in.Allergies), Activities: exportAnswers(in.Activities), Goals: in.Goals}
	}
	var screens []ExportScreen
	for _, s := range h.Screens {
		answers := exportAnswers(s.Answers)
		if answers == nil {
			answers = map[string]ExportAnswer{}
		}
		screens = append(screens, ExportScreen{ID: s.UID, Date: formatDate(s.On), AtIntake: s.AtIntake, Answers: answers,
			ReferredTo: s.ReferredTo, ReferredOn: formatDate(s.ReferredOn), ClearedBy: s.ClearedBy,
			ClearedOn: formatDate(s.ClearedOn), Note: s.Note})
	}
	var consents []ExportConsent
	for _, c := range h.Consents {
		consents = append(consents, ExportConsent{ID: c.UID, Date: formatDate(c.On), How: string(c.How),
			Assessment: c.Assessment, Techniques: c.Techniques, Draping: c.Draping, Areas: exportAreas(c.Areas),
			Excluded: exportAreas(c.Excluded), Note: c.Note, WithdrawnOn: formatDate(c.WithdrawnOn),
			WithdrawnAreas: exportAreas(c.WithdrawnAreas), Withdrawal: c.Withdrawal})
		if len(c.Excluded) == 0 {
			consents[len(consents)-1].Excluded = nil
		}
		if len(c.WithdrawnAreas) == 0 {
			consents[len(consents)-1].WithdrawnAreas = nil
		}
	}
	return intake, screens, consents
}

// healthProblem is something wrong in an exported health record, by the
// JSON field it is in.
type healthProblem struct{ column, message string }

// healthReader turns exported parts back into the domain's, collecting
// what cannot be read.
type healthReader struct{ problems []healthProblem }

func (r *healthReader) add(column, format string, args ...any) {
	r.problems = append(r.problems, healthProblem{column, fmt.Sprintf(format, args...)})
}

func (r *healthReader) date(column, value string) time.Time {
	if value == "" {
		return time.Time{}
	}
	d, err := parseImportDate(value)
	if err != nil {
		r.add(column, "%s", err.Error())
	}
	return d
}

func (r *healthReader) answer(column string, e *ExportAnswer) store.Answer {
	if e == nil {
		return store.Answer{}
	}
	state, ok := store.ParseAnswerState(e.Answer)
	if !ok {
		r.add(column, "%q is not an answer (no or yes)", clip(e.Answer))
	}
	return store.Answer{State: state, Detail: e.Detail}
}

func answersOf[K ~string](r *healthReader, column string, m map[string]ExportAnswer) map[K]store.Answer {
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

func (r *healthReader) uid(column, value string) string {
	uid, err := store.CheckUID(value)
	if err != nil {
		r.add(column, "%s", err.Error())
	}
	return uid
}

// health reads exported parts; validation is the domain's, afterwards.
func (r *healthReader) health(in *ExportIntake, screens []ExportScreen, consents []ExportConsent) store.Health {
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

// validateHealth checks a whole health record against the client's birth
// and today, each problem under the JSON field it concerns.
func validateHealth(h *store.Health, dob, today time.Time) []healthProblem {
	var out []healthProblem
	add := func(prefix string, p store.Problems) {
		for _, fe := range p {
			out = append(out, healthProblem{prefix + fe.Field, fe.Message})
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
			out = append(out, healthProblem{prefix + "id", "Two red-flag screens have the same id"})
		}
		seen[h.Screens[i].UID] = true
	}
	for i := range h.Consents {
		prefix := fmt.Sprintf("consents[%d].", i)
		add(prefix, h.Consents[i].Validate(dob, today))
		if uid := h.Consents[i].UID; uid != "" && seen[uid] {
			out = append(out, healthProblem{prefix + "id", "Two consents have the same id"})
		}
		seen[h.Consents[i].UID] = true
	}
	return out
}

// healthColumns are the JSON documents of one client's health record as
// the clients table keeps them.
type healthColumns struct{ intake, redFlags, consents string }

func encodeHealth(h store.Health) (healthColumns, error) {
	intake, screens, consents := exportHealth(h)
	var cols healthColumns
	enc := func(v any, empty bool) (string, error) {
		if empty {
			return "", nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	var err error
	if cols.intake, err = enc(intake, intake == nil); err != nil {
		return cols, err
	}
	if cols.redFlags, err = enc(screens, len(screens) == 0); err != nil {
		return cols, err
	}
	cols.consents, err = enc(consents, len(consents) == 0)
	return cols, err
}

func decodeHealth(cols healthColumns) (store.Health, error) {
	var in *ExportIntake
	var screens []ExportScreen
	var consents []ExportConsent
	for _, part := range []struct {
		text string
		into any
	}{{cols.intake, &in}, {cols.redFlags, &screens}, {cols.consents, &consents}} {
		if part.text == "" {
			continue
		}
		if err := json.Unmarshal([]byte(part.text), part.into); err != nil {
			return store.Health{}, fmt.Errorf("read the health record: %w", err)
		}
	}
	var r healthReader
	h := r.health(in, screens, consents)
	if len(r.problems) > 0 {
		return h, fmt.Errorf("read the health record: %s: %s", r.problems[0].column, r.problems[0].message)
	}
	sortHealth(&h)
	return h, nil
}

// sortHealth puts screens and consents oldest first, as they are kept.
func sortHealth(h *store.Health) {
	slices.SortStableFunc(h.Screens, func(a, b store.RedFlagScreen) int { return a.On.Compare(b.On) })
	slices.SortStableFunc(h.Consents, func(a, b store.Consent) int { return a.On.Compare(b.On) })
}
