package sqlstore_test

// Benchmarks over a ten-year practice (2,000 clients, 12,000 sessions, one
// client with 500), each figure beside its baseline in the same run:
// BenchmarkX/backtrack is the store method, BenchmarkX/baseline the same work
// done directly with database/sql. `make bench` prints the ratios.

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

var (
	practiceOnce sync.Once
	practicePath string
	practiceErr  error
)

// practice builds the ten-year practice once per run and returns its path.
func practice(b *testing.B) string {
	b.Helper()
	practiceOnce.Do(func() {
		dir, err := os.MkdirTemp("", "backtrack-bench-")
		if err != nil {
			practiceErr = err
			return
		}
		practicePath = filepath.Join(dir, "practice.db")
		s, err := sqlstore.Open(context.Background(), practicePath)
		if err != nil {
			practiceErr = err
			return
		}
		defer s.Close()
		clients, sessions := testkit.BenchPractice()
		if _, practiceErr = demo.Fill(context.Background(), s, demo.Options{
			Clients: clients, Sessions: sessions, Seed: 1, Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)}); practiceErr != nil {
			return
		}
		// a copy as demo left it: benchmarks that write (the raw inserts
		// of a baseline leave no audit entry) must not change what others read
		practiceErr = s.Close()
		if practiceErr == nil {
			practiceErr = copyFile(practicePath+".pristine", practicePath)
		}
	})
	if practiceErr != nil {
		b.Fatal(practiceErr)
	}
	return practicePath
}

// pristinePractice is a fresh copy of the practice as demo built it.
func pristinePractice(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "practice.db")
	if err := copyFile(path, practice(b)+".pristine"); err != nil {
		b.Fatal(err)
	}
	return path
}

func copyFile(dst, src string) error {
	raw, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, raw, 0o600)
}

// openPractice opens a copy of the practice as demo left it: benchmarks
// that write (a save, a sign, an amendment, b.N times) must not change
// what the next one reads (the long-term client had 8,369 visits by the
// time the insights benchmarks read it, not 500).
func openPractice(b *testing.B) (*sqlstore.Store, *sql.DB) {
	b.Helper()
	path := pristinePractice(b)
	s, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_txlock=immediate")
	if err != nil {
		b.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	b.Cleanup(func() { s.Close(); raw.Close() })
	return s, raw
}

func BenchmarkSearchKeystroke(b *testing.B) {
	ctx := context.Background()
	s, raw := openPractice(b)
	b.Run("backtrack", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.SearchClients(ctx, store.ClientQuery{Text: "nowak"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			rows, err := raw.QueryContext(ctx, `SELECT c.id, c.first_name, c.last_name, c.date_of_birth, c.phone,
				c.email, c.medical_history, c.medications, c.contraindications, c.archived, c.created_at,
				c.updated_at, l.started_at, l.pain_before, l.pain_after,
				(SELECT COUNT(*) FROM sessions n WHERE n.client_id = c.id)
				FROM clients c
				LEFT JOIN sessions l ON l.id = (SELECT id FROM sessions x WHERE x.client_id = c.id
					ORDER BY x.started_at DESC, x.id DESC LIMIT 1)
				WHERE c.archived = 0 AND c.search_text LIKE '%nowak%' ESCAPE '\'
				ORDER BY l.started_at IS NULL, l.started_at DESC, c.sort_name, c.id`)
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
				var id, archived, count int64
				var first, last, dob, phone, email, hist, meds, contra, created, updated string
				var started sql.NullString
				var before, after sql.NullInt64
				if err := rows.Scan(&id, &first, &last, &dob, &phone, &email, &hist, &meds, &contra,
					&archived, &created, &updated, &started, &before, &after, &count); err != nil {
					b.Fatal(err)
				}
			}
			rows.Close()
		}
	})
}

func BenchmarkLongHistory(b *testing.B) {
	ctx := context.Background()
	s, raw := openPractice(b)
	long := testkit.LongestHistory(b, s)
	b.Run("backtrack", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			h, err := s.ClientHistory(ctx, long.ID, store.Period{})
			// the history shows notes entered in error too; the count does not
			if err != nil || len(h) < long.SessionCount {
				b.Fatalf("%d sessions of %d, %v", len(h), long.SessionCount, err)
			}
		}
	})
	b.Run("baseline", func(b *testing.B) {
		r := &rawSQL{db: raw, client: long.ID}
		for i := 0; i < b.N; i++ {
			r.longHistory(b)
		}
	})
}

func BenchmarkPainTrend(b *testing.B) {
	ctx := context.Background()
	s, raw := openPractice(b)
	longTermClient := testkit.LongestHistory(b, s).ID
	b.Run("backtrack", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.PainTrend(ctx, longTermClient, store.Period{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			// the store's query: the standing visits, each saying whether
			// it is a draft
			rows, err := raw.QueryContext(ctx, `SELECT id, started_at, pain_before, pain_after, signed_at = '' AND legacy = FALSE
				FROM sessions WHERE client_id = ? AND started_at >= '0000' AND started_at < '9999' AND voided_at = ''
				ORDER BY started_at, id`, longTermClient)
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
				var id int64
				var start string
				var before, after sql.NullInt64
				var draft bool
				if err := rows.Scan(&id, &start, &before, &after, &draft); err != nil {
					b.Fatal(err)
				}
			}
			rows.Close()
		}
	})
}

func BenchmarkSaveSession(b *testing.B) {
	s, raw := openPractice(b)
	session, terms := benchSession(b, s)
	saved := benchSave(b, s, session)
	b.Run("backtrack", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			benchSave(b, s, session)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		r := &rawSQL{db: raw}
		for i := 0; i < b.N; i++ {
			r.insertSession(b, session, terms, saved.BodyMap)
		}
	})
}

