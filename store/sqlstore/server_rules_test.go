package sqlstore_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// asLogin is a raw connection as a clinic login: what psql gives them.
func asLogin(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// annasSignedNote is a note of Anna's, with tags and body marks, signed
// and amended once.
func annasSignedNote(t *testing.T, c clinic, private bool, reason string) (store.Client, store.Session) {
	t.Helper()
	ctx := context.Background()
	client, err := c.anna.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak"})
	if err != nil {
		t.Fatal(err)
	}
	term := func(k store.Kind, name string) int64 {
		found, err := c.anna.TermNamed(ctx, k, name)
		if err != nil {
			t.Fatal(err)
		}
		return found.ID
	}
	note, err := c.anna.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: client.ID, DurationMin: 60, Private: private,
		Start: time.Date(2026, 11, 2, 10, 0, 0, 0, time.Local), PainBefore: store.PainOf(6),
		PainTypes:  []store.Tag{{TermID: term(store.PainType, "Dull ache")}},
		Techniques: []store.Tag{{TermID: term(store.Technique, "Massage")}},
		BodyMap:    []store.BodyMark{{Region: "lumbar-l", Intensity: store.PainOf(5)}},
		Notes:      store.SOAP{Subjective: "Low back pain after lifting", Plan: "Weekly"}}, Sign: true, By: therapist})
	if err != nil {
		t.Fatal(err)
	}
	changed := note
	changed.Notes.Plan = "Every 2 weeks"
	amended, err := c.anna.Save(ctx, sqlstore.SaveRequest{Session: changed, Amend: true, Reason: reason, By: therapist})
	if err != nil {
		t.Fatal(err)
	}
	return client, amended
}

// Logged in as a therapist in psql, nothing the desk refuses gets through:
// a colleague's signed note, its tags, marks and amendments stay as they
// are, and the history takes no entry the server did not write.
func TestTheServerRefusesWhatTheDeskRefuses(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	c := openClinic(t)
	client, note := annasSignedNote(t, c, false, "Plan changed after the call")
	other, err := c.anna.CreateClient(ctx, store.Client{FirstName: "Jonas", LastName: "Berg"})
	if err != nil {
		t.Fatal(err)
	}
	admin := testkit.OpenStoreAt(t, adminDSN(c))
	before, err := admin.AuditLog(ctx, store.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	ben := asLogin(t, c.benDSN)
	last := before[len(before)-1]
	forged := store.AuditEntry{Seq: last.Seq + 1, Prev: last.Hash, At: last.At.Add(time.Minute), Actor: note.Author,
		Action: store.SessionDiscarded, Record: note.UID, Client: client.UID, Detail: "Draft of 2026-11-02 10:00"}
	forged.Hash = forged.Seal()
	id := `(SELECT id FROM sessions WHERE uid = '` + note.UID + `')`
	attacks := []struct {
		name  string
		stmts []string
	}{
		{"its text rewritten", []string{`UPDATE sessions SET subjective = 'Nothing hurt' WHERE id = ` + id}},
		{"its signature cleared", []string{`UPDATE sessions SET signed_at = '' WHERE id = ` + id}},
		{"its signer changed", []string{`UPDATE sessions SET signed_by = 'Ben Otto, LMT' WHERE id = ` + id}},
		{"moved to another client", []string{`UPDATE sessions SET client_id = ` + sqlValues(other.ID) + ` WHERE id = ` + id}},
		{"its seal changed", []string{`UPDATE sessions SET content_hash = 'x' WHERE id = ` + id}},
		{"voided without a reason", []string{`UPDATE sessions SET voided_at = '2026-11-20 10:00:00' WHERE id = ` + id}},
		{"its tags deleted", []string{`DELETE FROM session_tags WHERE session_id = ` + id}},
		{"a tag added", []string{`INSERT INTO session_tags (session_id, term_id) SELECT ` + id + `, id FROM terms WHERE name = 'Heat'`}},
		{"its marks deleted", []string{`DELETE FROM session_regions WHERE session_id = ` + id}},
		{"an exercise added", []string{`INSERT INTO session_exercises (session_id, position, exercise) SELECT ` + id + `, 7, 'bird-dog'`}},
		{"adherence added", []string{`INSERT INTO session_adherence (session_id, level) SELECT ` + id + `, 'all'`}},
		{"its amendments deleted", []string{`DELETE FROM session_amendments WHERE session_id = ` + id}},
		{"its amendment rewritten", []string{`UPDATE session_amendments SET reason = 'x' WHERE session_id = ` + id}},
		{"rewritten behind an amendment that does not keep the text", []string{
			`INSERT INTO session_amendments (session_id, amended_at, amended_by, reason, changed, previous)
				SELECT ` + id + `, '2026-11-20 10:00:00', 'Ben Otto', 'tidy', 'Subjective', '{}'`,
			`UPDATE sessions SET subjective = 'Nothing hurt' WHERE id = ` + id}},
		{"unsigned, then deleted", []string{`UPDATE sessions SET signed_at = '', signed_by = '' WHERE id = ` + id,
			`DELETE FROM session_tags WHERE session_id = ` + id, `DELETE FROM sessions WHERE id = ` + id}},
		{"deleted", []string{`DELETE FROM sessions WHERE id = ` + id}},
		{"an entry in Anna's name, correctly chained and sealed", []string{`INSERT INTO audit_log
			(seq, at, actor, action, record, client, detail, content, origin, prev, hash) VALUES (` +
			sqlValues(forged.Seq, forged.At.Format(store.StampLayout), forged.Actor, string(forged.Action), forged.Record,
				forged.Client, forged.Detail, forged.Content, forged.Origin, forged.Prev, forged.Hash) + `)`}},
		{"an entry changed", []string{`UPDATE audit_log SET detail = 'x' WHERE seq = 2`}},
		{"an entry deleted", []string{`DELETE FROM audit_log WHERE seq = ` + sqlValues(last.Seq)}},
	}
	for _, a := range attacks {
		tx, err := ben.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		var refused error
		for _, stmt := range a.stmts {
			if _, refused = tx.ExecContext(ctx, stmt); refused != nil {
				break
			}
		}
		if refused == nil {
			refused = tx.Commit()
		}
		tx.Rollback()
		if refused == nil {
			t.Errorf("ben, in psql, on Anna's signed note: %s was allowed", a.name)
		}
	}
	// the one way in names the login, whatever it says
	var actor string
	if err := ben.QueryRowContext(ctx, `SELECT actor FROM backtrack_append_log($1, $2, 'report.printed', '', '', '', '', '')`,
		forged.At.Format(store.StampLayout), note.Author).Scan(&actor); err != nil || !strings.HasPrefix(actor, "ben_") {
		t.Errorf("an entry ben wrote naming Anna is by %q (%v), want ben's role", actor, err)
	}
	after, err := c.anna.Session(ctx, note.ID)
	if err != nil || after.Notes.Subjective != note.Notes.Subjective || after.SignedBy != therapist ||
		len(after.PainTypes) != 1 || len(after.BodyMap) != 1 || len(after.Amendments) != 1 {
		t.Errorf("Anna's note after ben's attempts: %+v, %v", after, err)
	}
	if problems, err := admin.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("the admin's check: %v, %v", problems, err)
	}
}

