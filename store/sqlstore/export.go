package sqlstore

import (
	"backtrack/store"
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"
)

// ExportFormat names Backtrack's JSON export; ExportVersion is its layout.
const (
	ExportFormat = "backtrack-export"
	// 2: clients and sessions carry their identifiers; 3: signatures,
	// amendments, voids and the audit log; 4: each client's intake,
	// red-flag screens, consents, outcome measures and plan, and each
	// session's body chart
	ExportVersion = 4
)

// Export is everything in the database, in a shape that outlives the schema:
// each client and session by its identifier (a UUID, never a row number),
// terms by name, text dates. ImportJSON reads it back losslessly.
type Export struct {
	Format        string         `json:"format"`
	Version       int            `json:"version"`
	SchemaVersion int            `json:"schema_version"`
	ExportedAt    string         `json:"exported_at"`
	Vocabulary    []ExportTerm   `json:"vocabulary"`
	Clients       []ExportClient `json:"clients"`
	// AuditLog is the record's history, oldest first (version 3).
	AuditLog []ExportAuditEntry `json:"audit_log"`
}

// ExportAuditEntry is one entry of the audit log as it was written.
type ExportAuditEntry struct {
	Seq     int64  `json:"seq"`
	At      string `json:"at"`
	Actor   string `json:"actor"`
	Action  string `json:"action"`
	Record  string `json:"record"`
	Client  string `json:"client"`
	Detail  string `json:"detail"`
	Content string `json:"content"`
	Origin  string `json:"origin,omitempty"`
	Prev    string `json:"prev"`
	Hash    string `json:"hash"`
}

// ExportAmendment is one amendment of a signed note, with the note as it
// was before.
type ExportAmendment struct {
	At       string        `json:"at"`
	By       string        `json:"by"`
	Reason   string        `json:"reason"`
	Changed  []string      `json:"changed"`
	Previous ExportSession `json:"previous"`
}

// ExportTerm is one vocabulary entry.
type ExportTerm struct {
	Kind    store.Kind `json:"kind"`
	Name    string     `json:"name"`
	Builtin bool       `json:"builtin"`
	Retired bool       `json:"retired"`
}

// ExportClient is a client with all their sessions, oldest first.
type ExportClient struct {
	ID                string          `json:"id"` // the client's UID; "" in version 1
	FirstName         string          `json:"first_name"`
	LastName          string          `json:"last_name"`
	DateOfBirth       string          `json:"date_of_birth"` // YYYY-MM-DD or ""
	Phone             string          `json:"phone"`
	Email             string          `json:"email"`
	MedicalHistory    string          `json:"medical_history"`
	Medications       string          `json:"medications"`
	Contraindications string          `json:"contraindications"`
	Archived          bool            `json:"archived"`
	CreatedAt         string          `json:"created_at"`
	UpdatedAt         string          `json:"updated_at"`
	Sessions          []ExportSession `json:"sessions"`
	// The health record (version 4): nil or empty when there is none.
	Intake         *ExportIntake   `json:"intake,omitempty"`
	RedFlagScreens []ExportScreen  `json:"red_flag_screens,omitempty"`
	Consents       []ExportConsent `json:"consents,omitempty"`
	// Function: outcome measures, oldest first, and the treatment plan.
	Measures []ExportMeasure `json:"measures,omitempty"`
	Plan     *ExportPlan     `json:"plan,omitempty"`
}

// ExportSession is one treatment with every tag by name.
type ExportSession struct {
	ID           string      `json:"id"`    // the session's UID; "" in version 1
	Start        string      `json:"start"` // YYYY-MM-DD HH:MM, local time
	DurationMin  int         `json:"duration_min"`
	PainBefore   *int        `json:"pain_before"` // null when not recorded
	PainAfter    *int        `json:"pain_after"`
	PainTypes    []ExportTag `json:"pain_types"`
	Locations    []ExportTag `json:"locations"`
	Triggers     []ExportTag `json:"triggers"`
	TriggerOther string      `json:"trigger_other"`
	Muscles      []ExportTag `json:"muscles"`
	Techniques   []ExportTag `json:"techniques"`
	Subjective   string      `json:"subjective"`
	Objective    string      `json:"objective"`
	Assessment   string      `json:"assessment"`
	Plan         string      `json:"plan"`
	HomeCare     string      `json:"home_care"`
	CreatedAt    string      `json:"created_at"`
	UpdatedAt    string      `json:"updated_at"`
	// The body chart: where it hurt (regions by identifier).
	BodyMap []ExportMark `json:"body_map,omitempty"`
	// Who wrote the note (on a practice server, the therapist's role), and
	// whether it is private to them. Imported onto a server, the server
	// keeps it only for the schema's owner (the admin moving or importing a
	// practice, migration 012); a therapist's import is theirs.
	Author  string `json:"author,omitempty"`
	Private bool   `json:"private,omitempty"`
	// The note's history (version 3): empty for a draft.
	SignedAt   string            `json:"signed_at,omitempty"`
	SignedBy   string            `json:"signed_by,omitempty"`
	Legacy     bool              `json:"legacy,omitempty"`
	VoidedAt   string            `json:"voided_at,omitempty"`
	VoidedBy   string            `json:"voided_by,omitempty"`
	VoidReason string            `json:"void_reason,omitempty"`
	Amendments []ExportAmendment `json:"amendments,omitempty"`
}

// ExportTag is a tag by its term's name, with a side where the kind has one.
type ExportTag struct {
	Name string     `json:"name"`
	Side store.Side `json:"side,omitempty"`
}

