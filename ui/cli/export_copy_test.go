package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/testkit"
)

// richDB is a database file holding testkit.RichRecords: Marta's record
// has a signed and amended note, drafts, a body chart, measures, an
// intake and a consent partly withdrawn.
func richDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "practice", "backtrack.db")
	s := testkit.OpenStoreAt(t, path, testkit.FixedNow)
	testkit.RichRecords(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAClientsCopyHoldsTheirWholeRecordPrivatelyAndIsLogged(t *testing.T) {
	db := richDB(t)
	out := filepath.Join(t.TempDir(), "copies")
	code, stdout, stderr := runCLI(t, "export", "--db", db, "--client", "Marta Nowak-Świątek", "--copy", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	entries, err := os.ReadDir(out)
	if err != nil || len(entries) != 1 {
		t.Fatalf("the copies folder holds %v (%v), want one folder", entries, err)
	}
	dir := filepath.Join(out, entries[0].Name())
	if !strings.Contains(entries[0].Name(), "_Marta_record_") {
		t.Errorf("the copy's folder is called %q", entries[0].Name())
	}
	testkit.AssertMode(t, dir, 0o700)
	files, err := os.ReadDir(dir)
	if err != nil || len(files) != 3 {
		t.Fatalf("the copy holds %v (%v), want the PDF, the JSON and the FHIR Bundle", files, err)
	}
	var pdf, data, bundle string
	for _, f := range files {
		path := filepath.Join(dir, f.Name())
		testkit.AssertMode(t, path, 0o600)
		if !strings.Contains(stdout, path) {
			t.Errorf("the command did not name %s:\n%s", path, stdout)
		}
		switch {
		case strings.HasSuffix(f.Name(), ".fhir.json"):
			bundle = path
		case strings.HasSuffix(f.Name(), ".json"):
			data = path
		case strings.HasSuffix(f.Name(), ".pdf"):
			pdf = path
		}
	}

	// The PDF reads back every note with its signature and amendment, the
	// intake, the consent, the measures and the record's history.
	text := strings.Join(strings.Fields(testkit.PDFText(t, pdf, testkit.Raw)), " ")
	for _, want := range []string{
		"Your record", "Marta Nowak-Świątek",
		"Electronically signed by Anna Keller, LMT",
		"Amendment 1", "Pain after was misread from the client's scale",
		"Plan, as amended: Every 2 weeks; re-assess in a month", "Plan, original: Every 2 weeks",
		"Draft: this note is not signed yet",
		"Lower back pain after lifting", // the intake
		"Consent", "No more abdominal work in pregnancy",
		"ODI", "PSFS", "Pain since Monday.",
		"The history of your record", "Note amended", "Consent recorded",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the copy's PDF lacks %q", want)
		}
	}
	if strings.Contains(text, "Jonas") {
		t.Error("Marta's copy names another client")
	}

	// The JSON is a Backtrack export of Marta alone, with her history.
	raw, err := os.ReadFile(data)
	if err != nil {
		t.Fatal(err)
	}
	var exp interchange.Export
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	if len(exp.Clients) != 1 || exp.Clients[0].FirstName != "Marta" || len(exp.Clients[0].Sessions) != 3 || len(exp.AuditLog) == 0 {
		t.Errorf("the JSON holds %d clients (%+v), %d history entries; want Marta's record", len(exp.Clients), exp.Clients, len(exp.AuditLog))
	}
	for _, e := range exp.AuditLog {
		if e.Client != exp.Clients[0].ID {
			t.Errorf("the JSON holds another client's history: %+v", e)
		}
	}
	raw, err = os.ReadFile(bundle)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `"resourceType": "Patient"`) || !strings.Contains(string(raw), exp.Clients[0].ID) {
		t.Error("the FHIR Bundle does not hold Marta as a Patient")
	}

	// And the record's history says the copy was given, to whom.
	s := testkit.OpenReadOnly(t, db)
	var last store.AuditEntry
	for _, e := range testkit.ExportOf(t, s).AuditLog {
		last = store.AuditEntry{Action: store.Action(e.Action), Client: e.Client}
	}
	if last.Action != store.ClientCopyGiven || last.Client != exp.Clients[0].ID {
		t.Errorf("the history ends with %+v, want the client's copy given to Marta", last)
	}
}

func TestAClientsCopyPrintsAVoidedNoteAsVoided(t *testing.T) {
	db := richDB(t)
	out := t.TempDir()
	if code, _, stderr := runCLI(t, "export", "--db", db, "--client", `Jonas "JJ" O'Brien'); DROP TABLE clients;--`, "--copy", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("PDFs written: %v", pdfs)
	}
	text := strings.Join(strings.Fields(testkit.PDFText(t, pdfs[0], testkit.Raw)), " ")
	for _, want := range []string{"Visit of 20 Oct 2026", "Voided on", "Recorded on the wrong client", "Electronically signed by Anna Keller, LMT"} {
		if !strings.Contains(text, want) {
			t.Errorf("Jonas's copy lacks %q", want)
		}
	}
}

func TestAClientsCopyIsRefusedWithoutAClientAndNeverOverwritten(t *testing.T) {
	db := richDB(t)
	out := t.TempDir()
	if code, _, stderr := runCLI(t, "export", "--db", db, "--copy", "--out", out); code == 0 || !strings.Contains(stderr, "--client") {
		t.Errorf("a copy without --client: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "export", "--db", db, "--client", "Lena Fischer", "--copy", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, _, stderr := runCLI(t, "export", "--db", db, "--client", "Lena Fischer", "--copy", "--out", out)
	if code == 0 || !strings.Contains(stderr, "already exists") {
		t.Errorf("a second copy the same day: exit %d, %q; want it refused, the first kept", code, stderr)
	}
}

func TestFHIRExportOfOneClientAndOfThePractice(t *testing.T) {
	db := richDB(t)
	one := filepath.Join(t.TempDir(), "one")
	if code, _, stderr := runCLI(t, "export", "--db", db, "--format", "fhir", "--client", "Lena Fischer", "--out", one); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, err := os.ReadFile(filepath.Join(one, FHIRFileName))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(raw), `"resourceType": "Patient"`); n != 1 || !strings.Contains(string(raw), `"family": "Fischer"`) {
		t.Errorf("Lena's Bundle holds %d patients:\n%.400s", n, raw)
	}
	testkit.AssertMode(t, filepath.Join(one, FHIRFileName), 0o600)

	all := filepath.Join(t.TempDir(), "all")
	if code, _, stderr := runCLI(t, "export", "--db", db, "--format", "fhir", "--out", all); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, err = os.ReadFile(filepath.Join(all, FHIRFileName))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(raw), `"resourceType": "Patient"`); n != 3 {
		t.Errorf("the practice's Bundle holds %d patients, want 3", n)
	}
	if code, _, stderr := runCLI(t, "export", "--db", db, "--format", "csv", "--client", "Lena Fischer", "--out", t.TempDir()); code == 0 ||
		!strings.Contains(stderr, "--client goes with --format fhir or --copy") {
		t.Errorf("--client with CSV: exit %d, %q", code, stderr)
	}
}
