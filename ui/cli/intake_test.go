package cli_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/sqlstore"
)

// demoDB is a sample practice of a few clients in a fresh database.
func demoDB(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "sample.db")
	if code, _, stderr := run(t, "demo", "--db", path, "--clients", "6", "--seed", "3"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	return path
}

func TestTheIntakeSummaryPrintsTheScreenTheConsentAndASignatureLine(t *testing.T) {
	path := demoDB(t)
	out := filepath.Join(t.TempDir(), "intake.pdf")
	// The sample's first client had a red flag, referred and cleared
	code, stdout, stderr := run(t, "report", "--db", path, "--intake", "--client", "1", "--out", out, "--date", "2026-11-25")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	mustContainAll(t, "stdout", stdout, "intake summary")
	text := pdfText(t, out)
	mustContainAll(t, "intake PDF", text, "Intake summary", "Red-flag screen (low back pain)", "Finucane et al. 2020",
		"2018 cauda equina update", "Constant pain at night", "referred to "+demo.ReferredTo, "cleared for treatment by "+demo.ClearedBy,
		"Consent to treatment", "Gluteal region (sensitive)", "Inner thigh and groin (sensitive)",
		"Client: ", "I confirm that the information above is correct", "Not asked")

	// The sample's second client has no consent on file: the paper says so
	out2 := filepath.Join(t.TempDir(), "none.pdf")
	if code, _, stderr := run(t, "report", "--db", path, "--intake", "--client", "2", "--out", out2); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	mustContainAll(t, "intake PDF without consent", pdfText(t, out2), "No consent on file")

	// The physician's edition of the progress report has the history and the screen
	out3 := filepath.Join(t.TempDir(), "physician.pdf")
	if code, _, stderr := run(t, "report", "--db", path, "--for", "physician", "--client", "1", "--out", out3); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	mustContainAll(t, "physician edition", pdfText(t, out3), "Progress report", "Relevant history and red-flag screen",
		"Red flag cleared", "Finucane et al. 2020")
	if text := pdfText(t, out3); strings.Contains(text, "I confirm that") {
		t.Error("the progress report asks the client to sign")
	}

	// a folder as --out names the file as an intake
	dir := t.TempDir()
	if code, stdout, stderr := run(t, "report", "--db", path, "--intake", "--client", "1", "--out", dir, "--date", "2026-11-25"); code != 0 ||
		!strings.Contains(stdout, "_intake_2026-11-25.pdf") {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	// and it is in the record's history
	s, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	log, _ := s.AuditLog(context.Background(), store.AuditQuery{})
	if last := log[len(log)-1]; last.Action != store.ReportPrinted || last.Detail != "Intake summary" {
		t.Errorf("history: %+v", last)
	}
}

func TestIntakeFlagMistakesAreUsageErrors(t *testing.T) {
	path := demoDB(t)
	for _, args := range [][]string{
		{"--intake", "--all", "--out", t.TempDir()},
		{"--intake", "--client", "1", "--from", "2026-01-01", "--out", "x.pdf"},
		{"--intake", "--for", "insurer", "--client", "1", "--out", "x.pdf"},
	} {
		code, _, stderr := run(t, append([]string{"report", "--db", path}, args...)...)
		if code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}

func TestTheSampleHasAReferredClientAndOneWithoutConsent(t *testing.T) {
	path := demoDB(t)
	s, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	rows, _ := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	without, intakes := 0, 0
	for _, r := range rows {
		h, err := s.Health(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !r.ConsentOnFile {
			without++
		}
		if h.Intake.OnFile() && h.Intake.Reason != "" && len(h.Screens) == 1 {
			intakes++
		}
	}
	if without != 1 || intakes != len(rows) {
		t.Errorf("%d clients without consent (want 1), %d of %d with an intake and screen", without, intakes, len(rows))
	}
	h, _ := s.Health(ctx, 1)
	if sc := h.Screens[0]; len(sc.Positive()) != 1 || !sc.Referred() || !sc.Cleared() || sc.Open() {
		t.Errorf("the referred client's screen: %+v", sc)
	}
}

func mustContainAll(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}
