package interchange_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// twoAnnas records two clients called Anna Smith, both without a date of
// birth: one with a latex allergy, the other pregnant with two sessions.
func twoAnnas(t *testing.T, s *sqlstore.Store) (allergic, pregnant store.Client) {
	t.Helper()
	ctx := context.Background()
	var err error
	allergic, err = s.CreateClient(ctx, store.Client{FirstName: "Anna", LastName: "Smith",
		Email: "anna.s@example.org", Contraindications: "Latex allergy"})
	if err != nil {
		t.Fatal(err)
	}
	pregnant, err = s.CreateClient(ctx, store.Client{FirstName: "Anna", LastName: "Smith",
		Email: "smith.anna@example.net", Contraindications: "Pregnant (24 weeks): no prone position"})
	if err != nil {
		t.Fatal(err)
	}
	for _, day := range []int{3, 10} {
		if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: pregnant.ID, DurationMin: 45,
			Start: time.Date(2026, 11, day, 10, 0, 0, 0, time.Local), PainBefore: store.PainOf(6)}}); err != nil {
			t.Fatal(err)
		}
	}
	return allergic, pregnant
}

func TestEveryClientAndSessionHasAnIdentifierOfItsOwn(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	allergic, pregnant := twoAnnas(t, s)
	if allergic.UID == "" || pregnant.UID == "" || allergic.UID == pregnant.UID {
		t.Fatalf("identifiers %q and %q", allergic.UID, pregnant.UID)
	}
	if _, err := store.CheckUID(allergic.UID); err != nil {
		t.Errorf("not a UUID: %v", err)
	}
	ctx := context.Background()
	history, err := s.ClientHistory(ctx, pregnant.ID, store.Period{})
	if err != nil || len(history) != 2 || history[0].UID == "" || history[0].UID == history[1].UID {
		t.Fatalf("sessions %+v, %v", history, err)
	}
	// An edit keeps the identifier
	edited := allergic
	edited.Phone = "079 555 01 02"
	edited.UID = ""
	got, err := s.UpdateClient(ctx, edited)
	if err != nil || got.UID != allergic.UID {
		t.Errorf("after an edit the client is %q (%v), want %q", got.UID, err, allergic.UID)
	}
	sess := history[0]
	sess.UID = ""
	sess.DurationMin = 50
	saved, err := s.Save(ctx, sqlstore.SaveRequest{Session: sess})
	if err != nil || saved.UID != history[0].UID {
		t.Errorf("after an edit the session is %q (%v), want %q", saved.UID, err, history[0].UID)
	}
}

func TestAJSONExportBringsBackTheSamePeopleWhateverTheirNames(t *testing.T) {
	ctx := context.Background()
	from := testkit.OpenStore(t, fixedNow)
	allergic, pregnant := twoAnnas(t, from)
	dir := filepath.Join(t.TempDir(), "export")
	if _, err := interchange.ExportTo(ctx, from, dir, interchange.ExportJSON); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, interchange.ExportJSONName))
	if err != nil {
		t.Fatal(err)
	}
	buf := bytes.NewBuffer(raw)

	to := testkit.OpenStore(t, fixedNow)
	sum, err := interchange.ImportJSON(ctx, to, bytes.NewReader(buf.Bytes()), interchange.ImportOptions{})
	if err != nil || sum.ClientsAdded != 2 || sum.SessionsAdded != 2 {
		t.Fatalf("import: %+v, %v\n%s", sum, err, testkit.ProblemsText(sum))
	}
	for _, want := range []store.Client{allergic, pregnant} {
		got := clientByUID(t, to, want.UID)
		if got.Email != want.Email || got.Contraindications != want.Contraindications {
			t.Errorf("client %s came back as %+v", want.UID, got)
		}
	}
	history, _ := to.ClientHistory(ctx, clientByUID(t, to, pregnant.UID).ID, store.Period{})
	if len(history) != 2 {
		t.Errorf("the pregnant client has %d sessions, want 2", len(history))
	}
	if other, _ := to.ClientHistory(ctx, clientByUID(t, to, allergic.UID).ID, store.Period{}); len(other) != 0 {
		t.Errorf("the other Anna got %d sessions", len(other))
	}

	// Importing the same file again adds nobody: the identifiers say who is who
	sum, err = interchange.ImportJSON(ctx, to, bytes.NewReader(buf.Bytes()), interchange.ImportOptions{})
	if err != nil || sum.ClientsAdded != 0 || sum.ClientsPresent != 2 || sum.SessionsAdded != 0 || sum.SessionsPresent != 2 {
		t.Errorf("second import: %+v, %v", sum, err)
	}
}

func TestACSVExportBringsBackTheSamePeople(t *testing.T) {
	ctx := context.Background()
	from := testkit.OpenStore(t, fixedNow)
	allergic, pregnant := twoAnnas(t, from)
	dir := filepath.Join(t.TempDir(), "export")
	if _, err := interchange.ExportTo(ctx, from, dir, interchange.ExportCSV); err != nil {
		t.Fatal(err)
	}
	to := testkit.OpenStore(t, fixedNow)
	for _, file := range []struct {
		name string
		load func(context.Context, *os.File) (interchange.ImportSummary, error)
	}{
		{interchange.ExportClientsName, func(ctx context.Context, f *os.File) (interchange.ImportSummary, error) {
			return interchange.ImportClientsCSV(ctx, to, f, interchange.ImportOptions{})
		}},
		{interchange.ExportSessionsName, func(ctx context.Context, f *os.File) (interchange.ImportSummary, error) {
			return interchange.ImportSessionsCSV(ctx, to, f, interchange.ImportOptions{})
		}},
	} {
		f, err := os.Open(filepath.Join(dir, file.name))
		if err != nil {
			t.Fatal(err)
		}
		sum, err := file.load(ctx, f)
		f.Close()
		if err != nil {
			t.Fatalf("import %s: %v\n%s", file.name, err, testkit.ProblemsText(sum))
		}
	}
	if got := clientByUID(t, to, allergic.UID); got.Contraindications != "Latex allergy" {
		t.Errorf("allergic Anna came back as %+v", got)
	}
	history, _ := to.ClientHistory(ctx, clientByUID(t, to, pregnant.UID).ID, store.Period{})
	if len(history) != 2 {
		t.Errorf("the pregnant client has %d sessions, want 2", len(history))
	}
}

