package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Health is what a client's record holds beside the visits: the intake,
// every red-flag screen and every consent, oldest first.
type Health struct {
	Intake   Intake
	Screens  []RedFlagScreen
	Consents []Consent
}

// Empty reports a record with no intake, screen or consent.
func (h Health) Empty() bool {
	return !h.Intake.OnFile() && h.Intake.Empty() && len(h.Screens) == 0 && len(h.Consents) == 0
}

// OpenScreens are the screens with a "yes" about which nothing was done.
func (h Health) OpenScreens() []RedFlagScreen {
	var out []RedFlagScreen
	for _, s := range h.Screens {
		if s.Open() {
			out = append(out, s)
		}
	}
	return out
}

// IntakeScreen is the screen taken with the intake, if any: the latest.
func (h Health) IntakeScreen() (RedFlagScreen, bool) {
	for i := len(h.Screens) - 1; i >= 0; i-- {
		if h.Screens[i].AtIntake {
			return h.Screens[i], true
		}
	}
	return RedFlagScreen{}, false
}

// LatestScreen is the newest screen, if any.
func (h Health) LatestScreen() (RedFlagScreen, bool) {
	if len(h.Screens) == 0 {
		return RedFlagScreen{}, false
	}
	latest := h.Screens[0]
	for _, s := range h.Screens[1:] {
		if dayOf(s.On) >= dayOf(latest.On) {
			latest = s
		}
	}
	return latest, true
}

// ConsentOnFile reports consent in force on day.
func (h Health) ConsentOnFile(day time.Time) bool { return ConsentOnFile(h.Consents, day) }

// AlertLevel orders what the therapist must see before treating: a red
// flag about which nothing was done above all, then contraindications
// (red), then precautions, allergies and the medications that matter
// (amber), then plain history.
type AlertLevel int

// The levels, lowest first.
const (
	NoAlert AlertLevel = iota
	PlainHistory
	Amber
	Red
	ReferFirst
)

// Code is the level as the record stores it.
func (l AlertLevel) Code() string {
	switch l {
	case PlainHistory:
		return "plain"
	case Amber:
		return "amber"
	case Red:
		return "red"
	case ReferFirst:
		return "refer"
	}
	return ""
}

// ParseAlertLevel reads a Code.
func ParseAlertLevel(code string) AlertLevel {
	for _, l := range []AlertLevel{PlainHistory, Amber, Red, ReferFirst} {
		if l.Code() == code {
			return l
		}
	}
	return NoAlert
}

// Alert is one line of what to know before treating.
type Alert struct {
	Level AlertLevel
	Label string // "REFER BEFORE TREATING", "CONTRAINDICATIONS", "PRECAUTIONS"…
	Text  string
	// Brief is a red flag's alert in a line: what was found and what not
	// to do, for the band over a note being written ("" for other alerts).
	Brief string
	// ScreenUID is the red-flag screen an alert comes from, if any.
	ScreenUID string
}

// ReferLabel opens the alert for a red flag that needs a referral (the
// level's own words name how soon).
const ReferLabel = "Refer before treating"

// Alerts lists what to know before treating, highest level first: the
// free text in the field that gives it its level (contraindications red,
// medications that matter amber, medical history plain), the intake's
// checklist and allergies (amber), and each red-flag screen by what was
// done about it.
func Alerts(c Client, h Health) []Alert {
	var out []Alert
	for _, s := range h.OpenScreens() {
		level := s.Level()
		text := fmt.Sprintf("%s — %s (red-flag screen of %s). %s", s.PositiveWords(), concerns(s), dayOf(s.On), level.Action())
		if s.Referred() {
			text += " The referral is open: " + s.Outcome() + "; no medical assessment recorded yet."
		}
		brief := fmt.Sprintf("%s — %s. %s", s.PositiveWords(), concerns(s), level.Instruction())
		out = append(out, Alert{Level: ReferFirst, Label: strings.ToUpper(level.Words()), ScreenUID: s.UID, Text: text, Brief: brief})
	}
	if t := strings.TrimSpace(c.Contraindications); t != "" {
		out = append(out, Alert{Level: Red, Label: "CONTRAINDICATIONS", Text: t})
	}
	for _, s := range h.Screens {
		if s.Level() == FlagNoted && !s.Cleared() {
			out = append(out, Alert{Level: Amber, Label: "RED FLAG NOTED", ScreenUID: s.UID,
				Text: fmt.Sprintf("%s — %s (red-flag screen of %s). %s", s.PositiveWords(), concerns(s), dayOf(s.On), FlagNoted.Action())})
		}
	}
	var precautions []string
	for _, cond := range Conditions {
		if a := h.Intake.Condition(cond); a.IsYes() {
			precautions = append(precautions, labelWithDetail(cond.Label(), a.Detail))
		}
	}
	if len(precautions) > 0 {
		out = append(out, Alert{Level: Amber, Label: "PRECAUTIONS", Text: strings.Join(precautions, "; ")})
	}
	if a := h.Intake.Allergies; a.IsYes() {
		out = append(out, Alert{Level: Amber, Label: "ALLERGIES", Text: labelWithDetail("", a.Detail)})
	}
	if t := strings.TrimSpace(c.Medications); t != "" {
		out = append(out, Alert{Level: Amber, Label: "MEDICATIONS", Text: t})
	}
	if t := strings.TrimSpace(c.MedicalHistory); t != "" {
		out = append(out, Alert{Level: PlainHistory, Label: "Medical history", Text: t})
	}
	for _, s := range h.Screens {
		if len(s.Positive()) > 0 && s.Cleared() {
			out = append(out, Alert{Level: PlainHistory, Label: "Red flag cleared", ScreenUID: s.UID,
				Text: s.PositiveWords() + " — " + s.Outcome()})
		}
	}
	return out
}

