// Package recordjson is the record in JSON: a note, its tags, its body
// chart and a client's health record as an export writes them and as the
// database keeps an amended note's earlier version and the health record's
// columns. One shape for both, so an amendment's kept version travels into
// an export word for word.
package recordjson

import (
	"time"

	"backtrack/store"
)

// Session is one treatment with every tag by name.
type Session struct {
	ID           string `json:"id"`    // the session's UID; "" in version 1
	Start        string `json:"start"` // YYYY-MM-DD HH:MM, local time
	DurationMin  int    `json:"duration_min"`
	PainBefore   *int   `json:"pain_before"` // null when not recorded
	PainAfter    *int   `json:"pain_after"`
	PainTypes    []Tag  `json:"pain_types"`
	Locations    []Tag  `json:"locations"`
	Triggers     []Tag  `json:"triggers"`
	TriggerOther string `json:"trigger_other"`
	Muscles      []Tag  `json:"muscles"`
	Techniques   []Tag  `json:"techniques"`
	Subjective   string `json:"subjective"`
	Objective    string `json:"objective"`
	Assessment   string `json:"assessment"`
	Plan         string `json:"plan"`
	HomeCare     string `json:"home_care"`
	CreatedAt    string `json:"created_at"`
	UpdatedAt    string `json:"updated_at"`
	// The body chart: where it hurt (regions by identifier).
	BodyMap []Mark `json:"body_map,omitempty"`
	// The home programme given, and how much of the last one was done.
	Programme []Exercise `json:"home_programme,omitempty"`
	Adherence *Adherence `json:"adherence,omitempty"`
	// Who wrote the note (on a practice server, the therapist's role), and
	// whether it is private to them. Imported onto a server, the server
	// keeps it only for the schema's owner (the admin moving or importing a
	// practice, migration 012); a therapist's import is theirs.
	Author  string `json:"author,omitempty"`
	Private bool   `json:"private,omitempty"`
	// The note's history (version 3): empty for a draft.
	SignedAt   string      `json:"signed_at,omitempty"`
	SignedBy   string      `json:"signed_by,omitempty"`
	Legacy     bool        `json:"legacy,omitempty"`
	VoidedAt   string      `json:"voided_at,omitempty"`
	VoidedBy   string      `json:"voided_by,omitempty"`
	VoidReason string      `json:"void_reason,omitempty"`
	Amendments []Amendment `json:"amendments,omitempty"`
}

// Amendment is one amendment of a signed note, with the note as it was
// before.
type Amendment struct {
	At       string   `json:"at"`
	By       string   `json:"by"`
	Reason   string   `json:"reason"`
	Changed  []string `json:"changed"`
	Previous Session  `json:"previous"`
}

// Tag is a tag by its term's name, with a side where the kind has one.
type Tag struct {
	Name string     `json:"name"`
	Side store.Side `json:"side,omitempty"`
}

// Tags returns the session's tags of one kind.
func (e *Session) Tags(k store.Kind) *[]Tag {
	switch k {
	case store.PainType:
		return &e.PainTypes
	case store.Location:
		return &e.Locations
	case store.Trigger:
		return &e.Triggers
	case store.Muscle:
		return &e.Muscles
	default:
		return &e.Techniques
	}
}

// FromSession is a note with its history, tags by name.
func FromSession(s store.Session) Session {
	e := Session{
		ID: s.UID, Start: s.Start.Format(store.StartLayout), DurationMin: s.DurationMin,
		PainBefore: PainScore(s.PainBefore), PainAfter: PainScore(s.PainAfter),
		TriggerOther: s.TriggerOther, Subjective: s.Notes.Subjective, Objective: s.Notes.Objective,
		Assessment: s.Notes.Assessment, Plan: s.Notes.Plan, HomeCare: s.HomeCare,
		CreatedAt: FormatStamp(s.CreatedAt), UpdatedAt: FormatStamp(s.UpdatedAt),
		SignedAt: FormatStamp(s.SignedAt), SignedBy: s.SignedBy, Legacy: s.Legacy,
		VoidedAt: FormatStamp(s.VoidedAt), VoidedBy: s.VoidedBy, VoidReason: s.VoidReason,
		BodyMap: FromBodyMap(s.BodyMap), Author: s.Author, Private: s.Private,
		Programme: FromProgramme(s.Programme), Adherence: FromAdherence(s.Adherence),
	}
	for _, a := range s.Amendments {
		prev := FromSession(a.Previous)
		prev.CreatedAt, prev.UpdatedAt = "", ""
		e.Amendments = append(e.Amendments, Amendment{At: FormatStamp(a.At), By: a.By, Reason: a.Reason,
			Changed: a.Changed, Previous: prev})
	}
	for _, k := range store.Kinds {
		tags := []Tag{}
		for _, t := range s.Tags(k) {
			tags = append(tags, Tag{Name: t.Name, Side: t.Side})
		}
		*e.Tags(k) = tags
	}
	return e
}

// Content is the note the JSON holds (an export's, or an amendment's kept
// version), tags by name, without its history.
func (e Session) Content() store.Session {
	sess := store.Session{UID: e.ID, DurationMin: e.DurationMin, TriggerOther: e.TriggerOther, HomeCare: e.HomeCare,
		Notes: store.SOAP{Subjective: e.Subjective, Objective: e.Objective, Assessment: e.Assessment, Plan: e.Plan}}
	sess.Start, _ = store.ParseWallClock(store.StartLayout, e.Start)
	if e.PainBefore != nil {
		sess.PainBefore = store.PainOf(*e.PainBefore)
	}
	if e.PainAfter != nil {
		sess.PainAfter = store.PainOf(*e.PainAfter)
	}
	for _, k := range store.Kinds {
		var tags []store.Tag
		for _, t := range *e.Tags(k) {
			tags = append(tags, store.Tag{Name: t.Name, Side: t.Side})
		}
		sess.SetTags(k, tags)
	}
	sess.BodyMap = BodyMapContent(e.BodyMap)
	sess.Programme, sess.Adherence = ProgrammeContent(e.Programme), AdherenceContent(e.Adherence)
	return sess
}

// PainScore is a recorded score, nil when none was recorded.
func PainScore(p store.Pain) *int {
	if !p.Recorded {
		return nil
	}
	score := p.Score
	return &score
}

// FormatStamp writes a created, updated, signed or voided time; "" for none.
func FormatStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(store.StampLayout)
}
