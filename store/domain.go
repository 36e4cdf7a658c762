// Package store is Backtrack's clinical domain: clients, sessions, pain and
// its trend, the clinically important change, the summary a brief and a
// report share, validation and the errors a therapist can act on. It imports
// no database and no GUI: the queries are in store/sqlstore, the SQLite
// engine in store/sqlite, so pure code (the chart geometry) depends on this
// alone.
package store

import (
	"fmt"
	"strings"
	"time"
)

// DateLayout is how dates of birth and date-only values are written.
const DateLayout = "2006-01-02"

// SameDay reports whether a and b fall on the same calendar day, read in
// a's time zone.
func SameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.In(a.Location()).Date()
	return ay == by && am == bm && ad == bd
}

// DefaultDurationMin is a session's length unless the therapist says
// otherwise: what a new session form starts with and what an imported
// session without one is given.
const DefaultDurationMin = 60

// StartLayout is how a session's start is stored: local wall-clock time to
// the minute, so a session stays at "14:00" across time-zone and DST changes.
const StartLayout = "2006-01-02 15:04"

// A session's start is the wall-clock time the therapist typed. In Go it is
// a time.Time whose clock reads that time in UTC, a zone without daylight
// saving: in time.Local, 02:30 on the night the clocks go forward does not
// exist (time.Date makes it 03:30), and a 02:30 and a 03:30 session would
// become one. Every session start is made by WallClock or ParseWallClock,
// and compared with now only through WallClock(now).

// WallClock is the time t's clock shows, as a session start holds it.
func WallClock(t time.Time) time.Time {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, m, d, h, mi, s, t.Nanosecond(), time.UTC)
}

// ParseWallClock reads a date or date and time in layout as a session
// start: exactly the time written, wherever the local clock skips or
// repeats it.
func ParseWallClock(layout, value string) (time.Time, error) {
	return time.ParseInLocation(layout, value, time.UTC)
}