func TestACSVRowNeverLandsOnAPersonItCouldNotBe(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	allergic, _ := twoAnnas(t, s)
	before := testkit.ExportOf(t, s)
	cases := []struct {
		name, csv, column, want string
	}{
		{"a name two clients share",
			"first_name,last_name\nAnna,Smith\n", "date_of_birth",
			"2 clients are called Anna Smith: add date_of_birth or email to say which"},
		{"two rows of one file with the same name and nothing to tell them apart",
			"first_name,last_name,phone\nJonas,Berg,\nJonas,Berg,079 555 01 02\n", "date_of_birth",
			"Jonas Berg is also in row 2 with other details"},
		{"an id that is not a UUID",
			"id,first_name,last_name\nnot-an-id,Lena,Fischer\n", "id", "is not a record identifier"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sum, err := importClients(t, s, c.csv, false)
			if err == nil {
				t.Fatalf("imported: %+v", sum)
			}
			if len(sum.Problems) == 0 || sum.Problems[0].Column != c.column || !strings.Contains(sum.Problems[0].Message, c.want) {
				t.Errorf("problems:\n%s\nwant in column %s: %s", testkit.ProblemsText(sum), c.column, c.want)
			}
			if after := testkit.ExportOf(t, s); len(after.Clients) != len(before.Clients) {
				t.Errorf("%d clients after a refused import, want %d", len(after.Clients), len(before.Clients))
			}
		})
	}
	// Two rows alike word for word are one person, not a question
	sum, err := importClients(t, s, "first_name,last_name\nJonas,Berg\nJonas,Berg\n", false)
	if err != nil || sum.ClientsAdded != 1 || sum.ClientsPresent != 1 {
		t.Errorf("a row repeated word for word: %+v, %v\n%s", sum, err, testkit.ProblemsText(sum))
	}

	// A row that can only be one of them matches her; another email is another person
	sum, err = importClients(t, s, "first_name,last_name,email\nAnna,Smith,anna.s@example.org\nAnna,Smith,third.anna@example.com\n", false)
	if err != nil || sum.ClientsPresent != 1 || sum.ClientsAdded != 1 {
		t.Errorf("by email: %+v, %v\n%s", sum, err, testkit.ProblemsText(sum))
	}
	// By identifier, whatever the name says
	sum, err = importClients(t, s, "id,first_name,last_name\n"+allergic.UID+",Anna,Smith-Jones\n", false)
	if err != nil || sum.ClientsPresent != 1 || sum.ClientsAdded != 0 {
		t.Errorf("by id: %+v, %v\n%s", sum, err, testkit.ProblemsText(sum))
	}
}

func TestASessionsCSVPicksTheClientByIdentifier(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	allergic, pregnant := twoAnnas(t, s)
	// By name alone it cannot say which Anna: nothing is written
	sum, err := importSessions(t, s, "client,date\nAnna Smith,2026-11-20 09:00\n", false)
	if err == nil || len(sum.Problems) != 1 || sum.Problems[0].Column != "client" || !strings.Contains(sum.Problems[0].Message, "2 clients match") {
		t.Errorf("by name: %+v, %v\n%s", sum, err, testkit.ProblemsText(sum))
	}
	// By client_id it lands on her
	sum, err = importSessions(t, s, "client_id,date\n"+allergic.UID+",2026-11-20 09:00\n", false)
	if err != nil || sum.SessionsAdded != 1 {
		t.Fatalf("by id: %+v, %v\n%s", sum, err, testkit.ProblemsText(sum))
	}
	ctx := context.Background()
	if h, _ := s.ClientHistory(ctx, allergic.ID, store.Period{}); len(h) != 1 {
		t.Errorf("allergic Anna has %d sessions, want 1", len(h))
	}
	if h, _ := s.ClientHistory(ctx, pregnant.ID, store.Period{}); len(h) != 2 {
		t.Errorf("pregnant Anna has %d sessions, want 2", len(h))
	}
	// An unknown client_id is named
	sum, err = importSessions(t, s, "client_id,date\n3f2b8c1e-5d4a-4e6f-9a7b-2c1d0e9f8a7b,2026-11-20 09:00\n", false)
	if err == nil || sum.Problems[0].Column != "client_id" {
		t.Errorf("unknown id: %+v, %v", sum, err)
	}
	// A file with neither column says so in the header
	sum, err = importSessions(t, s, "date\n2026-11-20 09:00\n", false)
	if err == nil || !strings.Contains(testkit.ProblemsText(sum), `no "client" or "client_id" column`) {
		t.Errorf("no client column: %v\n%s", err, testkit.ProblemsText(sum))
	}
}

func clientByUID(t *testing.T, s *sqlstore.Store, uid string) store.Client {
	t.Helper()
	all, err := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		if c.UID == uid {
			return c.Client
		}
	}
	t.Fatalf("no client %s", uid)
	return store.Client{}
}