// labelWithDetail is "Osteoporosis (diagnosed 2019)", or the detail alone
// when there is no label, or "yes" when there is neither.
func labelWithDetail(label, detail string) string {
	detail = oneLineText(detail)
	switch {
	case label == "" && detail == "":
		return "yes (no detail recorded)"
	case label == "":
		return detail
	case detail == "":
		return label
	}
	return label + " (" + detail + ")"
}

// concerns is "possible cauda equina syndrome, possible fracture".
func concerns(s RedFlagScreen) string {
	var out []string
	for _, f := range s.Positive() {
		if c := f.Concern(); !containsString(out, c) {
			out = append(out, c)
		}
	}
	return strings.Join(out, ", ")
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// AlertLevelOf is the highest level among the client's alerts: the mark
// the client list shows.
func AlertLevelOf(c Client, h Health) AlertLevel {
	level := NoAlert
	for _, a := range Alerts(c, h) {
		level = max(level, a.Level)
	}
	return level
}

// ClientRecordHash covers everything a client's record says besides the
// visits: their details and, once there is any, their health record. A
// client without intake, screen or consent hashes as before
// (ClientHash), so the history written before intakes existed still
// verifies.
func ClientRecordHash(c Client, h Health) string {
	if h.Empty() {
		return ClientHash(c)
	}
	dob := ""
	if !c.DateOfBirth.IsZero() {
		dob = c.DateOfBirth.Format(DateLayout)
	}
	fields := []string{c.UID, c.FirstName, c.LastName, dob, c.Phone, c.Email,
		c.MedicalHistory, c.Medications, c.Contraindications, strconv.FormatBool(c.Archived)}
	return "client/2:" + hashOf(append(fields, healthFields(h)...)...)
}

// healthFields lays a health record out as text, in a fixed order.
func healthFields(h Health) []string {
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return dayOf(t)
	}
	answer := func(a Answer) string { return string(a.State) + ":" + a.Detail }
	in := h.Intake
	f := []string{"intake", date(in.Date), in.Reason, in.Began, string(in.Onset), in.OnsetDetail,
		answer(in.PreviousTreatment), answer(in.Medications), answer(in.Allergies), in.Goals}
	for _, c := range Conditions {
		f = append(f, answer(in.Conditions[c]))
	}
	for _, a := range Activities {
		f = append(f, answer(in.Activities[a]))
	}
	for _, s := range h.Screens {
		f = append(f, "screen", s.UID, date(s.On), strconv.FormatBool(s.AtIntake), s.ReferredTo, date(s.ReferredOn),
			s.ClearedBy, date(s.ClearedOn), s.Note)
		for _, flag := range hashedRedFlags {
			f = append(f, answer(s.Answers[flag]))
		}
		for _, flag := range RedFlags { // asked later: hashed only when answered, so older records still verify
			if a := s.Answers[flag]; !slices.Contains(hashedRedFlags, flag) && a != (Answer{}) {
				f = append(f, string(flag), answer(a))
			}
		}
	}
	areas := func(list []ConsentArea) string {
		parts := make([]string, len(list))
		for i, a := range list {
			parts[i] = string(a)
		}
		return strings.Join(parts, ",")
	}
	for _, c := range h.Consents {
		f = append(f, "consent", c.UID, date(c.On), string(c.How), strconv.FormatBool(c.Assessment), c.Techniques,
			strconv.FormatBool(c.Draping), areas(c.Areas), areas(c.Excluded), c.Note, date(c.WithdrawnOn),
			areas(c.WithdrawnAreas), c.Withdrawal)
	}
	return f
}
