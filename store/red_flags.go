package store

import (
	"fmt"
	"strings"
	"time"
)

// Red flags for low back pain: signs that a serious cause (cauda equina
// syndrome, fracture, malignancy, infection, inflammatory disease) may be
// behind the pain. The list, its grouping and its levels follow Finucane et
// al. 2020 (International framework for red flags for potential serious
// spinal pathologies, JOSPT 50(7):350-372), which weighs flags together
// because few are informative alone (a history of cancer is), and NICE CKS
// (Back pain – low, without radiculopathy; Sciatica) with its 2018 cauda
// equina update, which asks for the early signs of cauda equina syndrome
// rather than the late ones (retention, incontinence). NICE NG59 asks
// clinicians to rule out specific causes; it has no list of its own.
//
// Each flag has a level: an emergency (possible cauda equina syndrome: a
// same-day emergency referral), an urgent or a routine referral, or a flag
// that counts only in combination with another (age at a first episode,
// steroids, weight loss…): one alone is recorded, two raise an urgent
// referral. Only a recorded medical assessment (who assessed, when) closes a
// flag; a referral keeps it open, and the alert red, until then.

// RedFlagSource is the screen's source as the intake and the report print it.
const RedFlagSource = "Red flags for low back pain after Finucane et al. 2020 (International framework for red flags " +
	"for potential serious spinal pathologies, JOSPT) and NICE CKS with its 2018 cauda equina update. The early " +
	"signs of cauda equina syndrome mean a same-day emergency referral; other flags an urgent or routine referral; " +
	"some count only beside another. Only a recorded medical assessment closes a flag."

// RedFlag is one question of the screen.
type RedFlag string

// The screen's questions, grouped by the cause they point to. The first
// twelve keep their names and order: the record's hash reads them so.
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

	RectalVaginalSensation RedFlag = "rectal_vaginal_sensation"
	BilateralSciatica      RedFlag = "bilateral_sciatica"
	SexualDysfunction      RedFlag = "sexual_dysfunction"
	WidespreadNeuro        RedFlag = "widespread_neurological"
	StructuralDeformity    RedFlag = "structural_deformity"
	ThoracicPain           RedFlag = "thoracic_pain"
	ProlongedSteroids      RedFlag = "prolonged_steroids"
	RecentInfection        RedFlag = "recent_infection"
	InflammatoryBackPain   RedFlag = "inflammatory_back_pain"
	NoImprovement          RedFlag = "no_improvement"
)

// hashedRedFlags are the flags a record's hash has always listed, answered
// or not; the later ones join it only when answered, so records written
// before them still verify.
var hashedRedFlags = []RedFlag{SaddleNumbness, BladderBowel, LegWeakness, MajorTrauma, MinorTraumaBones,
	AgeAtOnset, HistoryOfCancer, WeightLoss, Fever, NightPain, ImmuneSuppression, IVDrugUse}

// RedFlags lists the screen in the order it is asked: the emergency
// questions first.
var RedFlags = []RedFlag{SaddleNumbness, BladderBowel, RectalVaginalSensation, BilateralSciatica, SexualDysfunction,
	LegWeakness, WidespreadNeuro, HistoryOfCancer, MajorTrauma, MinorTraumaBones, StructuralDeformity, Fever,
	InflammatoryBackPain, NoImprovement, AgeAtOnset, WeightLoss, NightPain, ThoracicPain, ProlongedSteroids,
	ImmuneSuppression, IVDrugUse, RecentInfection}

