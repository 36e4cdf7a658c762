package report

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"backtrack/store"
)

// Unprintable is a field of the report holding characters no font of the
// report prints correctly (see fonts.go): they will print as boxes.
type Unprintable struct {
	Field string // "the client's last name", "the note of 1 Oct 2026 (S)"
	Chars string // the characters, each once, in the order met
}

func (u Unprintable) String() string {
	return fmt.Sprintf("%s has characters this report cannot print: %s", upperFirst(u.Field), u.Chars)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// FindUnprintable lists the fields of a report that hold characters it
// would print as boxes, so the desk and the command line can say so before
// writing it. None is the common case, and costs one pass over the text.
func FindUnprintable(d Data, o Options) []Unprintable {
	var out []Unprintable
	check := func(field, text string) {
		if chars := unprintableChars(text); chars != "" {
			out = append(out, Unprintable{Field: field, Chars: chars})
		}
	}
	// what the report prints, in the order it prints it
	check("the client's first name", d.Client.FirstName)
	check("the client's last name", d.Client.LastName)
	p := o.Practice
	check("the practice's name", p.Name)
	check("the therapist's name", p.Therapist)
	check("the credentials", p.Credentials)
	check("the practice's address", p.Address)
	check("the practice's contact", p.Contact)
	check("the contraindications", d.Client.Contraindications)
	check("the medications", d.Client.Medications)
	check("the medical history", d.Client.MedicalHistory)
	in := d.Health.Intake
	check("the intake's reason for the visit", in.Reason)
	check("the intake's goals", in.Goals)
	for _, a := range []store.Answer{in.PreviousTreatment, in.Medications, in.Allergies} {
		check("an answer of the intake", a.Detail)
	}
	for _, a := range in.Conditions {
		check("a condition of the intake", a.Detail)
	}
	for _, sc := range d.Health.Screens {
		check("the red-flag screen of "+formatDate(sc.On), sc.PositiveWords()+sc.ReferredTo+sc.ClearedBy+sc.Note)
	}
	for _, c := range d.Health.Consents {
		check("the consent of "+formatDate(c.On), c.Techniques+c.Note+c.Withdrawal)
	}
	for _, s := range d.Sessions {
		of := " of the session on " + formatDate(s.Start)
		check("the subjective note"+of, s.Notes.Subjective)
		check("the objective note"+of, s.Notes.Objective)
		check("the assessment"+of, s.Notes.Assessment)
		check("the plan"+of, s.Notes.Plan)
		check("the home care"+of, s.HomeCare)
		check("the other trigger"+of, s.TriggerOther)
		for _, k := range store.Kinds {
			for _, t := range s.Tags(k) {
				check(fmt.Sprintf("the %s %q%s", strings.ToLower(k.Label()), t.Name, of), t.Name)
			}
		}
	}
	return out
}

// unprintableChars is the characters of text that print as boxes, each
// once; "" when all print.
func unprintableChars(text string) string {
	if plainASCII(text) {
		return ""
	}
	text = norm.NFC.String(text)
	var b strings.Builder
	for _, r := range text {
		switch {
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r):
			// dropped, not boxed: nothing was there to see
		case fontOf(r) == noFont && !strings.ContainsRune(b.String(), r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
