package sqlstore_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"

	_ "modernc.org/sqlite"
)

const therapist = "Anna Keller, LMT"

// aDraft records a client with one draft note.
func aDraft(t *testing.T, s *sqlstore.Store) (store.Client, store.Session) {
	t.Helper()
	c := testkit.MustClient(t, s, "Marta", "Nowak")
	sess, err := s.Save(context.Background(), sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, DurationMin: 60,
		Start: time.Date(2026, 11, 20, 10, 0, 0, 0, time.Local), PainBefore: store.PainOf(7), PainAfter: store.PainOf(4),
		Notes: store.SOAP{Subjective: "Sore after lifting boxes", Plan: "Weekly"}}})
	if err != nil {
		t.Fatal(err)
	}
	return c, sess
}

func TestASignedNoteIsReadOnlyAndChangesOnlyByAmendment(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	_, draft := aDraft(t, s)
	if !draft.Draft() {
		t.Fatalf("a new note is %+v, want a draft", draft)
	}
	// Signing names the therapist and the time
	signed, err := s.SignSession(ctx, draft.ID, therapist)
	if err != nil || signed.SignedBy != therapist || !signed.SignedAt.Equal(fixedNow) || !signed.Locked() {
		t.Fatalf("signed: %+v, %v", signed, err)
	}
	// A signed note is not saved over, nor deleted
	edit := signed
	edit.Notes.Plan = "Every two weeks"
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: edit}); !errors.Is(err, store.ErrLocked) {
		t.Errorf("saving over a signed note: %v, want ErrLocked", err)
	}
	if err := s.DeleteSession(ctx, signed.ID); !errors.Is(err, store.ErrLocked) {
		t.Errorf("deleting a signed note: %v, want ErrLocked", err)
	}
	// An amendment changes it, keeps the original, and says why
	amended, err := s.Save(ctx, sqlstore.SaveRequest{Session: edit, Amend: true, Reason: "Plan agreed with the client by phone", By: therapist})
	if err != nil {
		t.Fatal(err)
	}
	last, ok := amended.LastAmendment()
	if !ok || amended.Notes.Plan != "Every two weeks" || last.Reason != "Plan agreed with the client by phone" ||
		strings.Join(last.Changed, ",") != "Plan" || last.By != therapist {
		t.Errorf("amended: %+v", amended)
	}
	if orig := amended.Original(); orig.Notes.Plan != "Weekly" || orig.Notes.Subjective != "Sore after lifting boxes" {
		t.Errorf("the original reads %+v", orig.Notes)
	}
	again, err := s.Session(ctx, amended.ID)
	if err != nil || len(again.Amendments) != 1 || again.Original().Notes.Plan != "Weekly" {
		t.Errorf("read back: %+v, %v", again, err)
	}
}

func TestSigningAmendingAndVoidingSayWhatIsMissing(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	_, draft := aDraft(t, s)
	if _, err := s.SignSession(ctx, draft.ID, " "); fieldOf(err) != "therapist" {
		t.Errorf("signing without a name: %v", err)
	}
	signed, err := s.SignSession(ctx, draft.ID, therapist)
	if err != nil {
		t.Fatal(err)
	}
	edit := signed
	edit.DurationMin = 45
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: edit, Amend: true, Reason: "", By: therapist}); fieldOf(err) != "reason" {
		t.Errorf("amending without a reason: %v", err)
	}
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: signed, Amend: true, Reason: "no change", By: therapist}); fieldOf(err) != "note" {
		t.Errorf("amending nothing: %v", err)
	}
	if _, err := s.VoidSession(ctx, signed.ID, "  ", therapist); fieldOf(err) != "reason" {
		t.Errorf("voiding without a reason: %v", err)
	}
	// nothing was half-written
	if got, _ := s.Session(ctx, signed.ID); got.DurationMin != 60 || len(got.Amendments) != 0 || got.Voided() {
		t.Errorf("after the refusals the note is %+v", got)
	}
}

func fieldOf(err error) string {
	var ve *store.ValidationError
	if errors.As(err, &ve) && len(ve.Problems) > 0 {
		return ve.Problems[0].Field
	}
	return ""
}

