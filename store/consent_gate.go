package store

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Consent before the hands: the desk asks when a muscle in an area
// without consent is ticked, not after the treatment. What it asks follows
// from two things the domain decides here: where the area stands with this
// client (consented, excluded on a date, withdrawn on a date, or never
// discussed: an exclusion is the client's refusal, not a gap in the form)
// and the regulator's rule on whether verbal consent may be recorded at all.

// AreaState is where an area stands with a client on a day.
type AreaState int

// The states.
const (
	AreaNeverDiscussed AreaState = iota
	AreaConsented
	AreaExcluded  // the client refused it in a consent
	AreaWithdrawn // consented, then withdrawn
)

// AreaStatus is an area's state and the day it began (zero when never
// discussed), with how the consent that gave it was given.
type AreaStatus struct {
	Area  ConsentArea
	State AreaState
	Since time.Time
	How   ConsentMethod // of the consent that covers it; "" otherwise
}

// Words is "Gluteal region: excluded by the client on 2026-10-02".
func (s AreaStatus) Words() string {
	switch s.State {
	case AreaConsented:
		return fmt.Sprintf("%s: consented (%s) on %s", s.Area.Label(), strings.ToLower(s.How.Label()), dayOf(s.Since))
	case AreaExcluded:
		return fmt.Sprintf("%s: excluded by the client on %s", s.Area.Label(), dayOf(s.Since))
	case AreaWithdrawn:
		return fmt.Sprintf("%s: consent withdrawn by the client on %s", s.Area.Label(), dayOf(s.Since))
	}
	return s.Area.Label() + ": never discussed, no consent on file"
}

// AreaStatusOn is where area stands on day: each consent given by then, in
// date order, covers or excludes it, and each withdrawal by then withdraws
// it (ConsentedAreas reads the same events).
func AreaStatusOn(consents []Consent, area ConsentArea, day time.Time) AreaStatus {
	type event struct {
		on    string
		order int
		state AreaState
		at    time.Time
		how   ConsentMethod
	}
	var events []event
	for i, c := range consents {
		if c.On.IsZero() || dayOf(c.On) > dayOf(day) {
			continue
		}
		switch {
		case slices.Contains(c.Areas, area):
			events = append(events, event{dayOf(c.On), 2 * i, AreaConsented, c.On, c.How})
		case slices.Contains(c.Excluded, area):
			events = append(events, event{dayOf(c.On), 2 * i, AreaExcluded, c.On, ""})
		}
		if c.Withdrawn() && dayOf(c.WithdrawnOn) <= dayOf(day) && slices.Contains(c.Areas, area) &&
			(len(c.WithdrawnAreas) == 0 || slices.Contains(c.WithdrawnAreas, area)) {
			events = append(events, event{dayOf(c.WithdrawnOn), 2*i + 1, AreaWithdrawn, c.WithdrawnOn, ""})
		}
	}
	slices.SortStableFunc(events, func(a, b event) int {
		if c := strings.Compare(a.on, b.on); c != 0 {
			return c
		}
		return a.order - b.order
	})
	st := AreaStatus{Area: area}
	for _, e := range events {
		st.State, st.Since, st.How = e.state, e.at, e.how
	}
	return st
}

// Regulator is the rule the practice's regulator sets for consent to
// sensitive areas; the desk keeps it under settings.KeyRegulator.
type Regulator string

// The regulators Backtrack knows. Ontario's rule is the default: the
// College of Massage Therapists of Ontario requires written consent before
// each treatment of a sensitive area (breast tissue, chest wall, upper
// inner thigh, gluteal region). A practice elsewhere whose regulator
// accepts verbal consent, recorded, chooses VerbalConsentAllowed.
const (
	RegulatorOntario     Regulator = "ontario"
	VerbalConsentAllowed Regulator = "verbal_allowed"
)

// Regulators lists the choices, the default first.
var Regulators = []Regulator{RegulatorOntario, VerbalConsentAllowed}

// ParseRegulator reads a saved setting; "" or an unknown value is Ontario's
// rule, the stricter one, so a bad setting never loosens it.
func ParseRegulator(s string) Regulator {
	if r := Regulator(strings.TrimSpace(s)); r == VerbalConsentAllowed {
		return r
	}
	return RegulatorOntario
}

// Label names the rule in a settings chooser.
func (r Regulator) Label() string {
	if r == VerbalConsentAllowed {
		return "Verbal consent may be recorded for every area"
	}
	return "Ontario (CMTO): written consent for breast, chest wall, inner thigh and gluteal region"
}

// WrittenRequired reports an area that needs written consent before it is
// treated: under Ontario's rule, the CMTO's sensitive areas.
func (r Regulator) WrittenRequired(a ConsentArea) bool {
	if r == VerbalConsentAllowed {
		return false
	}
	switch a {
	case AreaBreast, AreaChest, AreaInnerThigh, AreaGluteal:
		return true
	}
	return false
}

// ConsentChoice is one answer the desk offers when a ticked muscle reaches
// an area without consent.
type ConsentChoice string

