package store

import (
	"fmt"
	"strings"
	"time"
)

// Accepting a client's submission into the record. A question the record
// has no answer to takes the client's; one answered the same stays; one
// answered differently keeps what the therapist recorded unless the
// therapist chose to take the client's, and either way the history says
// which: nothing the therapist recorded is overwritten unseen.

// MergeIntake brings the client's intake answers into the one on file.
// With replace, the client's answer wins where the two differ. It returns
// the merged intake and one sentence for each difference.
func MergeIntake(onFile, client Intake, replace bool) (Intake, []string) {
	m := intakeMerge{replace: replace}
	out := onFile
	m.text("Reason for the visit", &out.Reason, client.Reason)
	m.text("When it began", &out.Began, client.Began)
	if client.Onset != OnsetNotAsked {
		onset, detail := string(out.Onset), out.OnsetDetail
		m.text("How it began", &onset, string(client.Onset))
		m.text("How it began (detail)", &detail, client.OnsetDetail)
		out.Onset, out.OnsetDetail = Onset(onset), detail
	}
	m.answer("Previous treatment", &out.PreviousTreatment, client.PreviousTreatment)
	m.answer("Medications", &out.Medications, client.Medications)
	m.answer("Allergies", &out.Allergies, client.Allergies)
	out.Conditions = mergeAnswers(&m, out.Conditions, client.Conditions, Conditions, Condition.Label)
	out.Activities = mergeAnswers(&m, out.Activities, client.Activities, Activities, Activity.Label)
	m.text("Goals", &out.Goals, client.Goals)
	if client.Date.After(out.Date) {
		out.Date = client.Date
	}
	return out, m.notes
}

type intakeMerge struct {
	replace bool
	notes   []string
}

func (m *intakeMerge) text(label string, onFile *string, client string) {
	switch {
	case client == "" || client == *onFile:
	case *onFile == "":
		*onFile = client
	case m.replace:
		m.notes = append(m.notes, fmt.Sprintf("%s: the client's %q replaced %q", label, Clip(client), Clip(*onFile)))
		*onFile = client
	default:
		m.notes = append(m.notes, fmt.Sprintf("%s: kept %q as recorded (the client said %q)", label, Clip(*onFile), Clip(client)))
	}
}

func (m *intakeMerge) answer(label string, onFile *Answer, client Answer) {
	switch {
	case client.State == NotAsked || client == *onFile:
	case onFile.State == NotAsked:
		*onFile = client
	case m.replace:
		m.notes = append(m.notes, fmt.Sprintf("%s: the client's %q replaced %q", label, client.Words(), onFile.Words()))
		*onFile = client
	default:
		m.notes = append(m.notes, fmt.Sprintf("%s: kept %q as recorded (the client said %q)", label, onFile.Words(), client.Words()))
	}
}

func mergeAnswers[K comparable](m *intakeMerge, onFile, client map[K]Answer, order []K, label func(K) string) map[K]Answer {
	out := make(map[K]Answer, len(onFile))
	for k, a := range onFile {
		out[k] = a
	}
	for _, k := range order {
		a := out[k]
		m.answer(label(k), &a, client[k])
		if a != (Answer{}) {
			out[k] = a
		}
	}
	if len(out) == 0 {
		return onFile
	}
	return out
}

// AcceptForm takes one form of sub into h (the intake with its red-flag
// screen, or the consent) and returns what the history says of it, and
// the differences kept or replaced. A measure or pain today is not part of
// h: see MeasuresToAccept. A consent neither signed on the device nor
// typed from a signed paper form cannot be accepted as written consent.
func (h *Health) AcceptForm(sub Submission, f FormKind, replace bool, dob, today time.Time) (string, error) {
	switch f {
	case FormIntake:
		merged, notes := MergeIntake(h.Intake, sub.Intake, replace)
		if p := merged.Validate(dob, today); len(p) > 0 {
			return "", p.Err()
		}
		h.Intake = merged
		screen := sub.Screen
		screen.UID, screen.On, screen.AtIntake = "", sub.Day(), true
		words, err := h.PutScreen(&screen, dob, today)
		if err != nil {
			return "", err
		}
		out := "Intake of " + dayOf(merged.Date) + " (" + sub.Source() + "); " + words
		if len(notes) > 0 {
			out += "; " + strings.Join(notes, "; ")
		}
		return out, nil
	case FormConsent:
		if !sub.Signed() && !sub.FromPaper() {
			return "", fmt.Errorf("the consent of %s was not signed: ask the client to sign it, or record the consent yourself", dayOf(sub.At))
		}
		consent := sub.Consent
		consent.UID, consent.On, consent.How = "", sub.Day(), ConsentWritten
		source := "Signed by " + sub.SignedName + ", " + sub.Source()
		if sub.SignedName == "" {
			source = upperFirst(sub.Source())
		}
		consent.Note = strings.TrimSpace(source + ". " + consent.Note)
		return h.PutConsent(&consent, dob, today)
	}
	return "", fmt.Errorf("%s is not part of the health record", f.Label())
}

// MeasureToAccept is the measure form f of sub records, dated the day it
// was answered and saying where it came from.
func (sub Submission) MeasureToAccept(f FormKind) (Measure, error) {
	kind, ok := f.measure()
	if !ok {
		return Measure{}, fmt.Errorf("%s is not an outcome measure", f.Label())
	}
	m, found := sub.measure(kind)
	if !found {
		return Measure{}, fmt.Errorf("%s: no answers", kind.Name())
	}
	m.ID, m.UID, m.ClientID, m.SessionUID = 0, "", sub.ClientID, ""
	m.Taken = time.Date(sub.Day().Year(), sub.Day().Month(), sub.Day().Day(), 0, 0, 0, 0, time.UTC)
	m.Note = strings.TrimSpace(upperFirst(sub.Source()) + ". " + m.Note)
	return m, nil
}

// FormDecision is the therapist's choice for one form of a submission:
// accept it into the record or decline it; for the intake, whether the
// client's answers replace the therapist's where the two differ.
type FormDecision struct {
	Form    FormKind
	Accept  bool
	Replace bool
}

// CheckDecisions says why decisions cannot be applied to sub: a form the
// client was not asked, one decided twice, or one already reviewed.
func (sub Submission) CheckDecisions(decisions []FormDecision) error {
	if len(decisions) == 0 {
		return fmt.Errorf("choose the forms to accept or decline")
	}
	seen := map[FormKind]bool{}
	for _, d := range decisions {
		switch r, done := sub.Review(d.Form); {
		case !sub.Asks(d.Form):
			return fmt.Errorf("%s was not among the forms the client filled in", d.Form.Label())
		case seen[d.Form]:
			return fmt.Errorf("%s is decided twice", d.Form.Label())
		case done:
			return fmt.Errorf("%s was already %s on %s by %s", d.Form.Label(), r.Verb(), r.On.Format(StampLayout), r.By)
		}
		seen[d.Form] = true
	}
	return nil
}

// Verb is "accepted" or "declined".
func (r FormReview) Verb() string {
	if r.Accepted {
		return "accepted"
	}
	return "declined"
}

// RecordHash covers the submission as given (its seal) and every review:
// what the latest audit entry about it carries.
func (sub Submission) RecordHash(clientUID string) string {
	fields := []string{sub.SealFor(clientUID)}
	for _, r := range sub.Reviews {
		fields = append(fields, string(r.Form), r.Verb(), stampText(r.On), r.By, r.Words, r.Record)
	}
	return "submission-record/1:" + hashOf(fields...)
}