func TestAVoidedNoteLeavesTheFiguresAndStaysInTheHistory(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c, first := aDraft(t, s)
	wrong, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, DurationMin: 30,
		Start: time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local), PainBefore: store.PainOf(9)}, Sign: true, By: therapist})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.VoidSession(ctx, wrong.ID, "Recorded on the wrong client", therapist); err != nil {
		t.Fatal(err)
	}
	rec, err := s.ClientRecord(ctx, c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Sessions) != 1 || len(rec.Trend) != 1 || rec.Trend[0].SessionID != first.ID {
		t.Errorf("figures: %d sessions, trend %+v; want only the first visit", len(rec.Sessions), rec.Trend)
	}
	if len(rec.Voided) != 1 || rec.Voided[0].VoidReason != "Recorded on the wrong client" {
		t.Errorf("voided: %+v", rec.Voided)
	}
	last, err := s.LastSession(ctx, c.ID)
	if err != nil || last.ID != first.ID {
		t.Errorf("last visit: %+v, %v", last, err)
	}
	list, _ := s.SearchClients(ctx, store.ClientQuery{})
	if len(list) != 1 || list[0].SessionCount != 1 || !list[0].LastVisit.Equal(first.Start) {
		t.Errorf("list row: %+v", list)
	}
}

func TestUnsignedNotesAreListedOldestFirst(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c, newer := aDraft(t, s)
	older, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, DurationMin: 60, Start: time.Date(2026, 11, 2, 9, 0, 0, 0, time.Local)}})
	if err != nil {
		t.Fatal(err)
	}
	signed, _ := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, DurationMin: 60, Start: time.Date(2026, 11, 10, 9, 0, 0, 0, time.Local)}, Sign: true, By: therapist})
	got, err := s.UnsignedNotes(ctx)
	if err != nil || len(got) != 2 || got[0].ID != older.ID || got[1].ID != newer.ID {
		t.Errorf("unsigned: %+v, %v (signed %d)", got, err, signed.ID)
	}
}

func TestTheRecordProvesNothingWasChangedOutsideBacktrack(t *testing.T) {
	testkit.SQLiteOnly(t)
	s := testkit.OpenStore(t, fixedNow)
	testkit.RichRecords(t, s)
	if problems, err := s.VerifyRecord(context.Background()); err != nil || len(problems) > 0 {
		t.Fatalf("a record Backtrack wrote: %v, %v", problems, err)
	}
	path := s.Path()
	s.Close()

	cases := []struct {
		name, sql, want string
	}{
		{"a signed note's text", `UPDATE sessions SET subjective = 'Nothing hurt' WHERE signed_at <> '' AND voided_at = ''`,
			"does not match its seal"},
		{"a draft's pain", `UPDATE sessions SET pain_before = 1 WHERE signed_at = '' AND legacy = 0 AND pain_before = 4`,
			"was changed outside Backtrack"},
		{"a client's phone", `UPDATE clients SET phone = '000' WHERE first_name = 'Lena'`,
			"client Lena Fischer"},
		{"a session inserted directly", `INSERT INTO sessions (client_id, started_at, duration_min, created_at, updated_at, uid)
			SELECT id, '2026-11-01 10:00', 60, '2026-11-01 10:00:00', '2026-11-01 10:00:00', 'f0000000-0000-4000-8000-000000000000'
			FROM clients LIMIT 1`, "was added outside Backtrack"},
		{"an ODI section's score", `UPDATE measures SET items = replace(items, '"score":4', '"score":0') WHERE kind = 'odi'`,
			"the ODI of Marta Nowak-Świątek on 2026-10-01"},
		{"a measure deleted", `DELETE FROM measures WHERE kind = 'psfs'`, "the outcome measure"},
		{"a measure added directly", `INSERT INTO measures (uid, client_id, kind, taken_on, items, created_at, updated_at)
			SELECT 'f0000000-0000-4000-8000-0000000000aa', id, 'rmdq', '2026-10-09', '[]', '', '' FROM clients WHERE first_name = 'Marta'`,
			"the RMDQ of Marta Nowak-Świątek on 2026-10-09 (f0000000-0000-4000-8000-0000000000aa) was added outside Backtrack"},
		{"a consent's areas", `UPDATE clients SET consents = replace(consents, '"chest"', '"face"') WHERE consents <> ''`,
			"client Marta Nowak-Świątek"},
		{"a red flag's answer", `UPDATE clients SET red_flags = replace(red_flags, 'wakes at 3 am', 'sleeps well') WHERE red_flags <> ''`,
			"client Marta Nowak-Świątek"},
		{"a plan's goal", `UPDATE plans SET goals = replace(goals, 'partly', 'met')`,
			"the treatment plan of Marta Nowak-Świątek"},
		{"a log entry changed", `DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'Someone else' WHERE seq = 3`,
			"entry 3"},
		{"a log entry deleted", `DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 4`,
			"entries 4 to 4 are missing"},
		{"a signed note deleted", `DROP TRIGGER signed_sessions_are_kept; DROP TRIGGER session_amendments_no_delete; DELETE FROM session_tags WHERE session_id IN (SELECT id FROM sessions WHERE signed_at <> '' AND voided_at = '');
			DELETE FROM session_amendments; DELETE FROM sessions WHERE signed_at <> '' AND voided_at = ''`,
			"was deleted outside Backtrack"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			problems := problemsAfter(t, path, c.sql)
			if !strings.Contains(problems, c.want) {
				t.Errorf("problems after %s:\n%s\nwant one saying %q", c.name, problems, c.want)
			}
		})
	}
}