// The choices.
const (
	// BackToNote unticks the muscle and goes back to the note: the default.
	BackToNote ConsentChoice = "back_to_note"
	// RecordVerbalConsent records the client's verbal consent now, before
	// the treatment; offered only where the regulator allows it.
	RecordVerbalConsent ConsentChoice = "record_verbal"
	// RecordWrittenConsent opens the consent form for the client to sign
	// (the client-signed consent satisfies "written").
	RecordWrittenConsent ConsentChoice = "record_written"
	// TreatExcludedAnyway treats an area the client excluded; it needs a
	// reason, which is kept.
	TreatExcludedAnyway ConsentChoice = "treat_excluded"
)

// ConsentQuestion is what the desk asks when a muscle is ticked: nothing
// (Ask false) when consent is on file.
type ConsentQuestion struct {
	Ask      bool
	Area     ConsentArea
	Muscles  []string
	Status   AreaStatus
	Written  bool // the regulator requires written consent for the area
	Question string
	Choices  []ConsentChoice // in the order shown; the first is the default
	// ReasonNeeded is true for TreatExcludedAnyway: the desk asks why.
	ReasonNeeded bool
}

// ConsentGate is the question for one ticked muscle, on day, under the
// regulator's rule: one question per area the muscle reaches without
// consent, in ConsentAreas order; none when every area is consented.
func ConsentGate(consents []Consent, reg Regulator, muscle string, day time.Time) []ConsentQuestion {
	var out []ConsentQuestion
	for _, a := range ConsentAreas {
		if !slices.Contains(AreasOfMuscle(muscle), a) {
			continue
		}
		st := AreaStatusOn(consents, a, day)
		if st.State == AreaConsented {
			continue
		}
		q := ConsentQuestion{Ask: true, Area: a, Muscles: []string{muscle}, Status: st, Written: reg.WrittenRequired(a)}
		switch st.State {
		case AreaExcluded, AreaWithdrawn:
			q.Question = fmt.Sprintf("%s reaches the %s, which the client %s on %s. Go back to the note, or treat it "+
				"only if the client has changed their mind, with a reason that is kept.", muscle,
				strings.ToLower(a.Label()), map[AreaState]string{AreaExcluded: "excluded", AreaWithdrawn: "withdrew"}[st.State], dayOf(st.Since))
			q.Choices = []ConsentChoice{BackToNote, RecordWrittenConsent}
			if !q.Written {
				q.Choices = append(q.Choices, RecordVerbalConsent)
			}
			q.Choices = append(q.Choices, TreatExcludedAnyway)
			q.ReasonNeeded = true
		default:
			q.Question = fmt.Sprintf("%s reaches the %s; the client has not given consent for it.", muscle, strings.ToLower(a.Label()))
			if q.Written {
				q.Question += " Your regulator requires written consent before treating it: ask the client to sign it now, or go back to the note."
			} else {
				q.Question += " Ask the client before treating it, and record their answer."
			}
			q.Choices = []ConsentChoice{BackToNote, RecordWrittenConsent}
			if !q.Written {
				q.Choices = append(q.Choices, RecordVerbalConsent)
			}
		}
		out = append(out, q)
	}
	return out
}

// CheckConsentChoice says what is wrong with an answer to q, or nil: a
// choice it did not offer (verbal consent where written is required), or
// treating an excluded area without a reason.
func CheckConsentChoice(q ConsentQuestion, choice ConsentChoice, reason string) error {
	if !slices.Contains(q.Choices, choice) {
		if choice == RecordVerbalConsent && q.Written {
			return fmt.Errorf("the %s needs written consent under your regulator's rule; verbal consent cannot be recorded for it",
				strings.ToLower(q.Area.Label()))
		}
		return fmt.Errorf("%q is not an answer to the consent question for the %s", choice, strings.ToLower(q.Area.Label()))
	}
	if choice == TreatExcludedAnyway && strings.TrimSpace(reason) == "" {
		return fmt.Errorf("say why the %s is treated although the client %s it", strings.ToLower(q.Area.Label()),
			map[AreaState]string{AreaExcluded: "excluded", AreaWithdrawn: "withdrew"}[q.Status.State])
	}
	return nil
}

// Check refuses an answer the regulator's rule does not allow: verbal
// consent recorded for an area that needs it in writing, or an excluded
// area treated without a reason. A check without a regulator is not
// judged.
func (c ConsentCheck) Check() error {
	if c.Regulator == "" {
		return nil
	}
	for _, m := range c.Missing {
		if c.Answer == ConsentGivenNow && c.Regulator.WrittenRequired(m.Area) {
			return &ValidationError{Problems: []FieldError{{Field: "consent_how", Message: fmt.Sprintf(
				"The %s needs written consent before it is treated; verbal consent cannot be recorded for it",
				strings.ToLower(m.Area.Label()))}}}
		}
	}
	if c.Answer == ConsentTreatedExcluded && strings.TrimSpace(c.Reason) == "" {
		return &ValidationError{Problems: []FieldError{{Field: "consent_reason",
			Message: "Say why an area the client excluded was treated"}}}
	}
	return nil
}