// benchSave saves session, failing the benchmark if it is refused.
func benchSave(b testing.TB, s *sqlstore.Store, session store.Session) store.Session {
	saved, err := s.Save(context.Background(), sqlstore.SaveRequest{Session: session})
	if err != nil {
		b.Fatal(err)
	}
	return saved
}

// benchSession is a typical session with 8 tags on the practice's second
// client, and its terms.
func benchSession(b testing.TB, s *sqlstore.Store) (store.Session, []store.Term) {
	b.Helper()
	ctx := context.Background()
	var terms []store.Term
	for _, k := range []struct {
		kind store.Kind
		name string
	}{{store.PainType, "Stiffness"}, {store.PainType, "Dull ache"}, {store.Location, "Lower back"},
		{store.Trigger, "Sitting long"}, {store.Muscle, "Quadratus lumborum"}, {store.Muscle, "Gluteus medius"},
		{store.Technique, "Massage"}, {store.Technique, "Stretching"}} {
		t, err := s.TermNamed(ctx, k.kind, k.name)
		if err != nil {
			b.Fatal(err)
		}
		terms = append(terms, t)
	}
	session := store.Session{
		ClientID: 2, Start: time.Date(2026, 11, 20, 10, 0, 0, 0, time.Local), DurationMin: 60,
		PainBefore: store.PainOf(5), PainAfter: store.PainOf(3),
		PainTypes:  []store.Tag{{TermID: terms[0].ID}, {TermID: terms[1].ID}},
		Locations:  []store.Tag{{TermID: terms[2].ID, Side: store.Both}},
		Triggers:   []store.Tag{{TermID: terms[3].ID}},
		Muscles:    []store.Tag{{TermID: terms[4].ID, Side: store.Both}, {TermID: terms[5].ID, Side: store.Right}},
		Techniques: []store.Tag{{TermID: terms[6].ID}, {TermID: terms[7].ID}},
		Notes:      store.SOAP{Subjective: "Stiff after a long drive.", Objective: "QL hypertonic both sides.", Assessment: "Good response.", Plan: "Every 2 weeks."},
		HomeCare:   "Side-lying QL stretch.",
	}
	return session, terms
}

func BenchmarkSaveAndSign(b *testing.B) {
	ctx := context.Background()
	s, _ := openPractice(b)
	session, _ := benchSession(b, s)
	b.Run("backtrack", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: session, Sign: true, By: "Anna Keller, LMT"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline", func(b *testing.B) { // a draft saved, as Save did before signing
		for i := 0; i < b.N; i++ {
			if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: session}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkAmend(b *testing.B) {
	ctx := context.Background()
	s, _ := openPractice(b)
	session, _ := benchSession(b, s)
	b.Run("backtrack", func(b *testing.B) { // each note amended once, as in practice
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			signed, err := s.Save(ctx, sqlstore.SaveRequest{Session: session, Sign: true, By: "Anna Keller, LMT"})
			if err != nil {
				b.Fatal(err)
			}
			signed.Notes.Plan = "Every 3 weeks"
			b.StartTimer()
			if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: signed, Amend: true, Reason: "plan changed", By: "Anna Keller, LMT"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: session}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkVerifyRecord is the day's check of the record (VerifyRecord)
// on the ten-year practice beside the least any check must do: read the
// same rows (the audit log, clients with their health, notes with their
// tags, marks, amendments and home programmes, measures, plans, the
// clients' signed forms, the vocabulary) with raw SQL and hash each one.
// Each side reports its CPU time too (cpu-ms/op): on a shared machine
// the wall time of both moves with the load.
func BenchmarkVerifyRecord(b *testing.B) {
	ctx := context.Background()
	s, err := sqlstore.Open(ctx, pristinePractice(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.Run("backtrack", func(b *testing.B) {
		cpu := cpuTime()
		for i := 0; i < b.N; i++ {
			if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
				b.Fatal(problems, err)
			}
		}
		reportCPU(b, cpu)
	})
	b.Run("baseline", func(b *testing.B) {
		raw, err := sql.Open("sqlite", "file:"+s.Path()+"?mode=ro")
		if err != nil {
			b.Fatal(err)
		}
		defer raw.Close()
		cpu := cpuTime()
		for i := 0; i < b.N; i++ {
			hashEveryRow(b, raw)
		}
		reportCPU(b, cpu)
	})
}

// hashEveryRow reads every row of the record's tables in one transaction
// and hashes each row's columns.
func hashEveryRow(b *testing.B, db *sql.DB) {
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	for _, table := range []string{"audit_log", "clients", "sessions", "session_tags", "session_regions",
		"session_amendments", "session_exercises", "session_adherence", "measures", "plans", "client_submissions", "terms"} {
		rows, err := tx.Query(`SELECT * FROM ` + table)
		if err != nil {
			b.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]sql.RawBytes, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				b.Fatal(err)
			}
			h := sha256.New()
			for _, v := range vals {
				h.Write(v)
				h.Write([]byte{0})
			}
			h.Sum(nil)
		}
		if err := rows.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIntegrityCheck is SQLite's own check of the same file, which
// the check command runs too.
func BenchmarkIntegrityCheck(b *testing.B) {
	ctx := context.Background()
	path := pristinePractice(b)
	for i := 0; i < b.N; i++ {
		if _, err := sqlite.Check(ctx, path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen(b *testing.B) {
	ctx := context.Background()
	path := practice(b)
	b.Run("backtrack", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			s, err := sqlstore.Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
	b.Run("baseline", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			db, err := sql.Open("sqlite", "file:"+path)
			if err != nil {
				b.Fatal(err)
			}
			if err := db.PingContext(ctx); err != nil {
				b.Fatal(err)
			}
			db.Close()
		}
	})
}
