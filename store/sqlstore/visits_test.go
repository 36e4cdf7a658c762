package sqlstore_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// rawDB opens the records under s directly, to change them as someone
// outside Backtrack would.
func rawDB(t *testing.T, s *sqlstore.Store) *sql.DB {
	t.Helper()
	driver := "sqlite"
	if s.OnServer() {
		driver = "pgx"
	}
	db, err := sql.Open(driver, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// computedVisits is what the list must show for each client, worked out
// from their notes as the desk reads them: the notes that stand (drafts
// included, voided ones not; on a server, no private note).
func computedVisits(t *testing.T, s *sqlstore.Store, clients []store.Client) map[int64]store.ClientSummary {
	t.Helper()
	out := map[int64]store.ClientSummary{}
	for _, c := range clients {
		history, err := s.ClientHistory(context.Background(), c.ID, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		var want store.ClientSummary
		for _, sess := range history { // newest first
			if sess.Voided() || (s.OnServer() && sess.Private) {
				continue
			}
			if want.SessionCount == 0 {
				want.LastVisit, want.LastPainBefore, want.LastPainAfter = sess.Start, sess.PainBefore, sess.PainAfter
			}
			want.SessionCount++
		}
		out[c.ID] = want
	}
	return out
}

// The last visit and visit count kept on each client's row are what their
// notes say after any mix of saves, signatures, amendments, voids, discards,
// drafts moved between clients and imports, and check names a row changed
// outside Backtrack.
func TestKeptVisitsFollowEveryWrite(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	r := rand.New(rand.NewSource(18))
	var clients []store.Client
	for i, name := range []string{"Marta", "José", "Ilse", "Tomasz", "Noor"} {
		c, err := s.CreateClient(ctx, store.Client{FirstName: name, LastName: "Visit" + string(rune('A'+i))})
		if err != nil {
			t.Fatal(err)
		}
		clients = append(clients, c)
	}
	pick := func() store.Client { return clients[r.Intn(len(clients))] }
	var notes []store.Session // every note written, as last saved
	newNote := func() store.Session {
		day := 1 + r.Intn(20)
		return store.Session{ClientID: pick().ID, DurationMin: 45, Private: r.Intn(6) == 0,
			Start:      time.Date(2026, 10, day, 9+r.Intn(8), 0, 0, 0, time.Local),
			PainBefore: store.PainOf(r.Intn(11)), PainAfter: store.PainOf(r.Intn(11))}
	}
	for step := 0; step < 250; step++ {
		var err error
		var saved store.Session
		switch op := r.Intn(9); {
		case op < 2 || len(notes) == 0:
			saved, err = s.Save(ctx, sqlstore.SaveRequest{Session: newNote()})
		case op == 2:
			saved, err = s.Save(ctx, sqlstore.SaveRequest{Session: newNote(), Sign: true, By: "Anna Keller, LMT"})
		default:
			i := r.Intn(len(notes))
			n, gone := s.Session(ctx, notes[i].ID)
			if gone != nil {
				continue // discarded (or, on a server, another's private note)
			}
			switch {
			case n.Draft() && op == 3: // a draft moved to another client, its time changed
				n.ClientID, n.Start = pick().ID, n.Start.Add(time.Duration(r.Intn(48)-24)*time.Hour)
				saved, err = s.Save(ctx, sqlstore.SaveRequest{Session: n})
			case n.Draft() && op == 4:
				saved, err = s.SignSession(ctx, n.ID, "Anna Keller, LMT")
			case n.Draft() && op == 5:
				err = s.DeleteSession(ctx, n.ID)
				saved = n
			case !n.Draft() && !n.Voided() && op <= 6:
				n.PainBefore, n.Start = store.PainOf(r.Intn(11)), n.Start.Add(time.Hour*24*time.Duration(r.Intn(3)))
				saved, err = s.Save(ctx, sqlstore.SaveRequest{Session: n, Amend: true, Reason: "Pain misread", By: "Anna Keller, LMT"})
				if err != nil && strings.Contains(err.Error(), "Nothing in the note was changed") {
					continue
				}
			case !n.Draft() && !n.Voided():
				saved, err = s.VoidSession(ctx, n.ID, "Entered on the wrong client", "Anna Keller, LMT")
			default:
				continue
			}
		}
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		notes = append(notes, saved)
	}
	// an import brings notes of its own
	other := testkit.OpenStore(t, fixedNow)
	testkit.RichRecords(t, other)
	data, err := json.Marshal(testkit.ExportOf(t, other))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := interchange.ImportJSON(ctx, s, bytes.NewReader(data), interchange.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	all, err := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	listed := make([]store.Client, len(all))
	for i, c := range all {
		listed[i] = c.Client
	}
	want := computedVisits(t, s, listed)
	counted := 0
	for _, got := range all {
		w := want[got.ID]
		counted += got.SessionCount
		if got.SessionCount != w.SessionCount || !got.LastVisit.Equal(w.LastVisit) ||
			got.LastPainBefore != w.LastPainBefore || got.LastPainAfter != w.LastPainAfter {
			t.Errorf("%s: the list shows %d visits, last %v pain %v→%v; their notes say %d, %v, %v→%v", got.FullName(),
				got.SessionCount, got.LastVisit, got.LastPainBefore, got.LastPainAfter,
				w.SessionCount, w.LastVisit, w.LastPainBefore, w.LastPainAfter)
		}
	}
	if counted < 50 {
		t.Errorf("only %d visits counted: the mix wrote too little to test", counted)
	}
	// the list's order is the kept last visit's, newest first
	for i := 1; i < len(all); i++ {
		if all[i].LastVisit.After(all[i-1].LastVisit) {
			t.Errorf("%s (%v) listed after %s (%v)", all[i].FullName(), all[i].LastVisit, all[i-1].FullName(), all[i-1].LastVisit)
		}
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("check after the writes: %v %v", problems, err)
	}

	// a row changed outside Backtrack is named by check
	if _, err := rawDB(t, s).Exec(`UPDATE clients SET visits = visits + 1 WHERE id = ` + fmt.Sprint(clients[0].ID)); err != nil {
		t.Fatal(err)
	}
	problems, err := s.VerifyRecord(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], clients[0].UID) || !strings.Contains(problems[0], "visit count") {
		t.Errorf("check after a visit count was changed: %q", problems)
	}
}

// Records written before the columns existed (schema version 10, a restore
// of an older backup) get them filled from their notes when opened.
func TestMigrationFillsKeptVisits(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	testkit.RichRecords(t, s)
	where := s.Path()
	before, err := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	// back to schema version 10: the columns and their indexes gone, and
	// the index of standing notes that counts them (013)
	db := rawDB(t, s)
	steps := []string{`DROP INDEX clients_by_last_visit`, `DROP INDEX clients_by_last_visit_all`, `DROP INDEX clients_by_visits`,
		`DROP INDEX sessions_standing`}
	for _, col := range []string{"visits", "last_visit_at", "last_pain_before", "last_pain_after"} {
		steps = append(steps, `ALTER TABLE clients DROP COLUMN `+col)
	}
	if s.OnServer() {
		steps = append(steps, `UPDATE backtrack_schema SET version = 10`)
	} else {
		steps = append(steps, `PRAGMA user_version = 10`)
	}
	s.Close()
	for _, step := range steps {
		if _, err := db.Exec(step); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	db.Close()
	again := testkit.OpenStoreAt(t, where, fixedNow)
	after, err := again.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) || len(before) == 0 {
		t.Fatalf("%d clients after the migration, %d before", len(after), len(before))
	}
	for i := range before {
		b, a := before[i], after[i]
		if a.ID != b.ID || a.SessionCount != b.SessionCount || !a.LastVisit.Equal(b.LastVisit) ||
			a.LastPainBefore != b.LastPainBefore || a.LastPainAfter != b.LastPainAfter {
			t.Errorf("row %d: %+v after the migration, %+v before", i, a, b)
		}
	}
	if problems, err := again.VerifyRecord(ctx); err != nil || len(problems) != 0 {
		t.Errorf("check after the migration: %v %v", problems, err)
	}
}

// The kept visits are counted, and the last visit found, through the index
// of the notes that stand (migration 013), not by reading every note of
// the client: the index's condition and visits.go's rule agree on each
// engine (a rule changed alone would be planned through the whole
// client's notes again, and the save would slow with their number).
func TestKeptVisitsAreCountedFromTheIndexOfStandingNotes(t *testing.T) {
	s := testkit.OpenStore(t)
	db := rawDB(t, s)
	refresh := sqlstore.RefreshVisitsSQL(s.OnServer(), "id = 1")
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	explain := "EXPLAIN QUERY PLAN "
	if s.OnServer() {
		// the test's tables are nearly empty: the planner is asked to
		// choose among indexes, as it does at a practice's size
		if _, err := tx.Exec(`SET LOCAL enable_seqscan = off`); err != nil {
			t.Fatal(err)
		}
		explain = "EXPLAIN "
	}
	rows, err := tx.Query(explain + refresh)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var plan []string
	for rows.Next() {
		cells := make([]any, len(cols))
		text := make([]sql.NullString, len(cols))
		for i := range cells {
			cells[i] = &text[i]
		}
		if err := rows.Scan(cells...); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, text[len(text)-1].String)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	// the count at least, the part that grows with the client's notes
	// (the last visit is one step back along either index), through an
	// index of the standing notes: sessions_standing, or the practice
	// view's (migration 018), which holds them too and which a server's
	// planner may pick on tables this small
	joined := strings.Join(plan, "\n")
	if !strings.Contains(joined, "sessions_standing") && !strings.Contains(joined, "sessions_pain_course") {
		t.Fatalf("the kept visits are not counted through an index of the standing notes; the plan:\n%s", joined)
	}
}

// A write touching more clients than a query lists ids for (an import or
// a move of a large practice: SQLite takes 32,766 arguments at most) brings
// every client's kept visits up to date at once, and they are what their
// notes say. The limit is lowered here so a small practice passes it.
func TestABulkWritePastTheListedIDsKeepsEveryClientsVisits(t *testing.T) {
	defer sqlstore.ListAtMost(5)()
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	if _, err := demo.Fill(ctx, s, demo.Options{Clients: 20, Seed: 4, Today: fixedNow}); err != nil {
		t.Fatal(err)
	}
	all, err := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	if err != nil || len(all) != 20 {
		t.Fatalf("%d clients, %v", len(all), err)
	}
	listed := make([]store.Client, len(all))
	for i, c := range all {
		listed[i] = c.Client
	}
	want := computedVisits(t, s, listed)
	for _, got := range all {
		if w := want[got.ID]; got.SessionCount != w.SessionCount || !got.LastVisit.Equal(w.LastVisit) || w.SessionCount == 0 {
			t.Errorf("%s: the list shows %d visits, last %v; their notes say %d, %v", got.FullName(),
				got.SessionCount, got.LastVisit, w.SessionCount, w.LastVisit)
		}
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}
