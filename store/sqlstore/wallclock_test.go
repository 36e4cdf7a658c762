package sqlstore_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// The night Berlin's clocks go forward, 02:30 does not exist on the local
// clock; a session the therapist wrote down at 02:30 keeps 02:30 through
// the import, the store and both exports, and stays apart from one at 03:30.
func TestSessionStartsKeepTheWallClockAcrossDaylightSaving(t *testing.T) {
	if !testkit.InTimeZone(t, "Europe/Berlin") {
		return
	}
	ctx := context.Background()
	src := testkit.OpenStore(t, fixedNow)
	c, err := src.CreateClient(ctx, store.Client{FirstName: "Lena", LastName: "Fischer", Email: "lena@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	csv := "client,date,duration_min\n" +
		"lena@example.com,2024-03-31 02:30,60\n" +
		"lena@example.com,2024-03-31 03:30,60\n" +
		"lena@example.com,2024-10-27 02:30,60\n" // the repeated hour in autumn
	if sum, err := interchange.ImportSessionsCSV(ctx, src, strings.NewReader(csv), interchange.ImportOptions{}); err != nil || sum.SessionsAdded != 3 {
		t.Fatalf("import: %+v %v", sum, err)
	}
	// The desk's path: a start as the session form makes it.
	typed, _ := store.ParseWallClock(store.StartLayout, "2024-03-31 02:45")
	if _, err := src.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: typed, DurationMin: 30}}); err != nil {
		t.Fatal(err)
	}
	want := []string{"2024-03-31 02:30", "2024-03-31 02:45", "2024-03-31 03:30", "2024-10-27 02:30"}
	starts := func(s *sqlstore.Store) string {
		t.Helper()
		all, err := s.SearchClients(ctx, store.ClientQuery{})
		if err != nil || len(all) != 1 {
			t.Fatalf("clients: %v %v", all, err)
		}
		history, err := s.ClientHistory(ctx, all[0].ID, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, sess := range history {
			got = append(got, sess.Start.Format(store.StartLayout))
		}
		return strings.Join(got, " ")
	}
	// ClientHistory lists the newest first.
	history := "2024-10-27 02:30 2024-03-31 03:30 2024-03-31 02:45 2024-03-31 02:30"
	if got := starts(src); got != history {
		t.Errorf("stored starts %q, want %q", got, history)
	}

	for _, format := range []interchange.ExportFileFormat{interchange.ExportJSON, interchange.ExportCSV} {
		dir := filepath.Join(t.TempDir(), "export")
		files, err := interchange.ExportTo(ctx, src, dir, format)
		if err != nil {
			t.Fatal(err)
		}
		var text string
		for _, f := range files {
			b, _ := os.ReadFile(f)
			text += string(b)
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s export lacks %s", format, w)
			}
		}
		if format != interchange.ExportJSON {
			continue
		}
		dst := testkit.OpenStore(t, fixedNow)
		f, _ := os.Open(files[0])
		defer f.Close()
		if _, err := interchange.ImportJSON(ctx, dst, f, interchange.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		if got := starts(dst); got != history {
			t.Errorf("starts after a JSON round trip %q, want %q", got, history)
		}
	}
}
