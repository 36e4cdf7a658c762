package store

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Outcome measures of function in low back pain, scored by their published
// rules (the sources are in the README). The ODI and RMDQ wording is
// copyrighted, so Backtrack records the section and item scores from the
// client's completed paper or licensed form and names sections and item
// numbers only, never the statements.

// MeasureKind names one questionnaire.
type MeasureKind string

// The measures Backtrack scores.
const (
	ODI  MeasureKind = "odi"  // Oswestry Disability Index: 10 sections 0-5, a percentage
	RMDQ MeasureKind = "rmdq" // Roland-Morris Disability Questionnaire: 24 items, the count that apply
	PSFS MeasureKind = "psfs" // Patient-Specific Functional Scale: 1-5 activities 0-10, their average
)

// MeasureKinds lists the measures in the order forms and reports show them.
var MeasureKinds = []MeasureKind{ODI, RMDQ, PSFS}

// ODISections are the Oswestry sections, in the form's order (section 1 is
// pain intensity).
var ODISections = []string{"Pain intensity", "Personal care", "Lifting", "Walking", "Sitting",
	"Standing", "Sleeping", "Sex life", "Social life", "Travelling"}

// RMDQItems is the number of Roland-Morris statements.
const RMDQItems = 24

// PSFS holds 1 to 5 activities: the published form asks the client for up
// to three (Stratford et al. 1995), and one or two are a valid score; the
// form allows up to five.
const (
	PSFSMinActivities = 1
	PSFSMaxActivities = 5
)

// Label is the measure's short name, as reports and the chart print it.
func (k MeasureKind) Label() string {
	switch k {
	case ODI:
		return "ODI"
	case RMDQ:
		return "RMDQ"
	case PSFS:
		return "PSFS"
	}
	return string(k)
}

// Name is the measure's full name.
func (k MeasureKind) Name() string {
	switch k {
	case ODI:
		return "Oswestry Disability Index"
	case RMDQ:
		return "Roland-Morris Disability Questionnaire"
	case PSFS:
		return "Patient-Specific Functional Scale"
	}
	return string(k)
}

// ParseMeasureKind reads "odi", "RMDQ", "psfs".
func ParseMeasureKind(s string) (MeasureKind, bool) {
	k := MeasureKind(strings.ToLower(strings.TrimSpace(s)))
	return k, slices.Contains(MeasureKinds, k)
}

// Max is the top of the measure's score.
func (k MeasureKind) Max() float64 {
	switch k {
	case ODI:
		return 100
	case RMDQ:
		return RMDQItems
	}
	return 10
}

// Unit follows a score: "%" for the ODI, "" otherwise.
func (k MeasureKind) Unit() string {
	if k == ODI {
		return " %"
	}
	return ""
}

// HigherIsBetter is true for the PSFS (10 = able as before the problem);
// the ODI and RMDQ count disability.
func (k MeasureKind) HigherIsBetter() bool { return k == PSFS }

// PSFSActivityChange is the important change for one PSFS activity.
const PSFSActivityChange = 3

// ImportantLevel is the score that, reached from first, is a clinically
// important improvement by the measure's ChangeRule: at or below it for the
// ODI and RMDQ, at or above it for the PSFS.
func (k MeasureKind) ImportantLevel(first float64) float64 {
	r := k.ChangeRule()
	if k.HigherIsBetter() {
		return r.Round(first) + r.Needed(first)
	}
	return r.Round(first) - r.Needed(first)
}

// MeasureItem is one answer: an ODI section number ("1"-"10") with 0-5, an
// RMDQ item number ("1"-"24") with 1 when it applies and 0 when not, or a
// PSFS activity in the client's words with its rating 0-10.
type MeasureItem struct {
	Item  string
	Score int
}

