package sqlstore_test

import (
	"backtrack/store/sqlstore"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/testkit"
)

// oldDatabase writes a database of the version before signed notes and
// the body chart, with locations of every kind: mapped ones, one without a
// side, one the therapist added.
func oldDatabase(t *testing.T) string {
	t.Helper()
	return schemaV2Database(t,
		`INSERT INTO clients (id, uid, first_name, last_name, created_at, updated_at) VALUES
			(1, '11111111-1111-4111-8111-111111111111', 'Marta', 'Nowak', '2025-01-02 10:00:00', '2025-01-02 10:00:00')`,
		`INSERT INTO sessions (id, uid, client_id, started_at, duration_min, pain_before, subjective, created_at, updated_at) VALUES
			(1, '22222222-2222-4222-8222-222222222222', 1, '2025-01-02 10:00', 60, 6, 'First visit', '2025-01-02 10:00:00', '2025-01-02 10:00:00'),
			(2, '33333333-3333-4333-8333-333333333333', 1, '2025-01-16 10:00', 60, 4, 'Second visit', '2025-01-16 10:00:00', '2025-01-16 10:00:00')`,
		`INSERT INTO terms (kind, name, name_key) VALUES ('location', 'Neck', 'neck')`,
		`INSERT INTO session_tags (session_id, term_id, side) SELECT 1, id, 'both' FROM terms WHERE name_key = 'lower back'`,
		`INSERT INTO session_tags (session_id, term_id, side) SELECT 1, id, 'left' FROM terms WHERE name_key = 'buttocks'`,
		`INSERT INTO session_tags (session_id, term_id, side) SELECT 1, id, '' FROM terms WHERE name_key = 'hip'`,
		`INSERT INTO session_tags (session_id, term_id, side) SELECT 1, id, 'right' FROM terms WHERE name_key = 'neck'`,
		`INSERT INTO session_tags (session_id, term_id, side) SELECT 2, id, 'right' FROM terms WHERE name_key = 'back of thigh'`)
}

