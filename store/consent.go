package store

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Informed consent to treatment, recorded per client: when and how it was
// given, what it covers (assessment, techniques, draping, the body areas)
// and what the client excluded, and any withdrawal. Sensitive areas, such
// as the gluteal region that gluteus medius work reaches, are named one by
// one: several regulators require consent for each of them.

// ConsentArea is a region of the body that consent names. The body chart
// (its own package) maps its regions onto these.
type ConsentArea string

// The areas a consent names; the sensitive ones are asked for one by one.
const (
	AreaBack          ConsentArea = "back"
	AreaNeckShoulders ConsentArea = "neck_shoulders"
	AreaArmsHands     ConsentArea = "arms_hands"
	AreaLegsFeet      ConsentArea = "legs_feet"
	AreaHeadScalp     ConsentArea = "head_scalp"
	AreaGluteal       ConsentArea = "gluteal"
	AreaAbdomen       ConsentArea = "abdomen"
	AreaChest         ConsentArea = "chest"
	AreaBreast        ConsentArea = "breast"
	AreaInnerThigh    ConsentArea = "inner_thigh_groin"
	AreaFace          ConsentArea = "face"
)

// ConsentAreas lists every area, the general ones first.
var ConsentAreas = []ConsentArea{AreaBack, AreaNeckShoulders, AreaArmsHands, AreaLegsFeet, AreaHeadScalp,
	AreaGluteal, AreaAbdomen, AreaChest, AreaBreast, AreaInnerThigh, AreaFace}

// GeneralAreas are the areas a consent form covers by default.
var GeneralAreas = []ConsentArea{AreaBack, AreaNeckShoulders, AreaArmsHands, AreaLegsFeet, AreaHeadScalp}

// Label names the area for people.
func (a ConsentArea) Label() string {
	switch a {
	case AreaBack:
		return "Back"
	case AreaNeckShoulders:
		return "Neck and shoulders"
	case AreaArmsHands:
		return "Arms and hands"
	case AreaLegsFeet:
		return "Legs and feet"
	case AreaHeadScalp:
		return "Head and scalp"
	case AreaGluteal:
		return "Gluteal region"
	case AreaAbdomen:
		return "Abdomen"
	case AreaChest:
		return "Chest wall"
	case AreaBreast:
		return "Breast tissue"
	case AreaInnerThigh:
		return "Inner thigh and groin"
	case AreaFace:
		return "Face"
	}
	return string(a)
}

// Sensitive reports an area that needs its own, explicit consent.
func (a ConsentArea) Sensitive() bool {
	switch a {
	case AreaGluteal, AreaAbdomen, AreaChest, AreaBreast, AreaInnerThigh, AreaFace:
		return true
	}
	return false
}

// KnownArea reports whether a is one of ConsentAreas.
func KnownArea(a ConsentArea) bool { return slices.Contains(ConsentAreas, a) }

// AreaLabels is "Gluteal region, Abdomen".
func AreaLabels(areas []ConsentArea) string {
	labels := make([]string, len(areas))
	for i, a := range areas {
		labels[i] = a.Label()
	}
	return strings.Join(labels, ", ")
}