// tags returns the session's tags of one kind.
func (e *ExportSession) tags(k store.Kind) *[]ExportTag {
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

// Export reads the whole database on one consistent snapshot.
func (s *Store) Export(ctx context.Context) (Export, error) {
	out := Export{Format: ExportFormat, Version: ExportVersion, SchemaVersion: s.schemaVersion(),
		ExportedAt: s.stamp(), Vocabulary: []ExportTerm{}, Clients: []ExportClient{}}
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		if out.Vocabulary, err = exportTerms(ctx, tx); err != nil {
			return err
		}
		if out.Clients, err = exportClients(ctx, tx); err != nil {
			return err
		}
		out.AuditLog, err = exportAuditLog(ctx, tx)
		return err
	})
	if err != nil {
		return Export{}, fmt.Errorf("export: %w", err)
	}
	return out, nil
}

func exportTerms(ctx context.Context, tx *sql.Tx) ([]ExportTerm, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, kind, name, builtin, retired FROM terms
		ORDER BY CASE kind WHEN 'pain_type' THEN 1 WHEN 'location' THEN 2 WHEN 'trigger' THEN 3
			WHEN 'muscle' THEN 4 ELSE 5 END, `+vocabularyOrdering)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []ExportTerm{}
	for rows.Next() {
		t, err := scanTerm(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, ExportTerm{Kind: t.Kind, Name: t.Name, Builtin: t.Builtin, Retired: t.Retired})
	}
	return out, rows.Err()
}

func exportClients(ctx context.Context, tx *sql.Tx) ([]ExportClient, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+clientColumns+` FROM clients c ORDER BY c.id`)
	if err != nil {
		return nil, err
	}
	var clients []store.Client
	for rows.Next() {
		c, err := scanClient(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		clients = append(clients, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sessions, err := readSessions(ctx, tx, `1 = 1`)
	if err != nil {
		return nil, err
	}
	// readSessions gives newest first; an export reads oldest first.
	sort.SliceStable(sessions, func(i, j int) bool {
		if !sessions[i].Start.Equal(sessions[j].Start) {
			return sessions[i].Start.Before(sessions[j].Start)
		}
		return sessions[i].ID < sessions[j].ID
	})
	byClient := map[int64][]ExportSession{}
	for _, sess := range sessions {
		byClient[sess.ClientID] = append(byClient[sess.ClientID], exportSession(sess))
	}
	out := make([]ExportClient, 0, len(clients))
	ids := map[string]int64{}
	for _, c := range clients {
		ids[c.UID] = c.ID
		ec := ExportClient{
			ID: c.UID, FirstName: c.FirstName, LastName: c.LastName, DateOfBirth: formatDate(c.DateOfBirth),
			Phone: c.Phone, Email: c.Email, MedicalHistory: c.MedicalHistory,
			Medications: c.Medications, Contraindications: c.Contraindications,
			Archived: c.Archived, CreatedAt: formatStamp(c.CreatedAt), UpdatedAt: formatStamp(c.UpdatedAt),
			Sessions: byClient[c.ID],
		}
		if ec.Sessions == nil {
			ec.Sessions = []ExportSession{}
		}
		h, err := readHealth(ctx, tx, c.ID)
		if err != nil {
			return nil, fmt.Errorf("client %s: %w", c.UID, err)
		}
		ec.Intake, ec.RedFlagScreens, ec.Consents = exportHealth(h)
		out = append(out, ec)
	}
	return out, exportFunction(ctx, tx, out, ids)
}

func exportSession(s store.Session) ExportSession {
	e := ExportSession{
		ID: s.UID, Start: s.Start.Format(store.StartLayout), DurationMin: s.DurationMin,
		PainBefore: painPtr(s.PainBefore), PainAfter: painPtr(s.PainAfter),
		TriggerOther: s.TriggerOther, Subjective: s.Notes.Subjective, Objective: s.Notes.Objective,
		Assessment: s.Notes.Assessment, Plan: s.Notes.Plan, HomeCare: s.HomeCare,
		CreatedAt: formatStamp(s.CreatedAt), UpdatedAt: formatStamp(s.UpdatedAt),
		SignedAt: formatStamp(s.SignedAt), SignedBy: s.SignedBy, Legacy: s.Legacy,
		VoidedAt: formatStamp(s.VoidedAt), VoidedBy: s.VoidedBy, VoidReason: s.VoidReason,
		BodyMap: exportBodyMap(s.BodyMap), Author: s.Author, Private: s.Private,
	}
	for _, a := range s.Amendments {
		prev := exportSession(a.Previous)
		prev.CreatedAt, prev.UpdatedAt = "", ""
		e.Amendments = append(e.Amendments, ExportAmendment{At: formatStamp(a.At), By: a.By, Reason: a.Reason,
			Changed: a.Changed, Previous: prev})
	}
	for _, k := range store.Kinds {
		tags := []ExportTag{}
		for _, t := range s.Tags(k) {
			tags = append(tags, ExportTag{Name: t.Name, Side: t.Side})
		}
		*e.tags(k) = tags
	}
	return e
}

func painPtr(p store.Pain) *int {
	if !p.Recorded {
		return nil
	}
	score := p.Score
	return &score
}

func formatStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(stampLayout)
}

func exportAuditLog(ctx context.Context, tx *sql.Tx) ([]ExportAuditEntry, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit_log ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []ExportAuditEntry{}
	for rows.Next() {
		e, err := scanAuditEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, ExportAuditEntry{Seq: e.Seq, At: formatStamp(e.At), Actor: e.Actor, Action: string(e.Action),
			Record: e.Record, Client: e.Client, Detail: e.Detail, Content: e.Content, Origin: e.Origin, Prev: e.Prev, Hash: e.Hash})
	}
	return out, rows.Err()
}