// schemaV2Database writes a database as Backtrack wrote it before signed
// notes (schema version 2), filled by stmts.
func schemaV2Database(t *testing.T, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, file := range []string{"001_schema.sql", "002_record_uids.sql"} {
		body, err := os.ReadFile(filepath.Join("..", "sqlite", "migrations", file))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	for _, stmt := range append([]string{`PRAGMA user_version = 2`}, stmts...) {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	return path
}

func regionsOf(marks []store.BodyMark) []string {
	var out []string
	for _, m := range marks {
		out = append(out, string(m.Region)+"<"+m.From.Label())
	}
	return out
}

func TestTheMigrationPutsEveryLocationOnTheBodyChartAndTheSealsStillVerify(t *testing.T) {
	// Given a database written before the body chart, opened by this Backtrack
	s := testkit.OpenStoreAt(t, oldDatabase(t), fixedNow)
	ctx := context.Background()

	// Then each location with a side is on the chart, remembering its word
	first, err := s.Session(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"lumbar-l<Lower back (both)", "lumbar-r<Lower back (both)", "gluteal-upper-l<Buttocks (L)",
		"gluteal-lower-l<Buttocks (L)"}
	if got := regionsOf(first.BodyMap); !slices.Equal(got, want) {
		t.Errorf("first visit's chart: %v, want %v", got, want)
	}
	// and the words that fit no region stay, shown as words
	if got := store.TagLabels(first.UnmappedLocations()); got != "Hip, Neck (R)" {
		t.Errorf("locations left as words: %q", got)
	}
	second, _ := s.Session(ctx, 2)
	if got := regionsOf(second.BodyMap); !slices.Equal(got, []string{"thigh-posterior-r<Back of thigh (R)"}) {
		t.Errorf("second visit's chart: %v", got)
	}
	// and the seals written before the chart existed still verify
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("verify after the migration: %v, %v", problems, err)
	}
	path := s.Path()
	s.Close()

	// But a hand edit of a migrated map breaks the seal
	for name, edit := range map[string]string{
		"a region moved":   `UPDATE session_regions SET region = 'sacral' WHERE region = 'lumbar-r'`,
		"one side dropped": `DELETE FROM session_regions WHERE region = 'lumbar-r'`,
		"an intensity":     `UPDATE session_regions SET intensity = 3 WHERE region = 'thigh-posterior-r'`,
	} {
		t.Run(name, func(t *testing.T) {
			if got := problemsAfter(t, path, edit); !strings.Contains(got, "does not match its seal") {
				t.Errorf("problems after %s:\n%s", name, got)
			}
		})
	}
}

// problemsAfter copies the database at path, edits the copy by hand and
// returns what checking it finds.
func problemsAfter(t *testing.T, path, edit string) string {
	t.Helper()
	tampered := filepath.Join(t.TempDir(), "tampered.db")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tampered, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", tampered)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(edit); err != nil {
		t.Fatalf("edit: %v", err)
	}
	db.Close()
	s := testkit.OpenStoreAt(t, tampered, fixedNow)
	problems, err := s.VerifyRecord(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(problems, "\n")
}

func TestASignedNotesBodyChartIsSealedAndAmendedLikeTheRest(t *testing.T) {
	testkit.SQLiteOnly(t) // hand-edits the file
	s := testkit.OpenStore(t, fixedNow)
	ctx := context.Background()
	client, draft := aDraft(t, s)
	sharp, err := s.TermNamed(ctx, store.PainType, "Sharp / stabbing")
	if err != nil {
		t.Fatal(err)
	}
	draft.BodyMap = []store.BodyMark{{Region: "sacroiliac-r", Intensity: store.PainOf(6)},
		{Region: "lumbar-l", PainType: store.Tag{TermID: sharp.ID}, Intensity: store.PainOf(7)}}
	saved, err := s.Save(ctx, sqlstore.SaveRequest{Session: draft})
	if err != nil {
		t.Fatal(err)
	}
	signed, err := s.SignSession(ctx, saved.ID, therapist)
	if err != nil {
		t.Fatal(err)
	}
	if got := store.BodyMapLabels(signed.BodyMap); got != "Lumbar (L): Sharp / stabbing, 7; Sacroiliac (R): 6" {
		t.Errorf("the signed chart reads %q", got)
	}
	if h := store.NoteHash(client.UID, signed); !strings.HasPrefix(h, "note/2:") {
		t.Errorf("a note with a chart is sealed as %q", h)
	}
	// An amendment says the chart changed and keeps the chart as it was.
	amend := signed
	amend.BodyMap = amend.BodyMap[:1]
	amended, err := s.Save(ctx, sqlstore.SaveRequest{Session: amend, Amend: true, Reason: "The SI joint was the other side's", By: therapist})
	if err != nil {
		t.Fatal(err)
	}
	last, _ := amended.LastAmendment()
	if !slices.Equal(last.Changed, []string{"Body chart"}) || len(last.Previous.BodyMap) != 2 ||
		last.Previous.BodyMap[1].Intensity != store.PainOf(6) {
		t.Errorf("amendment: changed %v, kept chart %+v", last.Changed, last.Previous.BodyMap)
	}
	path := s.Path()
	s.Close()
	if got := problemsAfter(t, path, `UPDATE session_regions SET intensity = 2`); !strings.Contains(got, "does not match its seal") {
		t.Errorf("a hand-edited intensity on a signed note: %q", got)
	}
	if got := problemsAfter(t, path, `INSERT INTO session_regions (session_id, region) VALUES (1, 'calf-l')`); !strings.Contains(got, "does not match its seal") {
		t.Errorf("a region added by hand to a signed note: %q", got)
	}
}

func TestTheBodyChartIsCheckedOnSave(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	_, draft := aDraft(t, s)
	for name, marks := range map[string][]store.BodyMark{
		"an unknown region": {{Region: "elbow-l"}},
		"a region twice":    {{Region: "sacral"}, {Region: "sacral"}},
		"intensity 11":      {{Region: "sacral", Intensity: store.PainOf(11)}},
		"a muscle as type":  {{Region: "sacral", PainType: store.Tag{TermID: 20}}},
	} {
		draft.BodyMap = marks
		if _, err := s.Save(context.Background(), sqlstore.SaveRequest{Session: draft}); fieldOf(err) != "body_map" {
			t.Errorf("%s: %v", name, err)
		}
	}
}
