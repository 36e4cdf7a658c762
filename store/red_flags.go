package store

import (
	"fmt"
	"strings"
	"time"
)

// Red flags for low back pain: signs of a serious cause (cauda equina
// syndrome, fracture, tumour, infection) that mean "refer before
// treating". The list is the one UK guidance screens for: NICE guideline
// NG59 (Low back pain and sciatica in over 16s, 2016, updated 2020) asks
// clinicians to rule out specific causes first, and the flags themselves
// are those of the Clinical Standards Advisory Group (CSAG, 1994) as
// Greenhalgh and Selfe's "Red Flags" (2006; Red Flags II, 2010) group
// them. Any "yes" raises the alert above every other until the therapist
// records what was done: a referral (to whom, when) or a physician's
// clearance (who, when).

// RedFlag is one question of the screen.
type RedFlag string

// The screen's questions, grouped by the cause they point to.
const (
	SaddleNumbness    RedFlag = "saddle_numbness"
	BladderBowel      RedFlag = "bladder_bowel"
	LegWeakness       RedFlag = "leg_weakness"
	MajorTrauma       RedFlag = "major_trauma"
	MinorTraumaBones  RedFlag = "minor_trauma_osteoporosis"
	AgeAtOnset        RedFlag = "age_at_onset"
	HistoryOfCancer   RedFlag = "history_of_cancer"
	WeightLoss        RedFlag = "weight_loss"
	Fever             RedFlag = "fever"
	NightPain         RedFlag = "night_pain"
	ImmuneSuppression RedFlag = "immune_suppression"
	IVDrugUse         RedFlag = "iv_drug_use"
)

// RedFlags lists the screen in the order it is asked.
var RedFlags = []RedFlag{SaddleNumbness, BladderBowel, LegWeakness, MajorTrauma, MinorTraumaBones,
	AgeAtOnset, HistoryOfCancer, WeightLoss, Fever, NightPain, ImmuneSuppression, IVDrugUse}

// Label is the question as the screen asks it.
func (f RedFlag) Label() string {
	switch f {
	case SaddleNumbness:
		return "Saddle numbness (around the back passage, genitals or inner thighs)"
	case BladderBowel:
		return "New bladder or bowel problems (retention, incontinence)"
	case LegWeakness:
		return "Progressive weakness or numbness in the legs"
	case MajorTrauma:
		return "Significant trauma (a fall from a height, a road accident)"
	case MinorTraumaBones:
		return "Minor trauma with osteoporosis or long-term steroid use"
	case AgeAtOnset:
		return "First onset of the pain under 20 or over 50"
	case HistoryOfCancer:
		return "History of cancer"
	case WeightLoss:
		return "Unexplained weight loss"
	case Fever:
		return "Fever, or feeling generally unwell"
	case NightPain:
		return "Constant night pain, not eased by rest or position"
	case ImmuneSuppression:
		return "Immune suppression (long-term steroids, chemotherapy, HIV)"
	case IVDrugUse:
		return "Intravenous drug use"
	}
	return string(f)
}

// Short is the flag in a few words, for an alert line.
func (f RedFlag) Short() string {
	switch f {
	case SaddleNumbness:
		return "saddle numbness"
	case BladderBowel:
		return "new bladder or bowel problems"
	case LegWeakness:
		return "progressive leg weakness or numbness"
	case MajorTrauma:
		return "significant trauma"
	case MinorTraumaBones:
		return "minor trauma with osteoporosis or steroids"
	case AgeAtOnset:
		return "onset under 20 or over 50"
	case HistoryOfCancer:
		return "history of cancer"
	case WeightLoss:
		return "unexplained weight loss"
	case Fever:
		return "fever"
	case NightPain:
		return "constant night pain"
	case ImmuneSuppression:
		return "immune suppression"
	case IVDrugUse:
		return "IV drug use"
	}
	return string(f)
}

// Concern is the serious cause the flag points to.
func (f RedFlag) Concern() string {
	switch f {
	case SaddleNumbness, BladderBowel, LegWeakness:
		return "possible cauda equina syndrome"
	case MajorTrauma, MinorTraumaBones:
		return "possible fracture"
	}
	return "possible tumour or infection"
}

// KnownRedFlag reports whether f is a question of the screen.
func KnownRedFlag(f RedFlag) bool {
	for _, k := range RedFlags {
		if k == f {
			return true
		}
	}
	return false
}

// RedFlagScreen is one screening, at the intake or at a visit, and what
// the therapist did about a "yes".
type RedFlagScreen struct {
	UID      string // the screen's identifier for good, as Client.UID
	On       time.Time
	AtIntake bool // taken with the intake; otherwise at a visit
	Answers  map[RedFlag]Answer

	// What was done. Either ends the "refer before treating" alert.
	ReferredTo string // "Dr Weber, GP"
	ReferredOn time.Time
	ClearedBy  string // the physician who cleared treatment
	ClearedOn  time.Time
	Note       string
}