// adminDSN is the clinic database as its owner (clinic init's admin).
func adminDSN(c clinic) string {
	at := strings.Index(c.annaDSN, "@")
	return "postgres://backtrack" + c.annaDSN[at:]
}

// sqlValues writes values as SQL literals, for a statement typed in psql.
func sqlValues(values ...any) string {
	var out []string
	for _, v := range values {
		switch v := v.(type) {
		case string:
			out = append(out, "'"+strings.ReplaceAll(v, "'", "''")+"'")
		default:
			raw, _ := json.Marshal(v)
			out = append(out, string(raw))
		}
	}
	return strings.Join(out, ", ")
}

// On a server an amendment and a void name the login role, the name from
// Settings beside it: a therapist who has a colleague's name in Settings
// does not act as them.
func TestAmendAndVoidOnTheServerNameTheRole(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	c := openClinic(t)
	client, err := c.anna.CreateClient(ctx, store.Client{FirstName: "Lena", LastName: "Fischer"})
	if err != nil {
		t.Fatal(err)
	}
	const colleague = "Ben Otto, LMT"
	note, err := c.anna.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: client.ID, DurationMin: 45,
		Start: time.Date(2026, 11, 3, 9, 0, 0, 0, time.Local), Notes: store.SOAP{Plan: "Weekly"}}, Sign: true, By: therapist})
	if err != nil {
		t.Fatal(err)
	}
	role := note.Author
	changed := note
	changed.Notes.Plan = "Fortnightly"
	amended, err := c.anna.Save(ctx, sqlstore.SaveRequest{Session: changed, Amend: true, Reason: "Plan agreed by phone", By: colleague})
	if err != nil {
		t.Fatal(err)
	}
	if by := amended.Amendments[0].By; by != role+" ("+colleague+")" {
		t.Errorf("amended by %q, want %q", by, role+" ("+colleague+")")
	}
	voided, err := c.anna.VoidSession(ctx, note.ID, "Recorded on the wrong client", colleague)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := c.anna.Session(ctx, note.ID); err != nil || voided.VoidedBy != role+" ("+colleague+")" || again.VoidedBy != voided.VoidedBy {
		t.Errorf("voided by %q (kept %q, %v), want %q", voided.VoidedBy, again.VoidedBy, err, role+" ("+colleague+")")
	}
	log, err := c.anna.AuditLog(ctx, store.AuditQuery{ClientUID: client.UID})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		if e.Actor != role {
			t.Errorf("%s by %q, want Anna's role %q", e.Action, e.Actor, role)
		}
	}
	for _, s := range []*sqlstore.Store{c.anna, testkit.OpenStoreAt(t, adminDSN(c))} {
		if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
			t.Errorf("check after the amendment and the void: %v, %v", problems, err)
		}
	}
}

