package store

import (
	"fmt"
	"net/mail"
	"strings"
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
func (p *problems) checkName(field, label, value string) {
	if strings.TrimSpace(value) == "" {
		p.add(field, label+" is required")
		return
	}
	p.checkLine(field, label, value, maxNameLen)
}

// checkLine validates an optional one-line field.
func (p *problems) checkLine(field, label, value string, max int) {
	switch {
	case !utf8.ValidString(value):
		p.add(field, label+" contains bytes that are not text (invalid UTF-8)")
	case utf8.RuneCountInString(value) > max:
		p.add(field, fmt.Sprintf("%s is too long (%d characters; at most %d)", label, utf8.RuneCountInString(value), max))
	case hasControl(value, false):
		p.add(field, label+" contains control characters; type it on one line")
	}
}

// checkNote validates a multi-line note.
func (p *problems) checkNote(field, label, value string) {
	switch {
	case !utf8.ValidString(value):
		p.add(field, label+" contains bytes that are not text (invalid UTF-8)")
	case utf8.RuneCountInString(value) > maxNoteLen:
		p.add(field, fmt.Sprintf("%s is too long (%d characters; at most %d)", label, utf8.RuneCountInString(value), maxNoteLen))
	case hasControl(value, true):
		p.add(field, label+" contains control characters")
	}
}

// checkEmail accepts an empty email or one plain address.
func (p *problems) checkEmail(field, value string) {
	if value == "" {
		return
	}
	p.checkLine(field, "Email", value, maxLineLen)
	addr, err := mail.ParseAddress(value)
	at := strings.LastIndex(value, "@")
	if err != nil || addr.Address != value || at < 1 || !strings.Contains(value[at:], ".") {
		p.add(field, fmt.Sprintf("Email %q is not a valid address (like name@example.com)", value))
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
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimSpace(s)
}
