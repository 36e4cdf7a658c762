package sqlstore_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func TestABadIntakeSavesNothingAndNamesEachField(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c, err := s.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak", DateOfBirth: time.Date(1975, 5, 2, 0, 0, 0, 0, time.Local)})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.AuditLog(ctx, store.AuditQuery{})
	// Given a good intake with a screen whose referral has no date
	in := store.Intake{Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.Local), Reason: "Back pain"}
	screen := store.RedFlagScreen{On: in.Date, Answers: map[store.RedFlag]store.Answer{store.Fever: store.Yes("")},
		ReferredTo: "Dr Weber"}
	err = s.SaveIntake(ctx, c.ID, in, store.TypedAlerts{Contraindications: "no deep pressure"}, &screen)
	var ve *store.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.For("referral_date"), "needs its date") {
		t.Fatalf("save: %v", err)
	}
	// Then neither the intake nor the contraindication nor the screen is kept
	h, _ := s.Health(ctx, c.ID)
	got, _ := s.Client(ctx, c.ID)
	after, _ := s.AuditLog(ctx, store.AuditQuery{})
	if h.Intake.OnFile() || len(h.Screens) > 0 || got.Contraindications != "" || len(after) != len(before) {
		t.Errorf("half saved: %+v, %q, %d log entries (was %d)", h, got.Contraindications, len(after), len(before))
	}
	// And a consent before birth, or withdrawn before it was given, is refused whole
	for _, bad := range []store.Consent{
		{On: time.Date(1970, 1, 1, 0, 0, 0, 0, time.Local), How: store.ConsentWritten},
		{On: time.Date(2026, 5, 1, 0, 0, 0, 0, time.Local), How: store.ConsentWritten, WithdrawnOn: time.Date(2026, 4, 1, 0, 0, 0, 0, time.Local)},
	} {
		if _, err := s.SaveConsent(ctx, c.ID, bad); !errors.As(err, &ve) {
			t.Errorf("consent %+v saved: %v", bad, err)
		}
	}
	if h, _ := s.Health(ctx, c.ID); len(h.Consents) > 0 {
		t.Errorf("a bad consent was kept: %+v", h.Consents)
	}
}