// Measure is one completed questionnaire, on a date, optionally at a
// session.
type Measure struct {
	ID         int64
	UID        string // the measure's UUID for good, as Client.UID
	ClientID   int64
	SessionUID string // the session it was taken at; "" when none
	Kind       MeasureKind
	Taken      time.Time // the day, as a date (UTC midnight)
	Items      []MeasureItem
	Note       string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Score is a measure scored by its rule.
type Score struct {
	Value float64
	OK    bool
	Why   string // why there is no score, when !OK
}

// String is "35.6 %", "7", "6.3", or "no score".
func (s Score) String() string {
	if !s.OK {
		return "no score"
	}
	return FormatValue(s.Value)
}

// FormatValue writes a score to one decimal: "35.6", "7".
func FormatValue(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// Score scores the measure. ODI: sum / (5 × sections answered) × 100, one
// section may be skipped; RMDQ: the number of items that apply; PSFS: the
// average of the activities' ratings.
func (m Measure) Score() Score {
	if err := m.Check(); err != nil {
		return Score{Why: err.Error()}
	}
	sum := 0
	for _, it := range m.Items {
		sum += it.Score
	}
	switch m.Kind {
	case ODI:
		return Score{Value: float64(sum) / float64(5*len(m.Items)) * 100, OK: true}
	case RMDQ:
		return Score{Value: float64(sum), OK: true}
	}
	return Score{Value: float64(sum) / float64(len(m.Items)), OK: true}
}

// Check returns the first problem that leaves the measure without a score.
func (m Measure) Check() error {
	if p := m.Validate(); len(p) > 0 {
		return p[0]
	}
	return nil
}

// Validate lists every problem with the measure's answers, each naming the
// section, item or activity.
func (m Measure) Validate() Problems {
	var p Problems
	if !slices.Contains(MeasureKinds, m.Kind) {
		p.Add("measure", fmt.Sprintf("measure %q is not odi, rmdq or psfs", m.Kind))
		return p
	}
	seen := map[string]bool{}
	for _, it := range m.Items {
		key, _, msg := m.Kind.CheckItem(it)
		if msg != "" {
			p.Add("items", msg)
			continue
		}
		if seen[key] {
			p.Add("items", m.Kind.ItemName(it)+" is answered twice")
		}
		seen[key] = true
	}
	if len(p) == 0 {
		if msg := m.Kind.CheckCount(len(seen)); msg != "" {
			p.Add("items", msg)
		}
	}
	p.checkNote("note", "Note", m.Note)
	return p
}

// CheckItem checks one answer alone. It returns the answer's key (the
// section or item number, the folded activity), and when it is wrong the
// part that is ("item" or "score") and why.
func (k MeasureKind) CheckItem(it MeasureItem) (key, part, msg string) {
	switch k {
	case ODI:
		n, ok := ODISection(it.Item)
		if !ok {
			return "", "item", fmt.Sprintf("ODI section %q is not one of 1-10 or a section name", it.Item)
		}
		if it.Score < 0 || it.Score > 5 {
			return "", "score", fmt.Sprintf("ODI section %d (%s) is scored %d; a section scores 0-5", n, ODISections[n-1], it.Score)
		}
		return strconv.Itoa(n), "", ""
	case RMDQ:
		n, err := strconv.Atoi(strings.TrimSpace(it.Item))
		if err != nil || n < 1 || n > RMDQItems {
			return "", "item", fmt.Sprintf("RMDQ item %q is not one of 1-24", it.Item)
		}
		if it.Score != 0 && it.Score != 1 {
			return "", "score", fmt.Sprintf("RMDQ item %d is %d; an item is 1 when it applies and 0 when not", n, it.Score)
		}
		return strconv.Itoa(n), "", ""
	}
	name := strings.TrimSpace(it.Item)
	var p Problems
	p.checkLine("item", "PSFS activity", name, maxLineLen)
	switch {
	case name == "":
		return "", "item", "a PSFS rating has no activity: name the activity in the client's words"
	case len(p) > 0:
		return "", "item", p[0].Message
	case it.Score < 0 || it.Score > 10:
		return "", "score", fmt.Sprintf("PSFS activity %q is rated %d; a rating is 0 (unable) to 10 (as before the problem)", name, it.Score)
	}
	return Fold(name), "", ""
}

// ItemName is an answer as a message names it: "ODI section 3 (Lifting)",
// "RMDQ item 7", "PSFS activity \"gardening\"".
func (k MeasureKind) ItemName(it MeasureItem) string {
	switch k {
	case ODI:
		if n, ok := ODISection(it.Item); ok {
			return fmt.Sprintf("ODI section %d (%s)", n, ODISections[n-1])
		}
	case PSFS:
		return fmt.Sprintf("PSFS activity %q", strings.TrimSpace(it.Item))
	}
	return fmt.Sprintf("%s item %s", k.Label(), it.Item)
}

// CheckCount says what is wrong with a measure of n distinct answers, or "".
func (k MeasureKind) CheckCount(n int) string {
	switch k {
	case ODI:
		if skipped := len(ODISections) - n; skipped > 1 {
			return fmt.Sprintf("%d ODI sections are skipped; the ODI is scored with at most one skipped", skipped)
		}
	case PSFS:
		if n < PSFSMinActivities || n > PSFSMaxActivities {
			return fmt.Sprintf("the PSFS has %d activities; it takes %d to %d", n, PSFSMinActivities, PSFSMaxActivities)
		}
	}
	return ""
}

// ODISection reads a section as its number (1-10) or its name, in any case.
func ODISection(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 1 && n <= len(ODISections)
	}
	for i, name := range ODISections {
		if Fold(name) == Fold(s) || Fold(strings.ReplaceAll(name, " ", "")) == Fold(strings.ReplaceAll(s, " ", "")) {
			return i + 1, true
		}
	}
	return 0, false
}

// Tidy puts the answers in the form's order, ODI sections as numbers and
// PSFS activities trimmed, so equal measures hash alike.
func (m *Measure) Tidy() {
	for i := range m.Items {
		it := &m.Items[i]
		it.Item = strings.TrimSpace(it.Item)
		if m.Kind == ODI {
			if n, ok := ODISection(it.Item); ok {
				it.Item = strconv.Itoa(n)
			}
		}
	}
	if m.Kind != PSFS {
		slices.SortStableFunc(m.Items, func(a, b MeasureItem) int {
			x, _ := strconv.Atoi(a.Item)
			y, _ := strconv.Atoi(b.Item)
			return x - y
		})
	}
	m.Note = tidyNote(m.Note)
}

// Band is the ODI's disability band for a score: minimal, moderate,
// severe, crippling, bed-bound or exaggerating. Other measures have none
// but the RMDQ's "recovered" at 2 or less.
func (k MeasureKind) Band(score float64) string {
	switch k {
	case ODI:
		switch {
		case score <= 20:
			return "minimal disability"
		case score <= 40:
			return "moderate disability"
		case score <= 60:
			return "severe disability"
		case score <= 80:
			return "crippling back pain"
		}
		return "bed-bound or exaggerating"
	case RMDQ:
		if score <= 2 {
			return "recovered"
		}
	}
	return ""
}

// MeasurePoint is one scored measure on a trend.
type MeasurePoint struct {
	UID   string
	Taken time.Time
	Value float64
}

// MeasureTrend is a client's scored measures of one kind, oldest first;
// measures without a score are left out.
func MeasureTrend(measures []Measure, kind MeasureKind) []MeasurePoint {
	var out []MeasurePoint
	for _, m := range measures {
		if m.Kind != kind {
			continue
		}
		if s := m.Score(); s.OK {
			out = append(out, MeasurePoint{UID: m.UID, Taken: m.Taken, Value: s.Value})
		}
	}
	slices.SortStableFunc(out, func(a, b MeasurePoint) int { return a.Taken.Compare(b.Taken) })
	return out
}

// MeasureHash covers everything a measure records.
func MeasureHash(clientUID string, m Measure) string {
	var onStack [48]string // as a note's (noteHash)
	fields := append(onStack[:0], clientUID, m.UID, m.SessionUID, string(m.Kind), m.Taken.Format(DateLayout), m.Note)
	for _, it := range m.Items {
		fields = append(fields, it.Item, strconv.Itoa(it.Score))
	}
	return "measure/1:" + hashOf(fields...)
}
