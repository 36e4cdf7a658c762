package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A submission is what a client filled in and signed themself, on the
// device in the room (or on a paper form whose answers were typed in
// later): it is kept as the client gave it, sealed into the audit chain,
// and lands in the record only as the therapist accepts it, whole or form
// by form.

// FormKind is one form a client can be handed.
type FormKind string

// The forms.
const (
	FormIntake  FormKind = "intake" // the health history with the red-flag questions
	FormConsent FormKind = "consent"
	FormODI     FormKind = "odi"
	FormRMDQ    FormKind = "rmdq"
	FormPSFS    FormKind = "psfs"
	FormPain    FormKind = "pain" // pain today, 0-10
	// FormBodyChart is where it hurts, tapped on the body chart.
	FormBodyChart FormKind = "body_chart"
)

// FormKinds lists the forms in the order the client is asked them.
var FormKinds = []FormKind{FormIntake, FormConsent, FormODI, FormRMDQ, FormPSFS, FormPain, FormBodyChart}

// ClientScreenForms are the forms the client's screen, and their paper
// twin, offer; the ODI and RMDQ statements are shown only under the
// practice's licence, which Backtrack does not hold.
var ClientScreenForms = []FormKind{FormIntake, FormConsent, FormPSFS, FormPain, FormBodyChart}

// Label names the form for the therapist.
func (f FormKind) Label() string {
	switch f {
	case FormIntake:
		return "Intake and red-flag questions"
	case FormConsent:
		return "Consent"
	case FormODI, FormRMDQ, FormPSFS:
		return MeasureKind(f).Name()
	case FormPain:
		return "Pain today"
	case FormBodyChart:
		return "Where it hurts (body chart)"
	}
	return string(f)
}

// measureForm reports the measure a form is, if it is one.
func (f FormKind) measure() (MeasureKind, bool) {
	switch f {
	case FormODI, FormRMDQ, FormPSFS:
		return MeasureKind(f), true
	}
	return "", false
}

// Submission is one client's answers to the forms they were handed.
type Submission struct {
	ID       int64
	UID      string
	ClientID int64
	At       time.Time // when the client handed the device back
	// PaperOn is the date of the paper form the answers were typed from;
	// zero when the client filled them in on the device.
	PaperOn  time.Time
	Forms    []FormKind
	Intake   Intake        // FormIntake
	Screen   RedFlagScreen // FormIntake: the red-flag questions
	Consent  Consent       // FormConsent
	Measures []Measure     // FormODI, FormRMDQ, FormPSFS
	Pain     int           // FormPain, 0-10
	// BodyChart is the regions the client tapped (FormBodyChart), in the
	// chart's order; none when nothing hurts.
	BodyChart []RegionID

	SignedName string // typed by the client beside the signature
	Signature  Signature
	// Seal is SealFor as it was when the client handed back: kept, so
	// check sees a submission changed since.
	Seal string

	Reviews []FormReview // what the therapist did with each form
}

// FormReview is the therapist's decision on one form of a submission.
type FormReview struct {
	Form     FormKind
	Accepted bool // false: declined, nothing taken into the record
	On       time.Time
	By       string
	Words    string // what accepting it did, as the history says it
	// Record is the UID of what accepting it made (the consent, the
	// red-flag screen, the measure), so the paper finds the signature
	// that gave it; "" when declined.
	Record string
}

// Asks reports whether the submission holds form.
func (s Submission) Asks(f FormKind) bool { return slices.Contains(s.Forms, f) }

// Signed reports a drawn signature.
func (s Submission) Signed() bool { return !s.Signature.Empty() }

// FromPaper reports answers typed from a paper form.
func (s Submission) FromPaper() bool { return !s.PaperOn.IsZero() }

// Day is the day the answers were given: the paper form's or the device's.
func (s Submission) Day() time.Time {
	if s.FromPaper() {
		return s.PaperOn
	}
	return s.At
}

// Review is the therapist's decision on form, if one was made.
func (s Submission) Review(f FormKind) (FormReview, bool) {
	for _, r := range s.Reviews {
		if r.Form == f {
			return r, true
		}
	}
	return FormReview{}, false
}

// Pending lists the forms the therapist has not yet accepted or declined.
func (s Submission) Pending() []FormKind {
	var out []FormKind
	for _, f := range s.Forms {
		if _, done := s.Review(f); !done {
			out = append(out, f)
		}
	}
	return out
}

// Source is how the answers came, as the record and the paper say it:
// "filled in and signed by the client on the device on 2026-12-07" or
// "typed from the paper form of 2026-12-01".
func (s Submission) Source() string {
	if s.FromPaper() {
		return "typed from the paper form of " + dayOf(s.PaperOn)
	}
	if s.Signed() {
		return "filled in and signed by the client on the device on " + dayOf(s.At)
	}
	return "filled in by the client on the device on " + dayOf(s.At)
}

