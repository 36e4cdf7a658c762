package store

import (
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits on free text: generous for a clinical note, small enough that a
// pasted file cannot bloat the record or the report.
const (
	maxNameLen = 100
	maxLineLen = 200    // phone, email, "other" trigger
	maxNoteLen = 20_000 // characters in one note field
)

// checkName validates a required one-line field such as a first name.
func (p *Problems) checkName(field, label, value string) {
	if strings.TrimSpace(value) == "" {
		p.Add(field, label+" is required")
		return
	}
	p.checkLine(field, label, value, maxNameLen)
}

// checkLine validates an optional one-line field.
func (p *Problems) checkLine(field, label, value string, max int) {
	switch {
	case !utf8.ValidString(value):
		p.Add(field, label+" contains bytes that are not text (invalid UTF-8)")
	case utf8.RuneCountInString(value) > max:
		p.Add(field, fmt.Sprintf("%s is too long (%d characters; at most %d)", label, utf8.RuneCountInString(value), max))
	case hasControl(value, false):
		p.Add(field, label+" contains control characters; type it on one line")
	}
}

// checkNote validates a multi-line note.
func (p *Problems) checkNote(field, label, value string) {
	switch {
	case !utf8.ValidString(value):
		p.Add(field, label+" contains bytes that are not text (invalid UTF-8)")
	case utf8.RuneCountInString(value) > maxNoteLen:
		p.Add(field, fmt.Sprintf("%s is too long (%d characters; at most %d)", label, utf8.RuneCountInString(value), maxNoteLen))
	case hasControl(value, true):
		p.Add(field, label+" contains control characters")
	}
}

// checkEmail accepts an empty email or one plain address.
func (p *Problems) checkEmail(field, value string) {
	if value == "" {
		return
	}
	p.checkLine(field, "Email", value, maxLineLen)
	addr, err := mail.ParseAddress(value)
	at := strings.LastIndex(value, "@")
	if err != nil || addr.Address != value || at < 1 || !strings.Contains(value[at:], ".") {
		p.Add(field, fmt.Sprintf("Email %q is not a valid address (like name@example.com)", value))
	}
}

// hasControl reports control characters; notes may keep line breaks and tabs.
func hasControl(s string, multiline bool) bool {
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t' || r == '\r') {
			continue
		}
		if unicode.IsControl(r) {
			return true
		}
	}
	return false
}

// tidyLine trims a one-line field.
func tidyLine(s string) string { return strings.TrimSpace(s) }

// tidyNote trims a note and normalises line endings.
func tidyNote(s string) string {
	// Windows' CRLF and old Macs' lone CR are both a line's end.
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return strings.TrimSpace(s)
}

// Tidy trims the spaces around each field and tidies the notes' line ends,
// as saving does.
func (c *Client) Tidy() {
	c.FirstName, c.LastName = tidyLine(c.FirstName), tidyLine(c.LastName)
	c.Phone, c.Email = tidyLine(c.Phone), tidyLine(c.Email)
	c.MedicalHistory = tidyNote(c.MedicalHistory)
	c.Medications = tidyNote(c.Medications)
	c.Contraindications = tidyNote(c.Contraindications)
}

// Validate tidies c in place (spaces trimmed) and returns every problem with
// it as a *ValidationError. today is the day a date of birth cannot pass.
func (c *Client) Validate(today time.Time) error {
	c.Tidy()

	var p Problems
	p.checkName("first_name", "First name", c.FirstName)
	p.checkName("last_name", "Last name", c.LastName)
	if !c.DateOfBirth.IsZero() {
		switch {
		case c.DateOfBirth.After(today):
			p.Add("date_of_birth", "Date of birth "+c.DateOfBirth.Format(DateLayout)+" is in the future")
		case c.DateOfBirth.Year() < 1900:
			p.Add("date_of_birth", "Date of birth "+c.DateOfBirth.Format(DateLayout)+" is before 1900")
		}
	}
	p.checkLine("phone", "Phone", c.Phone, maxLineLen)
	p.checkEmail("email", c.Email)
	p.checkNote("medical_history", "Medical history", c.MedicalHistory)
	p.checkNote("medications", "Medications", c.Medications)
	p.checkNote("contraindications", "Contraindications", c.Contraindications)
	return p.Err()
}

