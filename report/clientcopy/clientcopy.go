// Package clientcopy writes a client's copy of their record, as privacy
// law (PIPEDA, PHIPA, HIPAA, GDPR) gives every client the right to one:
// one private folder holding the readable PDF (report.WriteClientCopy),
// the same record as Backtrack's JSON (it imports back), and as an HL7
// FHIR R4 Bundle for another health system; the copy is logged in the
// record's history.
package clientcopy

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/fhir"
	"backtrack/store/interchange"
	"backtrack/store/safefile"
	"backtrack/store/sqlstore"
)

// Result is where the copy went.
type Result struct {
	Dir   string   // the copy's folder (0700)
	Files []string // the PDF, the JSON and the FHIR Bundle (0600 each)
}

// Write writes the copy of client clientID's record into a new folder in
// parent, named for the client and the day ("Nowak_Marta_record_2026-12-07"),
// and logs it in the record's history. The folder appears whole or not at
// all. zone is the practice's time zone, for the FHIR Bundle's times.
func Write(ctx context.Context, s *sqlstore.Store, clientID int64, parent string, o report.Options, zone *time.Location) (Result, error) {
	if o.Date.IsZero() {
		o.Date = time.Now()
	}
	d, err := report.Load(ctx, s, clientID, store.Period{})
	if err != nil {
		return Result{}, err
	}
	if d.History, err = history(ctx, s, d.Client.UID); err != nil {
		return Result{}, err
	}
	base := FolderName(d.Client, o.Date)
	dir := filepath.Join(parent, base)
	if err := safefile.RefuseExisting(dir); err != nil {
		return Result{}, fmt.Errorf("client's copy: %w", err)
	}
	if err := safefile.PrivateDir(parent); err != nil {
		return Result{}, fmt.Errorf("client's copy: %w", err)
	}
	safefile.SweepPartials(parent)
	partial, err := safefile.PartialDir(parent)
	if err != nil {
		return Result{}, fmt.Errorf("client's copy: %w", err)
	}
	defer os.RemoveAll(partial)
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{base + ".pdf", func(w io.Writer) error { return report.WriteClientCopy(w, d, o) }},
		{base + ".json", func(w io.Writer) error { return interchange.WriteClientJSON(ctx, s, d.Client.UID, w) }},
		{base + ".fhir.json", func(w io.Writer) error {
			return fhir.Write(ctx, s, w, fhir.Options{Zone: zone, ClientUID: d.Client.UID})
		}},
	}
	res := Result{Dir: dir}
	for _, f := range files {
		if err := safefile.WriteAtomic(filepath.Join(partial, f.name), f.write); err != nil {
			return Result{}, fmt.Errorf("client's copy: %s: %w", f.name, err)
		}
		res.Files = append(res.Files, filepath.Join(dir, f.name))
	}
	if err := safefile.RefuseExisting(dir); err != nil {
		return Result{}, fmt.Errorf("client's copy: %w", err)
	}
	if err := os.Rename(partial, dir); err != nil {
		return Result{}, fmt.Errorf("client's copy: save %s: %w", dir, err)
	}
	if err := safefile.SyncDir(parent); err != nil {
		return Result{}, fmt.Errorf("client's copy: save %s: %w", dir, err)
	}
	if err := s.LogEvent(ctx, store.ClientCopyGiven, d.Client.UID, "The client's record as PDF, JSON and FHIR"); err != nil {
		return res, err
	}
	return res, nil
}

// FolderName is the copy's folder, and its files' name without the
// extension: "Nowak_Marta_record_2026-12-07".
func FolderName(c store.Client, day time.Time) string {
	return strings.TrimSuffix(strings.Replace(report.FileName(c, day), "_progress_", "_record_", 1), ".pdf")
}

// history is the record's history about one client, oldest first.
func history(ctx context.Context, s *sqlstore.Store, clientUID string) ([]store.AuditEntry, error) {
	var out []store.AuditEntry
	err := s.Snapshot(ctx, func(r *sqlstore.Snapshot) error {
		return r.EachAuditEntry(func(e store.AuditEntry) error {
			if e.Client == clientUID {
				out = append(out, e)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("client's copy: %w", err)
	}
	return out, nil
}
