package sqlstore_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
)

// The imports against a baseline in the same run: the same sessions saved
// through Batch.SaveSession with term IDs already known (what any import
// must at least do). The ratio is the price of parsing, matching clients
// and names, and checking for duplicates.

func benchPractice(b *testing.B) (samplePractice, []byte) {
	b.Helper()
	p := makeSamplePracticeTB(b)
	csv, err := os.ReadFile(p.sessionsCSV)
	if err != nil {
		b.Fatal(err)
	}
	return p, csv
}

func BenchmarkImportSessionsCSV(b *testing.B) {
	p, csv := benchPractice(b)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := openCopy(b, p.clientsOnly)
		b.StartTimer()
		if _, err := interchange.ImportSessionsCSV(ctx, s, bytes.NewReader(csv), interchange.ImportOptions{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(p.sessions), "sessions/op")
}

func BenchmarkImportBaselineBatchSave(b *testing.B) {
	p, _ := benchPractice(b)
	ctx := context.Background()
	src, err := sqlstore.Open(ctx, p.full)
	if err != nil {
		b.Fatal(err)
	}
	// The sessions as the import would build them, client IDs mapped by name.
	var sessions []store.Session
	names := map[int64]string{}
	all, _ := src.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	for _, c := range all {
		names[c.ID] = c.FullName()
		h, _ := src.ClientHistory(ctx, c.ID, store.Period{})
		sessions = append(sessions, h...)
	}
	src.Close()
	for b.Loop() {
		b.StopTimer()
		s := openCopy(b, p.clientsOnly)
		ids := map[string]int64{}
		cs, _ := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
		for _, c := range cs {
			ids[c.FullName()] = c.ID
		}
		b.StartTimer()
		err := s.Batch(ctx, func(batch *sqlstore.Batch) error {
			for _, sess := range sessions {
				sess.ID, sess.ClientID = 0, ids[names[sess.ClientID]]
				if _, err := batch.SaveSession(sess); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

func BenchmarkBackup(b *testing.B) {
	p, _ := benchPractice(b)
	s, err := sqlstore.Open(context.Background(), p.full)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		if _, err := s.Backup(context.Background(), filepath.Join(dir, time.Now().Format("150405.000000000")+".db")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBackupBaselineCopy copies the database file: what a backup
// costs without a consistent snapshot and without the checks.
func BenchmarkBackupBaselineCopy(b *testing.B) {
	p, _ := benchPractice(b)
	body, err := os.ReadFile(p.full)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for b.Loop() {
		f, err := os.Create(filepath.Join(dir, time.Now().Format("150405.000000000")+".db"))
		if err != nil {
			b.Fatal(err)
		}
		f.Write(body)
		f.Sync()
		f.Close()
	}
}

func openCopy(b *testing.B, path string) *sqlstore.Store {
	b.Helper()
	body, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	dst := filepath.Join(b.TempDir(), "copy.db")
	if err := os.WriteFile(dst, body, 0o600); err != nil {
		b.Fatal(err)
	}
	s, err := sqlstore.Open(context.Background(), dst)
	if err != nil {
		b.Fatal(err)
	}
	return s
}