// Label is the question as the screen asks it, in words a client answers.
func (f RedFlag) Label() string {
	switch f {
	case SaddleNumbness:
		return "Numbness or altered feeling in the saddle area (around the back passage, genitals or inner thighs)"
	case BladderBowel:
		return "New difficulty starting to pass urine, a weaker or altered stream, or altered feeling when passing urine or stool"
	case RectalVaginalSensation:
		return "Loss of feeling in the back passage or vagina (not feeling when the bowel is full)"
	case BilateralSciatica:
		return "Pain, numbness or pins and needles down both legs (sciatica in both legs)"
	case SexualDysfunction:
		return "New difficulty with sex: erection, ejaculation or feeling in the genitals"
	case LegWeakness:
		return "Severe or worsening weakness in the legs (tripping, a foot that drops)"
	case WidespreadNeuro:
		return "Numbness or weakness spreading beyond one leg, unsteady walking or clumsy hands"
	case MajorTrauma:
		return "Significant trauma (a fall from a height, a road accident)"
	case MinorTraumaBones:
		return "Minor trauma with osteoporosis or long-term steroid use"
	case StructuralDeformity:
		return "A new visible change in the shape of the spine"
	case AgeAtOnset:
		return "A first episode of back pain under 20 or over 50"
	case HistoryOfCancer:
		return "History of cancer"
	case WeightLoss:
		return "Unexplained weight loss"
	case Fever:
		return "Fever, chills or feeling generally unwell with the back pain"
	case NightPain:
		return "Constant pain at night, not eased by rest or changing position"
	case ThoracicPain:
		return "Pain in the upper or middle back (between the shoulder blades)"
	case ProlongedSteroids:
		return "Steroid tablets taken for three months or more"
	case ImmuneSuppression:
		return "Immune suppression (chemotherapy, transplant medicines, HIV)"
	case IVDrugUse:
		return "Intravenous drug use"
	case RecentInfection:
		return "A recent infection, spinal injection or operation, or a wound near the spine"
	case InflammatoryBackPain:
		return "Back pain since before 45, for over three months, stiff for over 30 minutes in the morning and easing with movement"
	case NoImprovement:
		return "No improvement after 4 to 6 weeks of care"
	}
	return string(f)
}

// Short is the flag in a few words, for an alert line.
func (f RedFlag) Short() string {
	switch f {
	case SaddleNumbness:
		return "saddle numbness"
	case BladderBowel:
		return "altered bladder or bowel sensation or stream"
	case RectalVaginalSensation:
		return "loss of rectal or vaginal sensation"
	case BilateralSciatica:
		return "sciatica in both legs"
	case SexualDysfunction:
		return "new sexual dysfunction"
	case LegWeakness:
		return "severe or worsening leg weakness"
	case WidespreadNeuro:
		return "widespread neurological signs"
	case MajorTrauma:
		return "significant trauma"
	case MinorTraumaBones:
		return "minor trauma with osteoporosis or steroids"
	case StructuralDeformity:
		return "structural deformity"
	case AgeAtOnset:
		return "first episode under 20 or over 50"
	case HistoryOfCancer:
		return "history of cancer"
	case WeightLoss:
		return "unexplained weight loss"
	case Fever:
		return "fever"
	case NightPain:
		return "constant night pain"
	case ThoracicPain:
		return "thoracic pain"
	case ProlongedSteroids:
		return "prolonged steroid use"
	case ImmuneSuppression:
		return "immune suppression"
	case IVDrugUse:
		return "IV drug use"
	case RecentInfection:
		return "recent infection, spinal procedure or wound"
	case InflammatoryBackPain:
		return "inflammatory back pain"
	case NoImprovement:
		return "no improvement after 4-6 weeks"
	}
	return string(f)
}

// Concern is the serious cause the flag points to.
func (f RedFlag) Concern() string {
	switch f {
	case SaddleNumbness, BladderBowel, RectalVaginalSensation, BilateralSciatica, SexualDysfunction, LegWeakness:
		return "possible cauda equina syndrome"
	case WidespreadNeuro:
		return "possible spinal cord compression"
	case MajorTrauma, MinorTraumaBones, StructuralDeformity, ProlongedSteroids:
		return "possible fracture"
	case Fever, IVDrugUse, RecentInfection, ImmuneSuppression:
		return "possible infection"
	case InflammatoryBackPain:
		return "possible inflammatory disease (axial spondyloarthritis)"
	case NoImprovement:
		return "a cause not yet found"
	}
	return "possible malignancy"
}

// RedFlagLevel is how soon a flag needs a doctor, lowest first.
type RedFlagLevel int

// The levels.
const (
	NoFlag RedFlagLevel = iota
	// FlagNoted is one flag that counts only in combination: recorded, and
	// asked again; two of them together are an urgent referral.
	FlagNoted
	RoutineReferral
	UrgentReferral
	EmergencyReferral
)

