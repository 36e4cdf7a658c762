package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// clinic is a practice server set up by clinic init with two therapists,
// a front desk and an auditor, each a LOGIN role of their own.
type clinic struct {
	anna, ben *sqlstore.Store
	frontDesk *sql.DB
	auditor   *sql.DB
	// frontDeskDSN opens the front desk's login as a desk does; annaDSN
	// and benDSN the therapists' (psql, or a check, as them)
	frontDeskDSN, annaDSN, benDSN, auditorDSN string
}

func openClinic(t *testing.T) clinic {
	t.Helper()
	ctx := context.Background()
	dsn := testkit.PostgresDSN(t)
	admin := testkit.OpenStoreAt(t, dsn)
	if err := admin.InitClinic(ctx); err != nil {
		t.Fatal(err)
	}
	if err := admin.InitClinic(ctx); err != nil {
		t.Fatalf("clinic init run again: %v", err)
	}
	as := func(name, group string) string { return testkit.ClinicLogin(t, dsn, name, group) }
	c := clinic{annaDSN: as("anna", "backtrack_therapist"), benDSN: as("ben", "backtrack_therapist")}
	c.anna, c.ben = testkit.OpenStoreAt(t, c.annaDSN), testkit.OpenStoreAt(t, c.benDSN)
	for _, p := range []struct {
		db    **sql.DB
		name  string
		group string
	}{{&c.frontDesk, "frida", "backtrack_front_desk"}, {&c.auditor, "otto", "backtrack_auditor"}} {
		login := as(p.name, p.group)
		if p.db == &c.frontDesk {
			c.frontDeskDSN = login
		} else {
			c.auditorDSN = login
		}
		db, err := sql.Open("pgx", login)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		*p.db = db
	}
	return c
}

func TestPrivateNotesAreTheirAuthorsOnTheServer(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	c := openClinic(t)
	client, err := c.anna.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak", Phone: "+48 600 000 000",
		MedicalHistory: "Disc herniation L4/L5"})
	if err != nil {
		t.Fatal(err)
	}
	note := func(s *sqlstore.Store, day int, private bool) store.Session {
		t.Helper()
		saved, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: client.ID, DurationMin: 60, Private: private,
			Start: time.Date(2026, 11, day, 10, 0, 0, 0, time.Local), Notes: store.SOAP{Subjective: fmt.Sprintf("day %d", day)}}})
		if err != nil {
			t.Fatal(err)
		}
		return saved
	}
	annaOpen, annaPrivate := note(c.anna, 2, false), note(c.anna, 3, true)
	benOpen, benPrivate := note(c.ben, 4, false), note(c.ben, 5, true)
	if !strings.HasPrefix(annaOpen.Author, "anna_") || !strings.HasPrefix(benPrivate.Author, "ben_") {
		t.Errorf("authors %q %q, want the roles", annaOpen.Author, benPrivate.Author)
	}
	seen := func(s *sqlstore.Store) map[int64]bool {
		history, err := s.ClientHistory(ctx, client.ID, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		out := map[int64]bool{}
		for _, h := range history {
			out[h.ID] = true
		}
		return out
	}
	// each therapist sees the other's notes, not the other's private ones
	if got := seen(c.anna); !got[annaOpen.ID] || !got[annaPrivate.ID] || !got[benOpen.ID] || got[benPrivate.ID] {
		t.Errorf("anna sees %v", got)
	}
	if got := seen(c.ben); !got[annaOpen.ID] || got[annaPrivate.ID] || !got[benOpen.ID] || !got[benPrivate.ID] {
		t.Errorf("ben sees %v", got)
	}
	// not even by asking for it, nor by writing over it
	if _, err := c.ben.Session(ctx, annaPrivate.ID); err == nil {
		t.Error("ben read anna's private note by its number")
	}
	changed := annaPrivate
	changed.Notes.Subjective = "overwritten by ben"
	if _, err := c.ben.Save(ctx, sqlstore.SaveRequest{Session: changed}); err == nil {
		t.Error("ben overwrote anna's private note")
	}
	// the audit actor is the role
	log, err := c.anna.AuditLog(ctx, store.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if last := log[len(log)-1]; !strings.HasPrefix(last.Actor, "ben_") {
		t.Errorf("the last entry's actor is %q, want ben's role", last.Actor)
	}
	// the front desk reads names and phone numbers, no notes, no history
	var phone string
	if err := c.frontDesk.QueryRow(`SELECT phone FROM clients WHERE id = $1`, client.ID).Scan(&phone); err != nil || phone == "" {
		t.Errorf("front desk reads the phone: %q %v", phone, err)
	}
	for _, q := range []string{`SELECT COUNT(*) FROM sessions`, `SELECT medical_history FROM clients`, `SELECT COUNT(*) FROM audit_log`} {
		if _, err := c.frontDesk.Exec(q); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("front desk: %s: %v, want permission denied", q, err)
		}
	}
	// and its store answers the desk's clinical questions with nothing,
	// rather than with the server's refusal, as its list shows contacts
	desk := testkit.OpenStoreAt(t, c.frontDeskDSN)
	if n, err := desk.UnsignedCount(ctx); err != nil || n != 0 {
		t.Errorf("front desk's notes to sign: %d, %v", n, err)
	}
	if due, err := desk.ReassessmentDue(ctx); err != nil || len(due) != 0 {
		t.Errorf("front desk's re-assessments due: %v, %v", due, err)
	}
	// the auditor reads every note, private ones too, and the history, and writes nothing
	var notes, entries int
	if err := c.auditor.QueryRow(`SELECT (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM audit_log)`).Scan(&notes, &entries); err != nil || notes != 4 || entries == 0 {
		t.Errorf("auditor sees %d notes, %d entries (%v), want 4 and the log", notes, entries, err)
	}
	for _, q := range []string{`UPDATE clients SET phone = ''`, `INSERT INTO terms (kind, name, name_key) VALUES ('muscle', 'x', 'x')`, `DELETE FROM sessions`} {
		if _, err := c.auditor.Exec(q); err == nil {
			t.Errorf("auditor: %s was allowed", q)
		}
	}
}