func TestEveryHealthChangeIsInTheRecordsHistoryAndVerified(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	testkit.RichRecords(t, s)
	log, err := s.AuditLog(ctx, store.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range log {
		switch e.Action {
		case store.IntakeSaved, store.ScreenRecorded, store.ConsentRecorded:
			actions = append(actions, string(e.Action)+": "+e.Detail)
		}
	}
	joined := strings.Join(actions, "\n")
	for _, want := range []string{"intake.saved: Intake of 2026-09-30; Red-flag screen of 2026-09-30: yes to constant night pain (wakes at 3 am); referred to Dr Weber, GP on 2026-10-01",
		"red_flags.screened: Red-flag screen of 2026-11-20: yes to fever", "consent.recorded: Written consent of 2026-09-30"} {
		if !strings.Contains(joined, want) {
			t.Errorf("history lacks %q:\n%s", want, joined)
		}
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("verify: %v %v", problems, err)
	}
	// (a change made outside Backtrack is among the cases of
	// TestTheRecordProvesNothingWasChangedOutsideBacktrack)
}

func TestTheListMarksTheHighestAlertAndMissingConsent(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	mk := func(c store.Client) store.Client {
		c, err := s.CreateClient(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	red := mk(store.Client{FirstName: "A", LastName: "Red", Contraindications: "No deep pressure"})
	amber := mk(store.Client{FirstName: "B", LastName: "Amber", Medications: "Warfarin"})
	refer := mk(store.Client{FirstName: "C", LastName: "Refer"})
	if _, err := s.SaveScreen(ctx, refer.ID, store.RedFlagScreen{On: fixedNow,
		Answers: map[store.RedFlag]store.Answer{store.BladderBowel: store.Yes("new incontinence")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveConsent(ctx, amber.ID, store.Consent{On: fixedNow, How: store.ConsentVerbal, Areas: store.GeneralAreas}); err != nil {
		t.Fatal(err)
	}
	rows, err := s.SearchClients(ctx, store.ClientQuery{Order: store.ByName})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]store.ClientSummary{}
	for _, r := range rows {
		got[r.LastName] = r
	}
	if got["Red"].Alert != store.Red || got["Amber"].Alert != store.Amber || got["Refer"].Alert != store.ReferFirst {
		t.Errorf("marks: red %v, amber %v, refer %v", got["Red"].Alert, got["Amber"].Alert, got["Refer"].Alert)
	}
	if got["Red"].ConsentOnFile || !got["Amber"].ConsentOnFile {
		t.Errorf("consent on file: red %v, amber %v", got["Red"].ConsentOnFile, got["Amber"].ConsentOnFile)
	}
	_ = red
}

func TestASessionWithoutConsentKeepsTheTherapistsAnswer(t *testing.T) {
	ctx := context.Background()
	s, c, sess := gluteusSessionWithoutConsent(t)
	missing := store.MissingConsent(nil, sess.Muscles, sess.Start)
	saved, err := s.Save(ctx, sqlstore.SaveRequest{Session: sess, Consent: store.ConsentCheck{Missing: missing, Answer: store.ConsentGivenNow}})
	if err != nil {
		t.Fatal(err)
	}
	h, _ := s.Health(ctx, c.ID)
	if len(h.Consents) != 1 || h.Consents[0].How != store.ConsentVerbal || !store.ConsentedAreas(h.Consents, fixedNow)[store.AreaGluteal] {
		t.Fatalf("the verbal consent: %+v", h.Consents)
	}
	log, _ := s.AuditLog(ctx, store.AuditQuery{ClientUID: c.UID})
	last := log[len(log)-1]
	if last.Action != store.ConsentChecked || last.Record != saved.UID ||
		last.Detail != "No consent on file for Gluteal region (Gluteus medius): the client gave verbal consent at this visit, recorded with the note" {
		t.Errorf("the answer in the history: %+v", last)
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("verify: %v %v", problems, err)
	}
}

func TestOldFreeTextAlertsKeepTheirLevelThroughTheMigration(t *testing.T) {
	testkit.SQLiteOnly(t)
	// Given a database of version 3 with a client per free-text field
	path := filepath.Join(t.TempDir(), "v3.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"001_schema.sql", "002_record_uids.sql"} {
		body, err := os.ReadFile(filepath.Join("..", "sqlite", "migrations", file))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	for _, stmt := range []string{`PRAGMA user_version = 2`,
		`INSERT INTO clients (id, uid, first_name, last_name, contraindications, created_at, updated_at) VALUES
			(1, '11111111-1111-4111-8111-111111111111', 'A', 'Red', 'No deep pressure', '2025-01-02 10:00:00', '2025-01-02 10:00:00')`,
		`INSERT INTO clients (id, uid, first_name, last_name, medications, created_at, updated_at) VALUES
			(2, '21111111-1111-4111-8111-111111111111', 'B', 'Amber', 'Warfarin', '2025-01-02 10:00:00', '2025-01-02 10:00:00')`,
		`INSERT INTO clients (id, uid, first_name, last_name, medical_history, created_at, updated_at) VALUES
			(3, '31111111-1111-4111-8111-111111111111', 'C', 'Plain', 'Appendectomy', '2025-01-02 10:00:00', '2025-01-02 10:00:00')`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	db.Close()
	// When this Backtrack opens it
	s := testkit.OpenStoreAt(t, path, fixedNow)
	ctx := context.Background()
	rows, err := s.SearchClients(ctx, store.ClientQuery{Order: store.ByName})
	if err != nil || len(rows) != 3 {
		t.Fatal(rows, err)
	}
	// Then each keeps its text and its field's level, and the record verifies
	want := map[string]store.AlertLevel{"Red": store.Red, "Amber": store.Amber, "Plain": store.PlainHistory}
	for _, r := range rows {
		if r.Alert != want[r.LastName] {
			t.Errorf("%s: level %v", r.LastName, r.Alert)
		}
		c, _ := s.Client(ctx, r.ID)
		h, _ := s.Health(ctx, r.ID)
		if lvl := store.AlertLevelOf(c, h); lvl != want[r.LastName] || c.Contraindications+c.Medications+c.MedicalHistory == "" {
			t.Errorf("%s after the migration: %+v", r.LastName, c)
		}
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("verify: %v %v", problems, err)
	}
}
