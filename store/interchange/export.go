// Package interchange carries a practice's record in and out of Backtrack:
// the JSON export that imports back losslessly, the CSV files for
// spreadsheets (clients, sessions, measures, vocabulary), their imports,
// and the move of a whole practice from one database to another. It works
// over the store's API (sqlstore.Snapshot to read, sqlstore.Batch to write
// in one transaction) and streams: a record of any size goes through in
// bounded memory.
package interchange

import (
	"backtrack/store"
	"backtrack/store/recordjson"
	"backtrack/store/sqlstore"
	"context"
	"fmt"
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

// ExportTerm is one vocabulary entry.
type ExportTerm struct {
	Kind    store.Kind `json:"kind"`
	Name    string     `json:"name"`
	Builtin bool       `json:"builtin"`
	Retired bool       `json:"retired"`
}

// ExportClient is a client with all their sessions, oldest first.
type ExportClient struct {
	ID                string               `json:"id"` // the client's UID; "" in version 1
	FirstName         string               `json:"first_name"`
	LastName          string               `json:"last_name"`
	DateOfBirth       string               `json:"date_of_birth"` // YYYY-MM-DD or ""
	Phone             string               `json:"phone"`
	Email             string               `json:"email"`
	MedicalHistory    string               `json:"medical_history"`
	Medications       string               `json:"medications"`
	Contraindications string               `json:"contraindications"`
	Archived          bool                 `json:"archived"`
	CreatedAt         string               `json:"created_at"`
	UpdatedAt         string               `json:"updated_at"`
	Sessions          []recordjson.Session `json:"sessions"`
	// The health record (version 4): nil or empty when there is none.
	Intake         *recordjson.Intake   `json:"intake,omitempty"`
	RedFlagScreens []recordjson.Screen  `json:"red_flag_screens,omitempty"`
	Consents       []recordjson.Consent `json:"consents,omitempty"`
	// Function: outcome measures, oldest first, and the treatment plan.
	Measures []ExportMeasure `json:"measures,omitempty"`
	Plan     *ExportPlan     `json:"plan,omitempty"`
	// What the client filled in and signed on the device (or typed from
	// their paper form), with its seal and the therapist's review.
	Submissions []recordjson.Submission `json:"submissions,omitempty"`
}

// Read reads the whole record into memory on one consistent snapshot (a
// small record, or a test's); files are written by WriteJSON and ExportTo
// record by record.
func Read(ctx context.Context, s *sqlstore.Store) (Export, error) {
	var out Export
	err := s.Snapshot(ctx, func(r *sqlstore.Snapshot) error {
		var err error
		if out, err = header(r); err != nil {
			return err
		}
		out.Vocabulary, out.Clients, out.AuditLog = []ExportTerm{}, []ExportClient{}, []ExportAuditEntry{}
		if out.Vocabulary, err = exportTerms(r); err != nil {
			return err
		}
		if err := eachClient(r, func(c ExportClient) error {
			out.Clients = append(out.Clients, c)
			return nil
		}); err != nil {
			return err
		}
		return r.EachAuditEntry(func(e store.AuditEntry) error {
			out.AuditLog = append(out.AuditLog, exportAuditEntry(e))
			return nil
		})
	})
	if err != nil {
		return Export{}, fmt.Errorf("export: %w", err)
	}
	return out, nil
}

// header is an export's first fields, without its lists.
func header(r *sqlstore.Snapshot) (Export, error) {
	out := Export{Format: ExportFormat, Version: ExportVersion, SchemaVersion: r.SchemaVersion(), ExportedAt: r.Stamp()}
	return out, nil
}

func exportTerms(r *sqlstore.Snapshot) ([]ExportTerm, error) {
	terms, err := r.Terms()
	out := make([]ExportTerm, 0, len(terms))
	for _, t := range terms {
		out = append(out, ExportTerm{Kind: t.Kind, Name: t.Name, Builtin: t.Builtin, Retired: t.Retired})
	}
	return out, err
}

// eachClient calls fn with every client as an export writes them.
func eachClient(r *sqlstore.Snapshot, fn func(ExportClient) error) error {
	return r.EachClient(func(d sqlstore.ClientData) error {
		ec, err := exportClient(d)
		if err != nil {
			return err
		}
		return fn(ec)
	})
}

func exportClient(d sqlstore.ClientData) (ExportClient, error) {
	c := d.Client
	ec := ExportClient{
		ID: c.UID, FirstName: c.FirstName, LastName: c.LastName, DateOfBirth: recordjson.FormatDate(c.DateOfBirth),
		Phone: c.Phone, Email: c.Email, MedicalHistory: c.MedicalHistory,
		Medications: c.Medications, Contraindications: c.Contraindications,
		Archived: c.Archived, CreatedAt: recordjson.FormatStamp(c.CreatedAt), UpdatedAt: recordjson.FormatStamp(c.UpdatedAt),
		Sessions: make([]recordjson.Session, 0, len(d.Sessions)),
	}
	for _, sess := range d.Sessions {
		ec.Sessions = append(ec.Sessions, recordjson.FromSession(sess))
	}
	ec.Intake, ec.RedFlagScreens, ec.Consents = recordjson.FromHealth(d.Health)
	exportFunction(&ec, d)
	for _, sub := range d.Submissions {
		ec.Submissions = append(ec.Submissions, recordjson.FromSubmission(sub))
	}
	return ec, nil
}

func exportAuditEntry(e store.AuditEntry) ExportAuditEntry {
	return ExportAuditEntry{Seq: e.Seq, At: recordjson.FormatStamp(e.At), Actor: e.Actor, Action: string(e.Action),
		Record: e.Record, Client: e.Client, Detail: e.Detail, Content: e.Content, Origin: e.Origin, Prev: e.Prev, Hash: e.Hash}
}