// muscleAreas says through which areas a muscle is treated, by its folded
// name: the built-in muscles and those therapists add most. A muscle not
// listed (the therapist's own entry) asks for no particular area.
var muscleAreas = map[string][]ConsentArea{
	"quadratus lumborum":   {AreaBack},
	"erector spinae":       {AreaBack},
	"multifidus":           {AreaBack},
	"latissimus dorsi":     {AreaBack},
	"rhomboids":            {AreaBack},
	"thoracolumbar fascia": {AreaBack},
	"gluteus medius":       {AreaGluteal},
	"gluteus maximus":      {AreaGluteal},
	"gluteus minimus":      {AreaGluteal},
	"piriformis":           {AreaGluteal},
	"deep hip rotators":    {AreaGluteal},
	"obturator internus":   {AreaGluteal},
	"gemelli":              {AreaGluteal},
	"quadratus femoris":    {AreaGluteal},
	// at the ischial tuberosity the hamstrings are worked through the
	// gluteal region
	"proximal hamstrings":  {AreaGluteal, AreaLegsFeet},
	"hamstring origin":     {AreaGluteal, AreaLegsFeet},
	"obturator externus":   {AreaInnerThigh},
	"adductor brevis":      {AreaInnerThigh},
	"iliopsoas":            {AreaAbdomen, AreaInnerThigh},
	"psoas":                {AreaAbdomen, AreaInnerThigh},
	"iliacus":              {AreaAbdomen, AreaInnerThigh},
	"rectus abdominis":     {AreaAbdomen},
	"obliques":             {AreaAbdomen},
	"diaphragm":            {AreaAbdomen},
	"adductors":            {AreaInnerThigh},
	"adductor magnus":      {AreaInnerThigh},
	"adductor longus":      {AreaInnerThigh},
	"gracilis":             {AreaInnerThigh},
	"pectineus":            {AreaInnerThigh},
	"hamstrings":           {AreaLegsFeet},
	"quadriceps":           {AreaLegsFeet},
	"tensor fasciae latae": {AreaLegsFeet},
	"iliotibial band":      {AreaLegsFeet},
	"calves":               {AreaLegsFeet},
	"gastrocnemius":        {AreaLegsFeet},
	"pectoralis major":     {AreaChest},
	"pectoralis minor":     {AreaChest},
	"serratus anterior":    {AreaChest},
	"intercostals":         {AreaChest},
	"subclavius":           {AreaChest},
	"trapezius":            {AreaNeckShoulders},
	"levator scapulae":     {AreaNeckShoulders},
	"scalenes":             {AreaNeckShoulders},
	"sternocleidomastoid":  {AreaNeckShoulders},
	"masseter":             {AreaFace},
	"temporalis":           {AreaFace},
}

// AreasOfMuscle lists the areas a muscle is treated through; none for a
// muscle the table does not know.
func AreasOfMuscle(name string) []ConsentArea { return muscleAreas[Fold(name)] }

// ConsentMethod is how consent was given.
type ConsentMethod string

// The ways consent is given.
const (
	ConsentWritten ConsentMethod = "written"
	ConsentVerbal  ConsentMethod = "verbal"
)

// Label is "Written" or "Verbal".
func (m ConsentMethod) Label() string {
	switch m {
	case ConsentWritten:
		return "Written"
	case ConsentVerbal:
		return "Verbal"
	}
	return string(m)
}

// Consent is one informed consent to treatment, and its withdrawal.
type Consent struct {
	UID string
	On  time.Time
	How ConsentMethod
	// What it covers.
	Assessment bool   // assessment and palpation
	Techniques string // the techniques explained: "massage, stretching"
	Draping    bool   // draping explained and agreed
	Areas      []ConsentArea
	Excluded   []ConsentArea // areas the client refused
	Note       string

	// A withdrawal: its date, the areas withdrawn (none listed: the whole
	// consent) and what the client said.
	WithdrawnOn    time.Time
	WithdrawnAreas []ConsentArea
	Withdrawal     string
}

// Withdrawn reports a recorded withdrawal.
func (c Consent) Withdrawn() bool { return !c.WithdrawnOn.IsZero() }

// WithdrawnWhole reports a withdrawal of the whole consent.
func (c Consent) WithdrawnWhole() bool { return c.Withdrawn() && len(c.WithdrawnAreas) == 0 }

// Covers is what the consent covers, in words.
func (c Consent) Covers() string {
	var parts []string
	if c.Assessment {
		parts = append(parts, "assessment")
	}
	if c.Techniques != "" {
		parts = append(parts, "techniques: "+c.Techniques)
	}
	if c.Draping {
		parts = append(parts, "draping")
	}
	if len(c.Areas) > 0 {
		parts = append(parts, "areas: "+AreaLabels(c.Areas))
	}
	return strings.Join(parts, "; ")
}