// Client is a person the therapist treats. Contraindications and
// medications are alerts the therapist must see before every treatment.
type Client struct {
	ID int64
	// UID identifies the person for good: a UUID set when the client is
	// created, written by every export and honoured by every import, so
	// two clients of the same name are never merged.
	UID string
	// Version rises with every change; an update from an older one is
	// refused with a StaleError (0: not checked).
	Version           int
	FirstName         string
	LastName          string
	DateOfBirth       time.Time // zero when unknown
	Phone             string
	Email             string
	MedicalHistory    string
	Medications       string
	Contraindications string
	Archived          bool
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// FullName is "First Last", trimmed.
func (c Client) FullName() string {
	return strings.TrimSpace(c.FirstName + " " + c.LastName)
}

// AgeOn returns the client's age in whole years on the given day, or -1 when
// the date of birth is unknown.
func (c Client) AgeOn(day time.Time) int {
	if c.DateOfBirth.IsZero() {
		return -1
	}
	age := day.Year() - c.DateOfBirth.Year()
	if day.Month() < c.DateOfBirth.Month() ||
		(day.Month() == c.DateOfBirth.Month() && day.Day() < c.DateOfBirth.Day()) {
		age--
	}
	return age
}

// HasContraindications reports what changes the treatment: the red alert.
// Medications are to know, not an alarm.
func (c Client) HasContraindications() bool { return strings.TrimSpace(c.Contraindications) != "" }

// HasAlerts reports whether the client has anything the therapist must see
// before treating.
func (c Client) HasAlerts() bool {
	return strings.TrimSpace(c.Contraindications) != "" || strings.TrimSpace(c.Medications) != ""
}

// ClientSummary is one row of the client list: the client plus their last
// visit, enough to sort and to show "14 Nov · 4→2".
type ClientSummary struct {
	Client
	LastVisit      time.Time // zero when the client has no session
	LastPainBefore Pain
	LastPainAfter  Pain
	SessionCount   int
	// Alert is the highest level of the client's alerts (AlertLevelOf),
	// the mark the list shows; ConsentOnFile is consent in force today.
	Alert         AlertLevel
	ConsentOnFile bool
	// Snippet is, in a search of the notes, the words around the first
	// that matched, so the list says why the client is in it.
	Snippet string
}

// Pain is a score on the 0-10 Numeric Rating Scale. The zero value is
// "not recorded", which is not the same as a recorded 0.
type Pain struct {
	Score    int
	Recorded bool
}

// PainOf returns a recorded pain score.
func PainOf(score int) Pain { return Pain{Score: score, Recorded: true} }

// String is the score, or "–" when not recorded.
func (p Pain) String() string {
	if !p.Recorded {
		return "–"
	}
	return fmt.Sprint(p.Score)
}

// Kind names one of the vocabulary lists.
type Kind string

// The vocabulary lists a session is tagged from.
const (
	PainType  Kind = "pain_type"
	Location  Kind = "location"
	Trigger   Kind = "trigger"
	Muscle    Kind = "muscle"
	Technique Kind = "technique"
)

// Kinds lists every vocabulary kind in the order forms show them.
var Kinds = []Kind{PainType, Location, Trigger, Muscle, Technique}

// HasSide reports whether tags of this kind carry a body side.
func (k Kind) HasSide() bool { return k == Location || k == Muscle }

// Label is the kind's name for people.
func (k Kind) Label() string {
	switch k {
	case PainType:
		return "Pain type"
	case Location:
		return "Location"
	case Trigger:
		return "Trigger"
	case Muscle:
		return "Muscle"
	case Technique:
		return "Technique"
	}
	return string(k)
}

// Side is the side of the body a location or muscle refers to.
type Side string

// The sides; NoSide is for kinds without one.
const (
	NoSide Side = ""
	Left   Side = "left"
	Right  Side = "right"
	Both   Side = "both"
)

// Sides lists the sides a therapist can pick.
var Sides = []Side{Left, Right, Both}

// Short is "L", "R", "both" or "".
func (s Side) Short() string {
	switch s {
	case Left:
		return "L"
	case Right:
		return "R"
	case Both:
		return "both"
	}
	return ""
}

// Term is one vocabulary entry. Retired terms are offered no more but stay
// readable in the sessions that used them.
type Term struct {
	ID      int64
	Kind    Kind
	Name    string
	Builtin bool
	Retired bool
}

// Tag is a term attached to a session, with a side where the kind has one.
type Tag struct {
	TermID  int64
	Name    string // filled when read back; ignored when saving
	Side    Side
	Retired bool // filled when read back
}

// Label is "Gluteus medius (R)" or "Stiffness".
func (t Tag) Label() string {
	if s := t.Side.Short(); s != "" {
		return t.Name + " (" + s + ")"
	}
	return t.Name
}

// SOAP is the therapist's note in the usual four parts.
type SOAP struct {
	Subjective string // what the client reports
	Objective  string // what the therapist finds
	Assessment string
	Plan       string // next steps
}

// Session is one treatment.
type Session struct {
	ID           int64
	UID          string // the session's UUID for good, as Client.UID
	ClientID     int64
	Start        time.Time // local wall clock, minute precision
	DurationMin  int
	PainBefore   Pain
	PainAfter    Pain
	PainTypes    []Tag
	Locations    []Tag
	Triggers     []Tag
	TriggerOther string // the "other" trigger, in the therapist's words
	Muscles      []Tag
	Techniques   []Tag
	BodyMap      []BodyMark // where it hurts, on the body chart (body_map.go)
	Notes        SOAP
	HomeCare     string
	// Programme is the home exercises given at this visit (home_programme.go);
	// Adherence what the client did of the last one.
	Programme []Prescription
	Adherence Adherence
	CreatedAt time.Time
	UpdatedAt time.Time
	// Version rises with every change (Client.Version).
	Version int
	// Author wrote the note: on a practice server the therapist's role
	// (set by the server), on a file the desk's therapist.
	Author string
	// Private keeps the note from everyone but its author (and the
	// auditors): on a practice server its row security enforces it.
	Private bool

	// The note's history (record_history.go): signed, locked, amended,
	// voided. A draft has none of it.
	SignedAt   time.Time // zero while the note is a draft
	SignedBy   string    // "Anna Keller, LMT"
	Legacy     bool      // written before Backtrack signed notes: locked, unsigned
	VoidedAt   time.Time // zero unless entered in error
	VoidedBy   string
	VoidReason string
	Amendments []Amendment // oldest first
}

// HasContent reports whether anything clinical was recorded: a pain score,
// a tag, a mark on the body chart, the other trigger, a note or home care.
// A session without any is only a date, and would show as the last visit
// with nothing to say.
func (s Session) HasContent() bool {
	if s.PainBefore.Recorded || s.PainAfter.Recorded || strings.TrimSpace(s.TriggerOther) != "" ||
		strings.TrimSpace(s.HomeCare) != "" || len(s.BodyMap) > 0 || len(s.Programme) > 0 || s.Adherence.Asked() {
		return true
	}
	for _, k := range Kinds {
		if len(s.Tags(k)) > 0 {
			return true
		}
	}
	n := s.Notes
	return strings.TrimSpace(n.Subjective+n.Objective+n.Assessment+n.Plan) != ""
}

// Tags returns the session's tags of one kind.
func (s *Session) Tags(k Kind) []Tag {
	switch k {
	case PainType:
		return s.PainTypes
	case Location:
		return s.Locations
	case Trigger:
		return s.Triggers
	case Muscle:
		return s.Muscles
	case Technique:
		return s.Techniques
	}
	return nil
}

// SetTags replaces the session's tags of one kind.
func (s *Session) SetTags(k Kind, tags []Tag) {
	switch k {
	case PainType:
		s.PainTypes = tags
	case Location:
		s.Locations = tags
	case Trigger:
		s.Triggers = tags
	case Muscle:
		s.Muscles = tags
	case Technique:
		s.Techniques = tags
	}
}

// Relief is pain before minus pain after, when both were recorded.
func (s *Session) Relief() (int, bool) {
	if !s.PainBefore.Recorded || !s.PainAfter.Recorded {
		return 0, false
	}
	return s.PainBefore.Score - s.PainAfter.Score, true
}

// TrendPoint is one visit on the pain trend: the one shape the screen chart
// and the printed chart both read.
type TrendPoint struct {
	SessionID int64
	Start     time.Time
	Before    Pain
	After     Pain
	Draft     bool // the note is not signed yet: the chart marks it
	// Adherence is what the client did of the last home programme, as
	// said at this visit: a marker row beside pain on the chart.
	Adherence AdherenceLevel
}

// TagLabels joins tag labels for one line of a list: "Stiffness, Dull ache".
func TagLabels(tags []Tag) string {
	labels := make([]string, len(tags))
	for i, t := range tags {
		labels[i] = t.Label()
	}
	return strings.Join(labels, ", ")
}
