package interchange_test

import (
	"backtrack/store/interchange"
	"backtrack/store/recordjson"
	"backtrack/store/testkit"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"
)

func TestJSONExportImportsBackWithNothingLost(t *testing.T) {
	ctx := context.Background()
	src := testkit.OpenStore(t, fixedNow)
	testkit.RichRecords(t, src)
	dir := filepath.Join(t.TempDir(), "export")

	// Given an export of everything.
	files, err := interchange.ExportTo(ctx, src, dir, interchange.ExportJSON)
	if err != nil || len(files) != 1 {
		t.Fatalf("export: %v %v", files, err)
	}
	testkit.AssertMode(t, dir, 0o700)
	testkit.AssertMode(t, files[0], 0o600)

	// When it is imported into an empty database, a day later.
	dst := testkit.OpenStore(t, fixedNow.Add(24*time.Hour))
	f, err := os.Open(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sum, err := interchange.ImportJSON(ctx, dst, f, interchange.ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
	if sum.ClientsAdded != 3 || sum.SessionsAdded != 5 {
		t.Errorf("summary %+v, want 3 clients and 5 sessions added", sum)
	}

	// Then exporting the new database gives exactly the same records.
	want, got := testkit.ExportOf(t, src), testkit.ExportOf(t, dst)
	// and the new record's history holds every entry of the old one, as it
	// was written, after its own first entry and before the import's
	assertHistoryBrought(t, want.AuditLog, got.AuditLog)
	gotLog := got.AuditLog
	want.AuditLog, got.AuditLog = nil, nil
	if !reflect.DeepEqual(want, got) {
		wj, _ := json.MarshalIndent(want, "", " ")
		gj, _ := json.MarshalIndent(got, "", " ")
		t.Fatalf("round trip changed the records:\n%s", firstDifference(string(wj), string(gj)))
	}
	// And the comparison itself sees what matters.
	if m := want.Clients[0]; m.Intake == nil || m.Intake.Conditions["pregnancy"].Detail != "24 weeks" ||
		len(m.RedFlagScreens) != 2 || m.RedFlagScreens[0].ClearedOn != "2026-10-08" ||
		len(m.Consents) != 1 || m.Consents[0].WithdrawnOn != "2026-11-01" {
		t.Fatalf("the intake, screens and consent are not in the export: %+v", m)
	}
	if len(want.Clients) != 3 || len(want.Vocabulary) < 30 || want.Clients[0].Sessions[0].HomeCare == "" {
		t.Fatalf("fixture export is thinner than expected: %+v", want)
	}
	if m := want.Clients[0].Measures; len(m) != 5 || m[0].Session == "" || m[0].Note == "" || want.Clients[0].Plan == nil ||
		len(want.Clients[0].Plan.Goals) != 3 || sum.MeasuresAdded != 5 || sum.PlansAdded != 1 {
		t.Fatalf("the export's measures and plan are thinner than the fixture's: %+v %+v (summary %+v)", m, want.Clients[0].Plan, sum)
	}
	if problems, err := dst.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("the imported record does not verify: %v %v", problems, err)
	}

	// When the same file is imported again, nothing is duplicated.
	f.Seek(0, 0)
	sum, err = interchange.ImportJSON(ctx, dst, f, interchange.ImportOptions{})
	if err != nil {
		t.Fatalf("second import: %v", err)
	}
	if sum.ClientsAdded != 0 || sum.ClientsPresent != 3 || sum.SessionsAdded != 0 || sum.SessionsPresent != 5 ||
		sum.MeasuresAdded != 0 || sum.MeasuresPresent != 5 || sum.PlansPresent != 1 {
		t.Errorf("second import summary %+v, want everything present", sum)
	}
	again := testkit.ExportOf(t, dst)
	if n := len(again.AuditLog) - len(gotLog); n != 1 || again.AuditLog[len(again.AuditLog)-1].Action != "records.imported" {
		t.Errorf("a second import added %d history entries; want only its own", n)
	}
	if again.AuditLog = nil; !reflect.DeepEqual(want, again) {
		t.Error("a second import changed the records")
	}
}

func TestCSVExportIsPrivateGuardedAndReadsBack(t *testing.T) {
	ctx := context.Background()
	src := testkit.OpenStore(t, fixedNow)
	testkit.RichRecords(t, src)
	dir := filepath.Join(t.TempDir(), "csv")
	files, err := interchange.ExportTo(ctx, src, dir, interchange.ExportCSV)
	if err != nil || len(files) != 5 { // four CSV files and the history's head
		t.Fatalf("export: %v %v", files, err)
	}
	for _, f := range files {
		testkit.AssertMode(t, f, 0o600)
	}
	clients, _ := os.ReadFile(filepath.Join(dir, interchange.ExportClientsName))
	if !bytes.HasPrefix(clients, []byte("\ufeff")) {
		t.Error("clients.csv has no UTF-8 byte order mark; spreadsheets would misread accents")
	}
	// CRLF line ends on every system, as spreadsheets on Windows expect
	if lines := bytes.Count(clients, []byte("\n")); lines == 0 || bytes.Count(clients, []byte("\r\n")) != lines {
		t.Errorf("clients.csv: %d of %d line ends are CRLF", bytes.Count(clients, []byte("\r\n")), lines)
	}
	if !bytes.Contains(clients, []byte(`'=HYPERLINK`)) {
		t.Error("a formula-like phone number is not guarded")
	}

	// The CSV files import into an empty database: clients, then sessions.
	dst := testkit.OpenStore(t, fixedNow)
	for _, step := range []struct {
		name string
		run  func(context.Context, *os.File) (interchange.ImportSummary, error)
	}{
		{interchange.ExportClientsName, func(ctx context.Context, f *os.File) (interchange.ImportSummary, error) {
			return interchange.ImportClientsCSV(ctx, dst, f, interchange.ImportOptions{})
		}},
		{interchange.ExportSessionsName, func(ctx context.Context, f *os.File) (interchange.ImportSummary, error) {
			return interchange.ImportSessionsCSV(ctx, dst, f, interchange.ImportOptions{})
		}},
	} {
		f, err := os.Open(filepath.Join(dir, step.name))
		if err != nil {
			t.Fatal(err)
		}
		sum, err := step.run(ctx, f)
		f.Close()
		if err != nil {
			t.Fatalf("import %s: %v\n%s", step.name, err, testkit.ProblemsText(sum))
		}
	}
	want, got := testkit.ExportOf(t, src), testkit.ExportOf(t, dst)
	if len(got.Clients) != 3 {
		t.Fatalf("%d clients after CSV import", len(got.Clients))
	}
	for i := range want.Clients {
		w, g := want.Clients[i], got.Clients[i]
		if w.FirstName != g.FirstName || w.LastName != g.LastName || w.Phone != g.Phone || w.Archived != g.Archived {
			t.Errorf("client %d: got %q %q %q archived=%v, want %q %q %q archived=%v", i,
				g.FirstName, g.LastName, g.Phone, g.Archived, w.FirstName, w.LastName, w.Phone, w.Archived)
		}
		// a voided note (entered in error) is no visit: the CSV leaves it out
		w.Sessions = slices.DeleteFunc(w.Sessions, func(s recordjson.Session) bool { return s.VoidedAt != "" })
		if len(w.Sessions) != len(g.Sessions) {
			t.Fatalf("client %d: %d sessions, want %d", i, len(g.Sessions), len(w.Sessions))
		}
		for j := range w.Sessions {
			ws, gs := w.Sessions[j], g.Sessions[j]
			ws.CreatedAt, ws.UpdatedAt, gs.CreatedAt, gs.UpdatedAt = "", "", "", ""
			// a spreadsheet carries the notes as they read now; the
			// signatures and the history travel in the JSON export
			ws.SignedAt, ws.SignedBy, ws.Legacy, ws.VoidedAt, ws.VoidedBy, ws.VoidReason, ws.Amendments = "", "", false, "", "", "", nil
			if !reflect.DeepEqual(ws, gs) {
				t.Errorf("client %d session %d:\n got %+v\nwant %+v", i, j, gs, ws)
			}
		}
	}
}

// firstDifference shows the first line where two texts part.
func firstDifference(a, b string) string {
	al, bl := bytes.Split([]byte(a), []byte("\n")), bytes.Split([]byte(b), []byte("\n"))
	for i := 0; i < len(al) && i < len(bl); i++ {
		if !bytes.Equal(al[i], bl[i]) {
			return fmt.Sprintf("line %d: want %s\n         got  %s", i+1, al[i], bl[i])
		}
	}
	return "one is longer than the other"
}

// assertHistoryBrought checks that every entry of from is in to, in order,
// as it was written, with its hash there as its origin.
func assertHistoryBrought(t *testing.T, from, to []interchange.ExportAuditEntry) {
	t.Helper()
	if len(from) < 5 {
		t.Fatalf("the source history has %d entries: too thin to test", len(from))
	}
	byOrigin := map[string]interchange.ExportAuditEntry{}
	for _, e := range to {
		if e.Origin != "" {
			byOrigin[e.Origin] = e
		}
	}
	last := int64(0)
	for _, e := range from {
		got, ok := byOrigin[e.Hash]
		if !ok {
			t.Fatalf("entry %d (%s) of the source history is missing", e.Seq, e.Action)
		}
		if got.At != e.At || got.Actor != e.Actor || got.Action != e.Action || got.Record != e.Record ||
			got.Client != e.Client || got.Detail != e.Detail || got.Content != e.Content {
			t.Errorf("entry %d came back as %+v, want %+v", e.Seq, got, e)
		}
		if got.Seq <= last {
			t.Errorf("entry %d is out of order", e.Seq)
		}
		last = got.Seq
	}
}