// Validate tidies the submission and lists its problems, each naming the
// form it is in: no form, a form it does not know, a form's own problems,
// a consent neither signed nor from paper, a signature without the name
// typed beside it, or one beyond its bounds.
func (s *Submission) Validate(dob, today time.Time) Problems {
	var p Problems
	if len(s.Forms) == 0 {
		p.Add("forms", "Choose at least one form for the client")
	}
	seen := map[FormKind]bool{}
	for _, f := range s.Forms {
		if !slices.Contains(FormKinds, f) {
			p.Add("forms", fmt.Sprintf("%q is not a form a client fills in", Clip(string(f))))
		}
		if seen[f] {
			p.Add("forms", f.Label()+" is asked twice")
		}
		seen[f] = true
	}
	checkDay(&p, "paper_date", "The paper form's date", s.PaperOn, dob, today, false)
	s.SignedName = tidyLine(s.SignedName)
	p.checkLine("signed_name", "Your name", s.SignedName, maxLineLen)
	if err := s.Signature.Validate(); err != nil {
		p.Add("signature", upperFirst(err.Error()))
	}
	if s.Signed() && s.SignedName == "" {
		p.Add("signed_name", "Type your name beside your signature")
	}
	day := s.Day()
	for _, f := range s.Forms {
		switch f {
		case FormIntake:
			s.Intake.Date = day
			for _, fe := range s.Intake.Validate(dob, today) {
				p.Add(fe.Field, "Intake: "+fe.Message)
			}
			s.Screen.On, s.Screen.AtIntake = day, true
			for _, fe := range s.Screen.Validate(dob, today) {
				p.Add(fe.Field, "Red-flag questions: "+fe.Message)
			}
		case FormConsent:
			s.Consent.On, s.Consent.How = day, ConsentWritten
			if !s.Signed() && !s.FromPaper() {
				p.Add("signature", "Consent: sign to give your consent")
			}
			for _, fe := range s.Consent.Validate(dob, today) {
				p.Add(fe.Field, "Consent: "+fe.Message)
			}
		case FormPain:
			if s.Pain < 0 || s.Pain > 10 {
				p.Add("pain", fmt.Sprintf("Pain today is %d; choose 0 (none) to 10 (the worst imaginable)", s.Pain))
			}
		case FormBodyChart:
			p.checkRegions(s.BodyChart)
			SortRegions(s.BodyChart)
		}
		if kind, ok := f.measure(); ok {
			m, found := s.measure(kind)
			if !found {
				p.Add(string(kind), kind.Name()+": no answers")
				continue
			}
			for _, fe := range m.Validate() {
				p.Add(string(kind), kind.Label()+": "+fe.Message)
			}
		}
	}
	if len(s.BodyChart) > 0 && !s.Asks(FormBodyChart) {
		p.Add("body_chart", "Where it hurts was answered but not asked")
	}
	for _, m := range s.Measures {
		if !s.Asks(FormKind(m.Kind)) {
			p.Add(string(m.Kind), m.Kind.Name()+" was answered but not asked")
		}
	}
	return p
}

func (s Submission) measure(kind MeasureKind) (Measure, bool) {
	for _, m := range s.Measures {
		if m.Kind == kind {
			return m, true
		}
	}
	return Measure{}, false
}

// SealFor is the hash of everything the client gave, with whose record it
// is in: what the audit entry of the submission carries, so a changed
// answer or signature shows.
func (s Submission) SealFor(clientUID string) string {
	forms := make([]string, len(s.Forms))
	for i, f := range s.Forms {
		forms[i] = string(f)
	}
	var h Health
	if s.Asks(FormIntake) {
		h.Intake, h.Screens = s.Intake, []RedFlagScreen{s.Screen}
	}
	if s.Asks(FormConsent) {
		h.Consents = []Consent{s.Consent}
	}
	paper := ""
	if s.FromPaper() {
		paper = dayOf(s.PaperOn)
	}
	fields := []string{s.UID, clientUID, stampText(s.At), paper, strings.Join(forms, ",")}
	fields = append(fields, healthFields(h)...)
	for _, m := range s.Measures {
		fields = append(fields, "measure", string(m.Kind), m.Note)
		for _, it := range m.Items {
			fields = append(fields, it.Item, strconv.Itoa(it.Score))
		}
	}
	fields = append(fields, "pain", strconv.Itoa(s.Pain), s.SignedName, s.Signature.Hash())
	// only a submission that asks it seals the chart: the seals of those
	// kept before the chart was offered read as they were written
	if s.Asks(FormBodyChart) {
		fields = append(fields, "body_chart")
		for _, id := range s.BodyChart {
			fields = append(fields, string(id))
		}
	}
	return "submission/1:" + hashOf(fields...)
}

// Words is the submission in a line of the history: "Intake and red-flag
// questions, Consent: filled in and signed by the client on the device on
// 2026-12-07".
func (s Submission) Words() string {
	labels := make([]string, len(s.Forms))
	for i, f := range s.Forms {
		labels[i] = f.Label()
	}
	return strings.Join(labels, ", ") + ": " + s.Source()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