func TestTheDatabaseRefusesToRewriteTheLogOrDeleteASignedNote(t *testing.T) {
	testkit.SQLiteOnly(t)
	s := testkit.OpenStore(t, fixedNow)
	testkit.RichRecords(t, s)
	path := s.Path()
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, stmt := range []string{`UPDATE audit_log SET detail = 'x'`, `DELETE FROM audit_log`,
		`DELETE FROM sessions WHERE signed_at <> ''`,
		// a signature, a void and an amendment stay as written
		`UPDATE sessions SET signed_at = '' WHERE signed_at <> ''`, `UPDATE sessions SET signed_by = 'Ben Otto' WHERE signed_at <> ''`,
		`UPDATE sessions SET voided_at = '' WHERE voided_at <> ''`, `UPDATE sessions SET void_reason = 'x' WHERE voided_at <> ''`,
		`UPDATE session_amendments SET reason = 'x'`, `DELETE FROM session_amendments`} {
		if _, err := db.Exec(stmt); err == nil {
			t.Errorf("%s was allowed", stmt)
		}
	}
}

func TestNotesWrittenBeforeSigningExistedAreKeptAndMarked(t *testing.T) {
	testkit.SQLiteOnly(t)
	// Given a database of the version before signed notes, with a client
	// and a session
	path := schemaV2Database(t,
		`INSERT INTO clients (id, uid, first_name, last_name, created_at, updated_at) VALUES
			(1, '11111111-1111-4111-8111-111111111111', 'Marta', 'Nowak', '2025-01-02 10:00:00', '2025-01-02 10:00:00')`,
		`INSERT INTO sessions (id, uid, client_id, started_at, duration_min, pain_before, subjective, created_at, updated_at) VALUES
			(1, '22222222-2222-4222-8222-222222222222', 1, '2025-01-02 10:00', 60, 6, 'First visit', '2025-01-02 10:00:00', '2025-01-02 10:00:00')`)

	// When this Backtrack opens it
	s := testkit.OpenStoreAt(t, path, fixedNow)
	ctx := context.Background()

	// Then the note is kept, marked as written before signing existed, and
	// locked like a signed one
	sess, err := s.Session(ctx, 1)
	if err != nil || !sess.Legacy || sess.Signed() || !sess.Locked() || sess.Notes.Subjective != "First visit" {
		t.Fatalf("the old note: %+v, %v", sess, err)
	}
	// and the record's history starts here, covering both records
	log, err := s.AuditLog(ctx, store.AuditQuery{})
	if err != nil || len(log) != 3 || log[0].Action != store.LogStarted || log[1].Record != "11111111-1111-4111-8111-111111111111" ||
		log[2].Record != "22222222-2222-4222-8222-222222222222" {
		t.Fatalf("history: %+v, %v", log, err)
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("verify after the migration: %v, %v", problems, err)
	}
}
