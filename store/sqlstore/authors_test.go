package sqlstore_test

import (
	"bytes"
	"context"
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

// twoAuthorsFile is a practice on a file with one note by Anna Keller and
// one by Ben Otto (each desk's therapist), closed.
func twoAuthorsFile(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "practice.db")
	for i, author := range []string{"Anna Keller", "Ben Otto"} {
		s, err := sqlstore.Open(ctx, path, sqlstore.WithActor(func() string { return author }))
		if err != nil {
			t.Fatal(err)
		}
		clients, err := s.SearchClients(ctx, store.ClientQuery{})
		if err != nil {
			t.Fatal(err)
		}
		var client store.Client
		if len(clients) > 0 {
			client = clients[0].Client
		} else if client, err = s.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: client.ID, DurationMin: 60,
			Start: time.Date(2026, 11, 2+i, 10, 0, 0, 0, time.Local), Notes: store.SOAP{Subjective: author}}}); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func authorsOf(t *testing.T, s *sqlstore.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, c := range testkit.ExportOf(t, s).Clients {
		for _, n := range c.Sessions {
			out[n.Subjective] = n.Author
		}
	}
	return out
}

// A practice moved onto a server (by its admin, the schema's owner) keeps
// who wrote each note, and the moved record checks.
func TestMovedPracticeKeepsItsAuthors(t *testing.T) {
	ctx := context.Background()
	src := testkit.OpenReadOnly(t, twoAuthorsFile(t))
	dst := testkit.OpenStore(t, fixedNow)
	if _, err := interchange.Move(ctx, src, dst); err != nil {
		t.Fatalf("move: %v", err)
	}
	if got := authorsOf(t, dst); got["Anna Keller"] != "Anna Keller" || got["Ben Otto"] != "Ben Otto" {
		t.Errorf("moved authors %v, want each note's own", got)
	}
	if problems, err := dst.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check after the move: %v %v", problems, err)
	}
}

// A therapist never writes a note as someone else: the server makes every
// note they insert theirs, whether the desk names another author or an
// import file does.
func TestATherapistWritesNotesOnlyAsThemselves(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	c := openClinic(t)
	client, err := c.anna.CreateClient(ctx, store.Client{FirstName: "Lena", LastName: "Fischer"})
	if err != nil {
		t.Fatal(err)
	}
	saved, err := c.anna.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: client.ID, DurationMin: 30, Author: "Ben Otto",
		Start: time.Date(2026, 11, 2, 9, 0, 0, 0, time.Local), Notes: store.SOAP{Subjective: "as ben"}}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(saved.Author, "anna_") {
		t.Errorf("anna's note naming Ben Otto was saved by %q, want anna's role", saved.Author)
	}
	src := testkit.OpenReadOnly(t, twoAuthorsFile(t))
	data, err := json.Marshal(testkit.ExportOf(t, src))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := interchange.ImportJSON(ctx, c.anna, bytes.NewReader(data), interchange.ImportOptions{Source: "practice.json"}); err != nil {
		t.Fatalf("anna imports: %v", err)
	}
	for text, author := range authorsOf(t, c.anna) {
		if !strings.HasPrefix(author, "anna_") {
			t.Errorf("the note %q anna wrote or imported names %q, want anna's role", text, author)
		}
	}
}
