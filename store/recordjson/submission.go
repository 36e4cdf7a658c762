package recordjson

import (
	"fmt"
	"time"

	"backtrack/store"
)

// Submission is what a client filled in and signed, as the record keeps it
// and a JSON export writes it: the answers in the health record's own
// shapes, the signature as its strokes' text (store.Signature.Text), the
// seal it was given and what the therapist did with each form.
type Submission struct {
	ID         string            `json:"id"`
	At         string            `json:"at"`                 // YYYY-MM-DD HH:MM:SS
	PaperOn    string            `json:"paper_on,omitempty"` // the paper form's date, when typed from paper
	Forms      []string          `json:"forms"`
	Intake     *Intake           `json:"intake,omitempty"`
	Screen     *Screen           `json:"red_flag_screen,omitempty"`
	Consent    *Consent          `json:"consent,omitempty"`
	Measures   []SubmittedScores `json:"measures,omitempty"`
	Pain       *int              `json:"pain,omitempty"`
	BodyChart  []string          `json:"body_chart,omitempty"` // region identifiers, as store.RegionID
	SignedName string            `json:"signed_name,omitempty"`
	Signature  string            `json:"signature,omitempty"`
	Seal       string            `json:"seal"`
	Reviews    []FormReview      `json:"reviews,omitempty"`
}

// SubmittedScores is one questionnaire's answers in a submission.
type SubmittedScores struct {
	Kind  string     `json:"kind"`
	Items []itemJSON `json:"items"`
	Note  string     `json:"note,omitempty"`
}

// FormReview is what the therapist did with one form.
type FormReview struct {
	Form     string `json:"form"`
	Accepted bool   `json:"accepted"`
	At       string `json:"at"`
	By       string `json:"by"`
	Words    string `json:"words,omitempty"`
	Record   string `json:"record,omitempty"`
}

// FromSubmission is a submission's JSON shape.
func FromSubmission(s store.Submission) Submission {
	out := Submission{ID: s.UID, At: FormatStamp(s.At), PaperOn: FormatDate(s.PaperOn), SignedName: s.SignedName,
		Signature: s.Signature.Text(), Seal: s.Seal}
	for _, f := range s.Forms {
		out.Forms = append(out.Forms, string(f))
	}
	if s.Asks(store.FormIntake) {
		in, screens, _ := FromHealth(store.Health{Intake: s.Intake, Screens: []store.RedFlagScreen{s.Screen}})
		out.Intake, out.Screen = in, &screens[0]
	}
	if s.Asks(store.FormConsent) {
		_, _, consents := FromHealth(store.Health{Consents: []store.Consent{s.Consent}})
		out.Consent = &consents[0]
	}
	for _, m := range s.Measures {
		sc := SubmittedScores{Kind: string(m.Kind), Note: m.Note, Items: []itemJSON{}}
		for _, it := range m.Items {
			sc.Items = append(sc.Items, itemJSON(it))
		}
		out.Measures = append(out.Measures, sc)
	}
	if s.Asks(store.FormPain) {
		pain := s.Pain
		out.Pain = &pain
	}
	for _, id := range s.BodyChart {
		out.BodyChart = append(out.BodyChart, string(id))
	}
	for _, r := range s.Reviews {
		out.Reviews = append(out.Reviews, FormReview{Form: string(r.Form), Accepted: r.Accepted, At: FormatStamp(r.On),
			By: r.By, Words: r.Words, Record: r.Record})
	}
	return out
}

// Content reads the submission back, each problem under its JSON field;
// validating it is the domain's, afterwards.
func (e Submission) Content(r *HealthReader) store.Submission {
	s := store.Submission{UID: r.uid("submission.id", e.ID), At: r.stamp("submission.at", e.At),
		PaperOn: r.date("submission.paper_on", e.PaperOn), SignedName: e.SignedName, Seal: e.Seal}
	for _, f := range e.Forms {
		s.Forms = append(s.Forms, store.FormKind(f))
	}
	var screens []Screen
	if e.Screen != nil {
		screens = []Screen{*e.Screen}
	}
	var consents []Consent
	if e.Consent != nil {
		consents = []Consent{*e.Consent}
	}
	h := r.Health(e.Intake, screens, consents)
	s.Intake = h.Intake
	if len(h.Screens) > 0 {
		s.Screen = h.Screens[0]
	}
	if len(h.Consents) > 0 {
		s.Consent = h.Consents[0]
	}
	for _, m := range e.Measures {
		measure := store.Measure{Kind: store.MeasureKind(m.Kind), Note: m.Note}
		for _, it := range m.Items {
			measure.Items = append(measure.Items, store.MeasureItem(it))
		}
		s.Measures = append(s.Measures, measure)
	}
	if e.Pain != nil {
		s.Pain = *e.Pain
	}
	for i, id := range e.BodyChart {
		if _, ok := store.RegionOf(store.RegionID(id)); !ok {
			r.add(fmt.Sprintf("submission.body_chart[%d]", i), "%q is not a region of the body chart", store.Clip(id))
		}
		s.BodyChart = append(s.BodyChart, store.RegionID(id))
	}
	sig, err := store.ParseSignature(e.Signature)
	if err != nil {
		r.add("submission.signature", "%s", err.Error())
	}
	s.Signature = sig
	for i, rv := range e.Reviews {
		s.Reviews = append(s.Reviews, store.FormReview{Form: store.FormKind(rv.Form), Accepted: rv.Accepted,
			On: r.stamp(fmt.Sprintf("submission.reviews[%d].at", i), rv.At), By: rv.By, Words: rv.Words, Record: rv.Record})
	}
	return s
}

func (r *HealthReader) stamp(column, value string) time.Time {
	if value == "" {
		return time.Time{}
	}
	t, err := time.ParseInLocation(store.StampLayout, value, time.Local)
	if err != nil {
		r.add(column, "%q is not a moment; write it as YYYY-MM-DD HH:MM:SS", store.Clip(value))
	}
	return t
}
