package sqlstore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// The check reads the record a page of clients at a time, so its memory
// does not grow with the practice; what it finds must not depend on the
// pages: a problem in the first page or the last, a note of one page
// newer than one of another, a record deleted from any.
func TestTheCheckFindsTheSameProblemsWhateverItsPages(t *testing.T) {
	testkit.SQLiteOnly(t) // hand-edits the file
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	if _, err := demo.Fill(ctx, s, demo.Options{Clients: 30, Seed: 7, Today: fixedNow}); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, edit := range []string{
		// the first client and the last: their details, every note's words
		// (their notes interleave in time), a measure and a plan
		`UPDATE clients SET phone = '000' WHERE id IN ((SELECT MIN(id) FROM clients), (SELECT MAX(id) FROM clients))`,
		`UPDATE sessions SET subjective = subjective || ' (edited)'
			WHERE client_id IN ((SELECT MIN(id) FROM clients), (SELECT MAX(id) FROM clients))`,
		`UPDATE measures SET note = 'edited' WHERE client_id IN ((SELECT MIN(id) FROM clients), (SELECT MAX(id) FROM clients))`,
		`UPDATE plans SET frequency = 'daily'`,
		// a draft's pain in the middle of the practice
		`UPDATE sessions SET pain_after = 0 WHERE signed_at = '' AND legacy = 0 AND id = (SELECT MAX(id) FROM sessions WHERE signed_at = '' AND legacy = 0 AND pain_after IS NOT NULL)`,
		// a note added and a measure deleted, each by hand
		`INSERT INTO sessions (client_id, started_at, duration_min, created_at, updated_at, uid)
			SELECT MAX(id), '2026-11-01 10:00', 60, '2026-11-01 10:00:00', '2026-11-01 10:00:00', 'f0000000-0000-4000-8000-000000000000' FROM clients`,
		`DELETE FROM measures WHERE id = (SELECT MIN(id) FROM measures WHERE client_id = (SELECT MIN(id) FROM clients))`,
	} {
		if _, err := db.Exec(edit); err != nil {
			t.Fatalf("%s: %v", edit, err)
		}
	}
	db.Close()
	s = testkit.OpenStoreAt(t, path, fixedNow)
	verify := func(perPage int) []string {
		defer sqlstore.VerifyClientsPerPage(perPage)()
		v, err := s.Verify(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v.Problems
	}
	whole := verify(1000) // every client in one page
	for _, want := range []string{"their details were changed outside Backtrack", "does not match its seal",
		"was changed outside Backtrack after", "the treatment plan of",
		"f0000000-0000-4000-8000-000000000000) was added outside Backtrack", "the outcome measure"} {
		if !strings.Contains(strings.Join(whole, "\n"), want) {
			t.Errorf("the check in one page does not say %q:\n%s", want, strings.Join(whole, "\n"))
		}
	}
	if len(whole) < 20 {
		t.Fatalf("too few problems to tell pages apart (%d):\n%s", len(whole), strings.Join(whole, "\n"))
	}
	for _, perPage := range []int{1, 2, 7, 29, 30} {
		if paged := verify(perPage); !slices.Equal(paged, whole) {
			t.Errorf("%d clients a page: the check says\n%s\n\nin one page it said\n%s", perPage,
				strings.Join(paged, "\n"), strings.Join(whole, "\n"))
		}
	}
}

// A problem found while a page is read reads its entry again: on a
// server's connection, which reads one statement at a time, that must
// wait until the page is read.
func TestTheCheckNamesClientsChangedBehindItOnEitherEngine(t *testing.T) {
	ctx := context.Background()
	where, driver := filepath.Join(t.TempDir(), "practice.db"), "sqlite"
	if testkit.OnPostgres() {
		where, driver = testkit.PostgresDSN(t), "pgx"
	}
	s := testkit.OpenStoreAt(t, where, fixedNow)
	for _, name := range []string{"Ada", "Ben", "Cy"} {
		if _, err := s.CreateClient(ctx, store.Client{FirstName: name, LastName: "Lovelace"}); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := sql.Open(driver, where)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE clients SET phone = '000' WHERE first_name <> 'Ben'`); err != nil {
		t.Fatal(err)
	}
	for _, perPage := range []int{1, 200} {
		restore := sqlstore.VerifyClientsPerPage(perPage)
		v, err := s.Verify(ctx)
		restore()
		if err != nil {
			t.Fatalf("%d clients a page: %v", perPage, err)
		}
		got := strings.Join(v.Problems, "\n")
		if len(v.Problems) != 2 || !strings.Contains(got, "client Ada Lovelace") || !strings.Contains(got, "client Cy Lovelace") ||
			!strings.Contains(got, "their details were changed outside Backtrack after") {
			t.Errorf("%d clients a page: the check says\n%s\nwant Ada and Cy's details changed", perPage, got)
		}
	}
}