// Level is the flag's own level; FlagNoted for one that counts only with
// another (Finucane et al. 2020: on its own it barely changes the odds).
func (f RedFlag) Level() RedFlagLevel {
	switch f {
	case SaddleNumbness, BladderBowel, RectalVaginalSensation, BilateralSciatica, SexualDysfunction, LegWeakness:
		return EmergencyReferral
	case WidespreadNeuro, HistoryOfCancer, MajorTrauma, MinorTraumaBones, StructuralDeformity, Fever:
		return UrgentReferral
	case InflammatoryBackPain, NoImprovement:
		return RoutineReferral
	}
	return FlagNoted
}

// InCombinationOnly reports a flag that raises a referral only beside
// another.
func (f RedFlag) InCombinationOnly() bool { return f.Level() == FlagNoted }

// Words is the level as an alert names it.
func (l RedFlagLevel) Words() string {
	switch l {
	case EmergencyReferral:
		return "Emergency: same-day referral"
	case UrgentReferral:
		return "Urgent referral before treating"
	case RoutineReferral:
		return "Routine referral"
	case FlagNoted:
		return "Red flag noted"
	}
	return ""
}

// Instruction is the first of Action's words, for a band with room for
// one line: what the therapist must not do, or does.
func (l RedFlagLevel) Instruction() string {
	switch l {
	case EmergencyReferral:
		return "Do not treat." // the level says where to, and how soon
	case UrgentReferral:
		return "Do not treat the back until a doctor has seen the client."
	case RoutineReferral:
		return "Ask the client to see their doctor; gentle treatment may go on."
	}
	return "Ask the screen again at the next visit."
}

// Action is what the therapist does, in words to say to the client.
func (l RedFlagLevel) Action() string {
	switch l {
	case EmergencyReferral:
		return "Do not treat. Tell the client to go to a hospital emergency department today, now, and not to wait " +
			"for an appointment; if they cannot get there, call emergency services. Say it may be cauda equina " +
			"syndrome, which needs a scan the same day."
	case UrgentReferral:
		return "Do not treat the back until a doctor has seen the client: ask them to see their doctor within " +
			"days, and to go to an emergency department if it gets worse."
	case RoutineReferral:
		return "Ask the client to see their doctor about it (a routine referral); gentle treatment may go on " +
			"while the referral is open."
	case FlagNoted:
		return "One flag that counts only with others: recorded; ask the screen again at the next visit."
	}
	return ""
}

// RedFlagScreen is one screening, at the intake or at a visit, and what
// the therapist did about a "yes".
type RedFlagScreen struct {
	UID      string // the screen's identifier for good, as Client.UID
	On       time.Time
	AtIntake bool // taken with the intake; otherwise at a visit
	Answers  map[RedFlag]Answer

	// What was done. A referral keeps the flag open; only a recorded
	// medical assessment (who assessed and when) closes it.
	ReferredTo string // "Dr Weber, GP", "St Mary's emergency department"
	ReferredOn time.Time
	ClearedBy  string // the doctor whose assessment cleared treatment
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

// Level is the screen's level: its highest flag's, where two or more
// flags that count only in combination make an urgent referral.
func (s RedFlagScreen) Level() RedFlagLevel {
	level, combined := NoFlag, 0
	for _, f := range s.Positive() {
		if f.InCombinationOnly() {
			combined++
		}
		level = max(level, f.Level())
	}
	if combined >= 2 {
		level = max(level, UrgentReferral)
	}
	return level
}

// Referred reports a recorded referral.
func (s RedFlagScreen) Referred() bool { return !s.ReferredOn.IsZero() }

// Cleared reports a recorded medical assessment that cleared treatment.
func (s RedFlagScreen) Cleared() bool { return !s.ClearedOn.IsZero() }

// Open reports a flag that needs a referral and has no recorded medical
// assessment yet, referred or not: an emergency above all is never closed
// by a referral or a therapist's note alone.
func (s RedFlagScreen) Open() bool { return s.Level() >= RoutineReferral && !s.Cleared() }

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
// 2026-10-02; assessed and cleared for treatment by Dr Weber on 2026-10-09".
func (s RedFlagScreen) Outcome() string {
	var parts []string
	if s.Referred() {
		parts = append(parts, fmt.Sprintf("referred to %s on %s", s.ReferredTo, dayOf(s.ReferredOn)))
	}
	if s.Cleared() {
		parts = append(parts, fmt.Sprintf("assessed and cleared for treatment by %s on %s", s.ClearedBy, dayOf(s.ClearedOn)))
	}
	return strings.Join(parts, "; ")
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