// Validate tidies the consent and returns its problems: a date before the
// client's birth or in the future, no way given, an area both covered and
// excluded, a withdrawal dated before the consent or in the future, or
// one without its date. Fields: "consent_date", "consent_how",
// "consent_areas", "withdrawal_date", "withdrawal", "consent_note".
func (c *Consent) Validate(dob, today time.Time) Problems {
	c.Techniques, c.Note, c.Withdrawal = tidyLine(c.Techniques), tidyNote(c.Note), tidyNote(c.Withdrawal)
	c.Areas, c.Excluded, c.WithdrawnAreas = sortedAreas(c.Areas), sortedAreas(c.Excluded), sortedAreas(c.WithdrawnAreas)
	var p Problems
	checkDay(&p, "consent_date", "The consent's date", c.On, dob, today, true)
	switch c.How {
	case ConsentWritten, ConsentVerbal:
	case "":
		p.Add("consent_how", "Say how consent was given: written or verbal")
	default:
		p.Add("consent_how", fmt.Sprintf("%q is not a way consent is given (written or verbal)", Clip(string(c.How))))
	}
	for _, list := range [][]ConsentArea{c.Areas, c.Excluded, c.WithdrawnAreas} {
		for _, a := range list {
			if !KnownArea(a) {
				p.Add("consent_areas", fmt.Sprintf("%q is not a body area consent names", Clip(string(a))))
			}
		}
	}
	for _, a := range c.Areas {
		if slices.Contains(c.Excluded, a) {
			p.Add("consent_areas", a.Label()+" is both covered and excluded; choose one")
		}
	}
	p.checkLine("consent_techniques", "Techniques", c.Techniques, maxLineLen*2)
	p.checkNote("consent_note", "Note", c.Note)
	p.checkNote("withdrawal", "What was withdrawn", c.Withdrawal)
	switch {
	case c.WithdrawnOn.IsZero():
		if c.Withdrawal != "" || len(c.WithdrawnAreas) > 0 {
			p.Add("withdrawal_date", "The withdrawal needs its date")
		}
	case !c.On.IsZero() && dayOf(c.WithdrawnOn) < dayOf(c.On):
		p.Add("withdrawal_date", fmt.Sprintf("The withdrawal (%s) is dated before the consent (%s)", dayOf(c.WithdrawnOn), dayOf(c.On)))
	case dayOf(c.WithdrawnOn) > dayOf(today):
		p.Add("withdrawal_date", fmt.Sprintf("The withdrawal date %s is in the future", dayOf(c.WithdrawnOn)))
	}
	for _, a := range c.WithdrawnAreas {
		if !slices.Contains(c.Areas, a) {
			p.Add("withdrawal", a.Label()+" is withdrawn but the consent does not cover it")
		}
	}
	return p
}