// Validate tidies sess in place and returns the problems that need no
// database: the date against the client's birth (zero when unknown) and now,
// duration, pain and text. The store adds the vocabulary's.
func (sess *Session) Validate(clientDOB, now time.Time) Problems {
	sess.Start = WallClock(sess.Start).Truncate(time.Minute)
	sess.TriggerOther = tidyLine(sess.TriggerOther)
	sess.Notes.Subjective = tidyNote(sess.Notes.Subjective)
	sess.Notes.Objective = tidyNote(sess.Notes.Objective)
	sess.Notes.Assessment = tidyNote(sess.Notes.Assessment)
	sess.Notes.Plan = tidyNote(sess.Notes.Plan)
	sess.HomeCare = tidyNote(sess.HomeCare)

	var p Problems
	switch {
	case sess.Start.IsZero():
		p.Add("start", "Date is required")
	case !clientDOB.IsZero() && sess.Start.Format(DateLayout) < clientDOB.Format(DateLayout):
		p.Add("start", fmt.Sprintf("Date %s is before the client's date of birth (%s)", sess.Start.Format(DateLayout), clientDOB.Format(DateLayout)))
	case sess.Start.After(WallClock(now).Add(24 * time.Hour)):
		p.Add("start", fmt.Sprintf("Date %s is more than a day in the future", sess.Start.Format(StartLayout)))
	}
	if sess.DurationMin < 1 || sess.DurationMin > 600 {
		p.Add("duration", fmt.Sprintf("Duration must be between 1 and 600 minutes (got %d)", sess.DurationMin))
	}
	checkPain(&p, "pain_before", "Pain before", sess.PainBefore)
	checkPain(&p, "pain_after", "Pain after", sess.PainAfter)
	SortBodyMap(sess.BodyMap)
	p.checkBodyMap(sess.BodyMap)
	p.checkLine("trigger_other", "Other trigger", sess.TriggerOther, maxLineLen)
	p.checkNote("subjective", "Subjective note", sess.Notes.Subjective)
	p.checkNote("objective", "Objective note", sess.Notes.Objective)
	p.checkNote("assessment", "Assessment", sess.Notes.Assessment)
	p.checkNote("plan", "Plan", sess.Notes.Plan)
	p.checkNote("home_care", "Home care", sess.HomeCare)
	p.checkProgramme(sess.Programme, &sess.Adherence)
	return p
}

func checkPain(p *Problems, field, label string, pain Pain) {
	if pain.Recorded && (pain.Score < 0 || pain.Score > 10) {
		p.Add(field, fmt.Sprintf("%s must be between 0 and 10 (got %d)", label, pain.Score))
	}
}

// ValidTermName tidies a vocabulary entry's name and checks it: a known
// list, a name that fits on a line, and nothing a CSV export could not
// bring back as itself.
func ValidTermName(kind Kind, name string) (string, error) {
	name = tidyLine(name)
	var p Problems
	if !ValidKind(kind) {
		p.Add("kind", fmt.Sprintf("Unknown vocabulary list %q", kind))
	}
	p.checkName("name", kind.Label(), name)
	// CSV files list tags as "Name (side); Name": a name holding either
	// would not come back from an export as itself.
	switch {
	case strings.Contains(name, ";"):
		p.Add("name", fmt.Sprintf("%s %q cannot contain \";\" (it separates entries in CSV files)", kind.Label(), name))
	case SideSuffix.MatchString(name):
		p.Add("name", fmt.Sprintf("%s %q cannot end with a side in brackets; choose the side when you record a session", kind.Label(), name))
	}
	return name, p.Err()
}

// ValidKind reports whether k is one of the vocabulary's lists.
func ValidKind(k Kind) bool {
	for _, known := range Kinds {
		if k == known {
			return true
		}
	}
	return false
}

// SideSuffix matches a side written after a name, as CSV files do:
// "Gluteus medius (left)", "(R)", "(both sides)".
var SideSuffix = regexp.MustCompile(`(?i)^(.*?)\s*\(\s*(left|right|both|l|r|b|both sides)\s*\)$`)
