package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A clinical record keeps its history. A session note is a draft until the
// therapist signs it; a signed note (or one written before signing existed,
// a legacy note) is locked: it changes only by amendment, which keeps the
// note as it was, and it is voided ("entered in error"), never deleted.
// Every change is an entry in an append-only audit log whose entries are
// chained by hash, and each record's content is covered by a hash in its
// latest entry, so a change made outside Backtrack is detected.

// Amendment is one change to a locked note: what changed, why, who and
// when, and the note as it was before.
type Amendment struct {
	At       time.Time
	By       string
	Reason   string
	Changed  []string // field labels: "Pain after", "Plan"
	Previous Session  // the note before this amendment (content only)
}

// Signed reports whether the therapist signed the note.
func (s *Session) Signed() bool { return !s.SignedAt.IsZero() }

// Locked reports whether the note changes only by amendment: signed, or
// written before signing existed.
func (s *Session) Locked() bool { return s.Signed() || s.Legacy }

// Voided reports whether the note was entered in error: it stays in the
// record's history and leaves the chart, the trend, the brief and the
// report's figures.
func (s *Session) Voided() bool { return !s.VoidedAt.IsZero() }

// Draft reports whether the note can still be edited freely or discarded.
func (s *Session) Draft() bool { return !s.Locked() && !s.Voided() }

// LastAmendment is the newest amendment, if any.
func (s *Session) LastAmendment() (Amendment, bool) {
	if len(s.Amendments) == 0 {
		return Amendment{}, false
	}
	return s.Amendments[len(s.Amendments)-1], true
}

// Original is the note as first signed (or recorded, for a legacy note):
// the content before the first amendment.
func (s *Session) Original() Session {
	if len(s.Amendments) == 0 {
		return *s
	}
	return s.Amendments[0].Previous
}

// CheckSigner returns a problem when a note would be signed without the
// therapist's name on it.
func CheckSigner(by string) error {
	if strings.TrimSpace(by) == "" {
		return &ValidationError{Problems: []FieldError{{Field: "therapist",
			Message: "Add your name in Settings (Therapist) before signing: a signed note carries the therapist's name"}}}
	}
	return nil
}

// CheckReason returns a problem when an amendment or a void has no reason.
func CheckReason(what, reason string) error {
	var p Problems
	switch r := strings.TrimSpace(reason); {
	case r == "":
		p.Add("reason", fmt.Sprintf("Say why the note is %s: the reason stays with the record", what))
	default:
		p.checkLine("reason", "Reason", r, maxLineLen*2)
	}
	return p.Err()
}

// ChangedFields lists, as a therapist reads them, the fields in which two
// versions of a note differ.
func ChangedFields(before, after Session) []string {
	var out []string
	add := func(label string, changed bool) {
		if changed {
			out = append(out, label)
		}
	}
	add("Date", !before.Start.Equal(after.Start))
	add("Duration", before.DurationMin != after.DurationMin)
	add("Pain before", before.PainBefore != after.PainBefore)
	add("Pain after", before.PainAfter != after.PainAfter)
	for _, k := range Kinds {
		add(k.Label(), tagKey(before.Tags(k)) != tagKey(after.Tags(k)))
	}
	add("Body chart", bodyMapKey(before.BodyMap) != bodyMapKey(after.BodyMap))
	add("Other trigger", before.TriggerOther != after.TriggerOther)
	add("Subjective", before.Notes.Subjective != after.Notes.Subjective)
	add("Objective", before.Notes.Objective != after.Notes.Objective)
	add("Assessment", before.Notes.Assessment != after.Notes.Assessment)
	add("Plan", before.Notes.Plan != after.Notes.Plan)
	add("Home care", before.HomeCare != after.HomeCare)
	add("Home programme", programmeKey(before.Programme) != programmeKey(after.Programme))
	add("Adherence", before.Adherence != after.Adherence)
	return out
}