// sortedAreas is areas without repeats, in ConsentAreas order.
func sortedAreas(areas []ConsentArea) []ConsentArea {
	var out []ConsentArea
	for _, a := range ConsentAreas {
		if slices.Contains(areas, a) {
			out = append(out, a)
		}
	}
	for _, a := range areas { // unknown ones stay, for Validate to name
		if !KnownArea(a) && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// ConsentedAreas is what the client has consented to on day: each
// consent given by then adds its areas and takes away those it excludes,
// in date order, and each withdrawal by then takes its areas away again.
func ConsentedAreas(consents []Consent, day time.Time) map[ConsentArea]bool {
	type event struct {
		on     string
		order  int
		add    []ConsentArea
		remove []ConsentArea
	}
	var events []event
	for i, c := range consents {
		if c.On.IsZero() || dayOf(c.On) > dayOf(day) {
			continue
		}
		events = append(events, event{on: dayOf(c.On), order: 2 * i, add: c.Areas, remove: c.Excluded})
		if c.Withdrawn() && dayOf(c.WithdrawnOn) <= dayOf(day) {
			gone := c.WithdrawnAreas
			if len(gone) == 0 {
				gone = c.Areas
			}
			events = append(events, event{on: dayOf(c.WithdrawnOn), order: 2*i + 1, remove: gone})
		}
	}
	slices.SortStableFunc(events, func(a, b event) int {
		if c := strings.Compare(a.on, b.on); c != 0 {
			return c
		}
		return a.order - b.order
	})
	out := map[ConsentArea]bool{}
	for _, e := range events {
		for _, a := range e.remove {
			delete(out, a)
		}
		for _, a := range e.add {
			out[a] = true
		}
	}
	return out
}

// ConsentOnFile reports whether a consent given by day is still in force
// then: given, and not wholly withdrawn.
func ConsentOnFile(consents []Consent, day time.Time) bool {
	for _, c := range consents {
		if c.On.IsZero() || dayOf(c.On) > dayOf(day) {
			continue
		}
		if c.WithdrawnWhole() && dayOf(c.WithdrawnOn) <= dayOf(day) {
			continue
		}
		return true
	}
	return false
}

// LatestConsent is the consent given last, if any.
func LatestConsent(consents []Consent) (Consent, bool) {
	var latest Consent
	found := false
	for _, c := range consents {
		if !found || dayOf(c.On) >= dayOf(latest.On) {
			latest, found = c, true
		}
	}
	return latest, found
}

// AreaWithoutConsent is an area a session treats without consent on
// file, with the muscles that reach it.
type AreaWithoutConsent struct {
	Area    ConsentArea
	Muscles []string
}

// MissingConsent lists the areas that the muscles of a session on day
// reach and the client has not consented to, in ConsentAreas order.
func MissingConsent(consents []Consent, muscles []Tag, day time.Time) []AreaWithoutConsent {
	have := ConsentedAreas(consents, day)
	need := map[ConsentArea][]string{}
	for _, m := range muscles {
		for _, a := range AreasOfMuscle(m.Name) {
			if !have[a] && !slices.Contains(need[a], m.Name) {
				need[a] = append(need[a], m.Name)
			}
		}
	}
	var out []AreaWithoutConsent
	for _, a := range ConsentAreas {
		if ms, ok := need[a]; ok {
			out = append(out, AreaWithoutConsent{Area: a, Muscles: ms})
		}
	}
	return out
}

// ConsentAnswer is the therapist's answer when a session treats an area
// without consent on file.
type ConsentAnswer string

// The answers the question offers.
const (
	// ConsentGivenNow: the client consented (verbally) at this visit; a
	// verbal consent to the areas is recorded with the note.
	ConsentGivenNow ConsentAnswer = "given_now"
	// ConsentNotRecorded: saved as it happened, without consent on file.
	ConsentNotRecorded ConsentAnswer = "saved_without"
	// ConsentTreatedExcluded: an area the client excluded was treated, for
	// the reason kept with the check (ConsentGate, TreatExcludedAnyway).
	ConsentTreatedExcluded ConsentAnswer = "treated_excluded"
)

// ConsentCheck is the question asked when a session was saved and the
// answer given, as the audit log keeps it.
type ConsentCheck struct {
	Missing []AreaWithoutConsent
	Answer  ConsentAnswer
	Reason  string // why an excluded area was treated
	// Regulator is the rule the desk asked under; "" for a caller that
	// states none, whose answer Check does not judge.
	Regulator Regulator
}

// Words is the check as one line of the record's history.
func (c ConsentCheck) Words() string {
	var parts []string
	for _, m := range c.Missing {
		parts = append(parts, m.Area.Label()+" ("+strings.Join(m.Muscles, ", ")+")")
	}
	what := "No consent on file for " + strings.Join(parts, "; ")
	switch c.Answer {
	case ConsentGivenNow:
		return what + ": the client gave verbal consent at this visit, recorded with the note"
	case ConsentNotRecorded:
		return what + ": saved without consent on file, at the therapist's word"
	case ConsentTreatedExcluded:
		return what + ": treated although the client had excluded it; reason: " + oneLineText(c.Reason)
	}
	return what
}

// Areas lists the missing areas.
func (c ConsentCheck) Areas() []ConsentArea {
	out := make([]ConsentArea, len(c.Missing))
	for i, m := range c.Missing {
		out[i] = m.Area
	}
	return out
}