// A private note's history is its author's and the auditors': a colleague
// reads no entry about it, in the history, an export or psql.
func TestAPrivateNotesHistoryStaysWithItsAuthor(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	c := openClinic(t)
	const secret = "she spoke of her divorce"
	_, note := annasSignedNote(t, c, true, "Plan changed: "+secret)
	if _, err := c.anna.VoidSession(ctx, note.ID, "Void: "+secret, therapist); err != nil {
		t.Fatal(err)
	}
	// a private draft discarded keeps its history private too
	draft, err := c.anna.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: note.ClientID, DurationMin: 30, Private: true,
		Start: time.Date(2026, 11, 9, 10, 0, 0, 0, time.Local), Notes: store.SOAP{Subjective: secret}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.anna.DeleteSession(ctx, draft.ID); err != nil {
		t.Fatal(err)
	}
	about := func(log []store.AuditEntry) (n int) {
		for _, e := range log {
			if e.Record == note.UID || e.Record == draft.UID || strings.Contains(e.Detail, secret) {
				n++
			}
		}
		return n
	}
	if log, err := c.anna.AuditLog(ctx, store.AuditQuery{}); err != nil || about(log) < 4 {
		t.Errorf("Anna reads %d entries about her note (%v), want its history", about(log), err)
	}
	if log, err := c.ben.AuditLog(ctx, store.AuditQuery{}); err != nil || about(log) != 0 {
		t.Errorf("ben reads %d entries about Anna's private note (%v), want none", about(log), err)
	}
	var exported bytes.Buffer
	if err := interchange.WriteJSON(ctx, c.ben, &exported); err != nil {
		t.Fatal(err)
	}
	if raw := exported.Bytes(); bytes.Contains(raw, []byte(secret)) || bytes.Contains(raw, []byte(note.UID)) ||
		bytes.Contains(raw, []byte(draft.UID)) {
		t.Error("ben's export holds Anna's private note's history")
	}
	var leaked int
	if err := asLogin(t, c.benDSN).QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%divorce%' OR record IN ($1, $2)`,
		note.UID, draft.UID).Scan(&leaked); err != nil || leaked != 0 {
		t.Errorf("ben in psql reads %d entries about Anna's private note (%v)", leaked, err)
	}
	var audited int
	if err := c.auditor.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE record = $1`, note.UID).Scan(&audited); err != nil || audited < 4 {
		t.Errorf("the auditor reads %d entries about the note (%v), want its history", audited, err)
	}
}

// A therapist's check (and the desk's daily one) on a practice where a
// colleague keeps private notes says ok, names what it could not read, and
// still finds a change to an entry it may not read.
func TestATherapistsCheckBesideAColleaguesPrivateNotes(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	c := openClinic(t)
	client, note := annasSignedNote(t, c, true, "Plan changed after the call")
	if _, err := c.anna.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: client.ID, DurationMin: 30, Private: true,
		Start: time.Date(2026, 11, 4, 10, 0, 0, 0, time.Local), Notes: store.SOAP{Subjective: "a private draft"}}}); err != nil {
		t.Fatal(err)
	}
	discarded, err := c.anna.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: client.ID, DurationMin: 30, Private: true,
		Start: time.Date(2026, 11, 5, 10, 0, 0, 0, time.Local)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.anna.DeleteSession(ctx, discarded.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ben.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: client.ID, DurationMin: 30,
		Start: time.Date(2026, 11, 6, 10, 0, 0, 0, time.Local), Notes: store.SOAP{Subjective: "ben's"}}, Sign: true, By: "Ben Otto, LMT"}); err != nil {
		t.Fatal(err)
	}
	check := func(who, dsn string, unread bool) {
		t.Helper()
		s, err := sqlstore.OpenReadOnly(ctx, dsn) // as backtrack check opens it
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		v, err := s.Verify(ctx)
		if err != nil || len(v.Problems) > 0 {
			t.Errorf("%s's check: %v, %v", who, v.Problems, err)
		}
		if unread != strings.HasPrefix(v.Unread, "2 notes private to colleagues") {
			t.Errorf("%s's check says of what it could not read: %q", who, v.Unread)
		}
	}
	check("ben", c.benDSN, true)
	check("anna", c.annaDSN, false)
	check("the auditor", c.auditorDSN, false)
	check("the admin", adminDSN(c), false)
	if problems, err := c.ben.VerifyRecord(ctx); err != nil || len(problems) > 0 { // the desk's daily check
		t.Errorf("ben's desk's check: %v, %v", problems, err)
	}
	// an entry ben may not read, changed behind the server's back, is
	// still found, by its number only
	server := asLogin(t, adminDSN(c))
	var seq int64
	if err := server.QueryRowContext(ctx, `SELECT MIN(seq) FROM audit_log WHERE record = $1`, note.UID).Scan(&seq); err != nil {
		t.Fatal(err)
	}
	if _, err := server.ExecContext(ctx, `ALTER TABLE audit_log DISABLE TRIGGER USER;
		UPDATE audit_log SET detail = 'rewritten' WHERE seq = `+sqlValues(seq)+`;
		ALTER TABLE audit_log ENABLE TRIGGER USER`); err != nil {
		t.Fatal(err)
	}
	problems, err := c.ben.VerifyRecord(ctx)
	if err != nil || len(problems) != 1 || problems[0] != "audit log: entry "+sqlValues(seq)+" was changed outside Backtrack" {
		t.Errorf("ben's check after a hidden entry was changed: %q, %v", problems, err)
	}
}

// The server seals an entry byte for byte as store.AuditEntry.Seal does,
// whatever its fields hold, so the check verifies what the server wrote.
func TestTheServerSealsAsBacktrackDoes(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	c := openClinic(t)
	db := asLogin(t, c.annaDSN)
	at := time.Date(2026, 3, 29, 2, 30, 5, 0, time.Local)
	for _, e := range []store.AuditEntry{
		{Seq: 1, At: at, Actor: "anna", Action: store.LogStarted},
		{Seq: 42, Prev: strings.Repeat("ab", 32), At: at, Actor: "Zoë Ångström, LMT", Action: store.SessionAmended,
			Record: store.NewUID(), Client: store.NewUID(), Detail: "Grund: «Schmerz» 😣\nzweite Zeile\t'quoted' \"too\" \\ %_",
			Content: "note/2:" + strings.Repeat("0", 64), Origin: strings.Repeat("f", 64)},
		{Seq: 1 << 40, At: at, Actor: "a\x1fb", Action: "x", Detail: "\x1e\x1f\r\n"},
	} {
		var got string
		if err := db.QueryRowContext(ctx, `SELECT backtrack_audit_seal($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			e.Prev, e.Seq, e.At.Format(store.StampLayout), e.Actor, string(e.Action), e.Record, e.Client, e.Detail,
			e.Content, e.Origin).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if want := e.Seal(); got != want {
			t.Errorf("the server seals entry %d as %s, Backtrack as %s", e.Seq, got, want)
		}
	}
}

// Everything a therapist does at the desk (notes signed, amended with
// their tags and marks, voided; an import of signed history) the server's
// rules let through, and the record checks.
func TestATherapistKeepsTheWholeRecordOnTheServer(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	c := openClinic(t)
	testkit.RichRecords(t, c.anna)
	file := testkit.OpenStoreAt(t, filepath.Join(t.TempDir(), "practice.db"), fixedNow)
	testkit.RichRecords(t, file)
	data, err := json.Marshal(testkit.ExportOf(t, file))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := interchange.ImportJSON(ctx, c.ben, bytes.NewReader(data), interchange.ImportOptions{Source: "practice.json"}); err != nil {
		t.Fatalf("ben imports a practice with signed, amended and voided notes: %v", err)
	}
	for who, s := range map[string]*sqlstore.Store{"anna": c.anna, "ben": c.ben, "the admin": testkit.OpenStoreAt(t, adminDSN(c))} {
		if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
			t.Errorf("%s's check: %v, %v", who, problems, err)
		}
	}
}