// tagKey is a list of tags in a form that compares by name and side,
// whatever their order.
func tagKey(tags []Tag) string {
	parts := make([]string, len(tags))
	for i, t := range tags {
		parts[i] = Fold(t.Name) + "|" + string(t.Side)
	}
	slices.Sort(parts)
	return strings.Join(parts, "\x1e")
}

// Hash lines: fields joined by a unit separator, so no value can pass for
// two, and hashed with SHA-256.
//
// The line is laid out in one buffer, on the stack when it is short: the
// day's check hashes every note, entry and measure of ten years, and
// joining then copying each line was a tenth of its time.
func hashOf(fields ...string) string {
	var stack [1024]byte
	line := stack[:0]
	for i, f := range fields {
		if i > 0 {
			line = append(line, '\x1f')
		}
		line = append(line, f...)
	}
	sum := sha256.Sum256(line)
	return hex.EncodeToString(sum[:])
}

// NoteHash covers everything a note says and its state (signed, legacy,
// voided, amendments): the hash its latest audit entry carries, and a
// signed note's stored seal. It names its version, so a later Backtrack
// that records more in a note can still verify older hashes: "note/1:" is a
// note without a body chart, or one whose chart is only what the migration
// made of its location words (hashed as those words, as it was sealed
// before); "note/2:" adds the body chart; "note/3:" a home programme or
// adherence (a note with neither hashes as before, so its seal verifies).
func NoteHash(clientUID string, s Session) string {
	if hasProgramme(s) {
		return "note/3:" + noteHash(clientUID, s)
	}
	if len(s.BodyMap) == 0 {
		return "note/1:" + noteHash(clientUID, s)
	}
	if locations, ok := s.migratedOnly(); ok {
		s.Locations, s.BodyMap = locations, nil
		return "note/1:" + noteHash(clientUID, s)
	}
	return "note/2:" + noteHash(clientUID, s)
}

// noteHash hashes the note's fields; the body chart joins them only when
// there is one, so a note without one hashes as version 1 did.
func noteHash(clientUID string, s Session) string {
	// the fields on the stack: a note has some thirty, and growing the
	// list on the heap a note at a time was a tenth of what the day's
	// check allocates
	var onStack [40]string
	fields := append(onStack[:0], clientUID, s.UID, s.Start.Format(StartLayout), strconv.Itoa(s.DurationMin),
		s.PainBefore.String(), s.PainAfter.String())
	for _, k := range Kinds {
		fields = append(fields, tagKey(s.Tags(k)))
	}
	if len(s.BodyMap) > 0 {
		fields = append(fields, "body/1", bodyMapKey(s.BodyMap))
	}
	fields = append(fields, s.TriggerOther, s.Notes.Subjective, s.Notes.Objective, s.Notes.Assessment,
		s.Notes.Plan, s.HomeCare, stampText(s.SignedAt), s.SignedBy, strconv.FormatBool(s.Legacy),
		stampText(s.VoidedAt), s.VoidedBy, s.VoidReason)
	if hasProgramme(s) {
		fields = append(fields, "programme/1", programmeKey(s.Programme), string(s.Adherence.Level), s.Adherence.Hard)
	}
	for _, a := range s.Amendments {
		fields = append(fields, stampText(a.At), a.By, a.Reason, strings.Join(a.Changed, ","), noteHash(clientUID, a.Previous))
	}
	return hashOf(fields...)
}

// hasProgramme reports a note that says anything of home exercises.
func hasProgramme(s Session) bool { return len(s.Programme) > 0 || s.Adherence.Asked() }

// ClientHash covers everything a client record says.
func ClientHash(c Client) string {
	dob := ""
	if !c.DateOfBirth.IsZero() {
		dob = c.DateOfBirth.Format(DateLayout)
	}
	return "client/1:" + hashOf(c.UID, c.FirstName, c.LastName, dob, c.Phone, c.Email,
		c.MedicalHistory, c.Medications, c.Contraindications, strconv.FormatBool(c.Archived))
}

// StampLayout is how the record writes a moment: local time to the second.
const StampLayout = "2006-01-02 15:04:05"

func stampText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(StampLayout)
}