// Answer is the screen's answer to one question.
func (s RedFlagScreen) Answer(f RedFlag) Answer { return s.Answers[f] }

// Positive lists the flags answered "yes", in the screen's order.
func (s RedFlagScreen) Positive() []RedFlag {
	var out []RedFlag
	for _, f := range RedFlags {
		if s.Answers[f].IsYes() {
			out = append(out, f)
		}
	}
	return out
}

// Referred reports a recorded referral.
func (s RedFlagScreen) Referred() bool { return !s.ReferredOn.IsZero() }

// Cleared reports a recorded physician's clearance.
func (s RedFlagScreen) Cleared() bool { return !s.ClearedOn.IsZero() }

// Open reports a "yes" about which nothing has been recorded yet: refer
// before treating.
func (s RedFlagScreen) Open() bool {
	return len(s.Positive()) > 0 && !s.Referred() && !s.Cleared()
}

// Asked counts the questions answered, "no" or "yes".
func (s RedFlagScreen) Asked() int {
	n := 0
	for _, f := range RedFlags {
		if s.Answers[f].State != NotAsked {
			n++
		}
	}
	return n
}

// PositiveWords is "saddle numbness (numb when sitting on the bike); fever".
func (s RedFlagScreen) PositiveWords() string {
	var parts []string
	for _, f := range s.Positive() {
		part := f.Short()
		if d := oneLineText(s.Answers[f].Detail); d != "" {
			part += " (" + d + ")"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, "; ")
}

// Outcome is what was done, in words: "referred to Dr Weber, GP on
// 2026-10-02; cleared by Dr Weber on 2026-10-09".
func (s RedFlagScreen) Outcome() string {
	var parts []string
	if s.Referred() {
		parts = append(parts, fmt.Sprintf("referred to %s on %s", s.ReferredTo, dayOf(s.ReferredOn)))
	}
	if s.Cleared() {
		parts = append(parts, fmt.Sprintf("cleared for treatment by %s on %s", s.ClearedBy, dayOf(s.ClearedOn)))
	}
	return strings.Join(parts, "; ")
}

// oneLineText joins a text's lines with " / ".
func oneLineText(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " / ")), " ")
}

// Validate tidies the screen and returns its problems: a date outside the
// client's life, a referral without its date or without whom, a clearance
// without its date or physician, either dated before the screen or in the
// future. Fields: "screen_date", "referred_to", "referral_date",
// "cleared_by", "cleared_on", "flag_<name>", "screen_note".
func (s *RedFlagScreen) Validate(dob, today time.Time) Problems {
	s.ReferredTo, s.ClearedBy, s.Note = tidyLine(s.ReferredTo), tidyLine(s.ClearedBy), tidyNote(s.Note)
	for f, a := range s.Answers {
		tidyAnswer(&a)
		if a == (Answer{}) {
			delete(s.Answers, f)
			continue
		}
		s.Answers[f] = a
	}
	var p Problems
	checkDay(&p, "screen_date", "The screen's date", s.On, dob, today, true)
	for f, a := range s.Answers {
		if !KnownRedFlag(f) {
			p.Add("red_flags", fmt.Sprintf("%q is not a question of the red-flag screen", Clip(string(f))))
			continue
		}
		checkAnswer(&p, "flag_"+string(f), f.Short(), a)
	}
	checkDone(&p, s.On, today, "referral_date", "referred_to", "The referral", "Say who the client was referred to", s.ReferredOn, s.ReferredTo)
	checkDone(&p, s.On, today, "cleared_on", "cleared_by", "The clearance", "Name the physician who cleared treatment", s.ClearedOn, s.ClearedBy)
	p.checkLine("referred_to", "Referred to", s.ReferredTo, maxLineLen)
	p.checkLine("cleared_by", "Cleared by", s.ClearedBy, maxLineLen)
	p.checkNote("screen_note", "Note", s.Note)
	return p
}

// checkDone checks a referral or clearance: both who and when, or neither;
// not before the screen, not in the future.
func checkDone(p *Problems, screened, today time.Time, dateField, whoField, what, needWho string, on time.Time, who string) {
	switch {
	case on.IsZero() && who != "":
		p.Add(dateField, what+" needs its date")
	case on.IsZero():
	case who == "":
		p.Add(whoField, needWho)
	case !screened.IsZero() && dayOf(on) < dayOf(screened):
		p.Add(dateField, fmt.Sprintf("%s (%s) is dated before the screen (%s)", what, dayOf(on), dayOf(screened)))
	case dayOf(on) > dayOf(today):
		p.Add(dateField, fmt.Sprintf("%s date %s is in the future", what, dayOf(on)))
	}
}
