package cli_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
	"backtrack/ui/cli"
)

// reportDB makes a database with two namesakes and one unique client, each
// with a visit, and points the preferences at a test folder.
func reportDB(t *testing.T) (path string, ids map[string]int64) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path = filepath.Join(t.TempDir(), "backtrack.db")
	ctx := context.Background()
	s, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids = map[string]int64{}
	massage, err := s.TermNamed(ctx, store.Technique, "Massage")
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range [][2]string{{"Lena", "Fischer"}, {"Lena", "Fischer"}, {"Zoë", "Ångström-Łukasiewicz"}} {
		c, err := s.CreateClient(ctx, store.Client{FirstName: n[0], LastName: n[1],
			DateOfBirth: time.Date(1970+i, 5, 2, 0, 0, 0, 0, time.Local)})
		if err != nil {
			t.Fatal(err)
		}
		ids[n[1]] = c.ID
		for v := range 3 {
			_, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, DurationMin: 60,
				Start:      time.Date(2026, time.Month(8+v), 3, 10, 0, 0, 0, time.Local),
				PainBefore: store.PainOf(7 - v), PainAfter: store.PainOf(4 - v),
				Techniques: []store.Tag{{TermID: massage.ID}}}})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	return path, ids
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	return strings.Join(strings.Fields(testkit.PDFText(t, path, testkit.Raw)), " ")
}

func TestReportByNameWithPreferencesAndOverrides(t *testing.T) {
	db, _ := reportDB(t)
	// The desk saved its practice details in Fyne's preferences file
	prefs := map[string]any{settings.KeyPracticeName: "Back in Balance", settings.KeyTherapist: "Anna Keller",
		settings.KeyCredentials: "LMT"}
	raw, _ := json.Marshal(prefs)
	if err := os.MkdirAll(filepath.Dir(settings.PreferencesPath()), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(settings.PreferencesPath(), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "zoe.pdf")

	code, stdout, stderr := run(t, "report", "--db", db, "--client", "zoe angstrom-lukasiewicz",
		"--from", "2026-09-01", "--to", "2026-10-31", "--credentials", "LMT, CMTPT", "--date", "2026-11-25", "--out", out)

	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Zoë Ångström-Łukasiewicz, 2 visits") {
		t.Errorf("stdout %q", stdout)
	}
	text := pdfText(t, out)
	for _, want := range []string{"Back in Balance", "Anna Keller, LMT, CMTPT", "Report date 25 Nov 2026",
		"Zoë Ångström-Łukasiewicz", "1 Sep – 31 Oct 2026", "6 → 3", "5 → 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text, "7 → 4") {
		t.Error("a visit before --from is in the report")
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("report file: %v %v", info.Mode(), err)
	}
}

func TestReportByIDOnLetterIntoAFolder(t *testing.T) {
	db, ids := reportDB(t)
	dir := t.TempDir()
	code, _, stderr := run(t, "report", "--db", db, "--client", strconv.FormatInt(ids["Ångström-Łukasiewicz"], 10),
		"--paper", "letter", "--date", "2026-11-25", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "Ångström-Łukasiewicz_Zoë_progress_2026-11-25.pdf")
	info, _ := exec.Command("pdfinfo", out).Output()
	if !strings.Contains(string(info), "(letter)") {
		t.Errorf("not on Letter paper: %s", info)
	}
}

func TestReportRefusesAmbiguousOrUnknownClients(t *testing.T) {
	db, _ := reportDB(t)
	out := filepath.Join(t.TempDir(), "r.pdf")
	cases := []struct {
		client string
		want   []string
	}{
		{"Lena Fischer", []string{`2 clients are named "Lena Fischer"`, "--client 1   Lena Fischer (born 1970-05-02)", "--client 2   Lena Fischer (born 1971-05-02)"}},
		{"Nobody Here", []string{`no client named "Nobody Here"`}},
		{"99", []string{"no client with ID 99"}},
	}
	for _, c := range cases {
		code, _, stderr := run(t, "report", "--db", db, "--client", c.client, "--out", out)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1", c.client, code)
		}
		for _, w := range c.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: stderr %q lacks %q", c.client, stderr, w)
			}
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a report was written for a client that could not be chosen")
	}
}

func TestReportUsageMistakes(t *testing.T) {
	db, _ := reportDB(t)
	for _, args := range [][]string{
		{"--db", db, "--out", "x.pdf"},
		{"--db", db, "--client", "1"},
		{"--db", db, "--client", "1", "--all", "--out", "d"},
		{"--db", db, "--client", "1", "--from", "1 Sep", "--out", "x.pdf"},
		{"--db", db, "--client", "1", "--from", "2026-10-01", "--to", "2026-09-01", "--out", "x.pdf"},
		{"--db", db, "--client", "1", "--paper", "A3", "--out", "x.pdf"},
	} {
		if code, _, stderr := run(t, append([]string{"report"}, args...)...); code != cli.ExitUsage || !strings.Contains(stderr, "usage:") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, _, stderr := run(t, "report", "--db", filepath.Join(t.TempDir(), "none.db"), "--client", "1", "--out", "x.pdf"); code != 1 ||
		!strings.Contains(stderr, "no database at") {
		t.Errorf("missing database: exit %d, %q", code, stderr)
	}
}

func TestReportAllWritesEachActiveClientWithProgress(t *testing.T) {
	db, _ := reportDB(t)
	dir := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := run(t, "report", "--db", db, "--all", "--date", "2026-11-25", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stderr != "1 of 3\n2 of 3\n3 of 3\n" || !strings.Contains(stdout, "wrote 3 reports to "+dir) {
		t.Errorf("stdout %q stderr %q", stdout, stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Fatalf("%d files in %s, want 3", len(entries), dir)
	}
	text := pdfText(t, filepath.Join(dir, "Ångström-Łukasiewicz_Zoë_progress_2026-11-25.pdf"))
	if !strings.Contains(text, "Zoë Ångström-Łukasiewicz") {
		t.Errorf("batch report lacks the client's name")
	}
}

func TestReportAllNamesClientsOnlyWhenVerbose(t *testing.T) {
	db, _ := reportDB(t)
	code, _, stderr := run(t, "report", "--db", db, "--all", "--verbose", "--date", "2026-11-25", "--out", t.TempDir())
	if code != 0 || !strings.Contains(stderr, "3 of 3: ") || !strings.Contains(stderr, "Zoë Ångström-Łukasiewicz") {
		t.Errorf("--verbose: %d %q", code, stderr)
	}
}

func TestReportSaysWhichFieldsPrintAsBoxesBeforeWriting(t *testing.T) {
	// Given a client named in Arabic (which the report cannot shape) and one
	// in Chinese (which it prints)
	path, _ := reportDB(t)
	ctx := context.Background()
	s, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range [][2]string{{"Omar", "عمر"}, {"芳", "王"}} {
		c, err := s.CreateClient(ctx, store.Client{FirstName: n[0], LastName: n[1]})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, DurationMin: 60,
			Start: time.Date(2026, 9, 3, 10, 0, 0, 0, time.Local), PainBefore: store.PainOf(6), PainAfter: store.PainOf(4)}}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	// When each report is written
	out := filepath.Join(t.TempDir(), "omar.pdf")
	code, _, stderr := run(t, "report", "--db", path, "--client", "Omar عمر", "--out", out)
	chinese := filepath.Join(t.TempDir(), "wang.pdf")
	codeZh, _, stderrZh := run(t, "report", "--db", path, "--client", "芳 王", "--out", chinese)

	// Then the Arabic one names the field and its characters, and is written
	// with boxes; the Chinese one prints its name and warns of nothing
	want := "warning: The client's last name has characters this report cannot print: عمر; they print as boxes."
	if code != 0 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr %q; want %q", code, stderr, want)
	}
	if codeZh != 0 || strings.Contains(stderrZh, "warning") {
		t.Errorf("Chinese: exit %d, stderr %q", codeZh, stderrZh)
	}
	if text := pdfText(t, chinese); !strings.Contains(text, "芳 王") {
		t.Errorf("Chinese report reads %q", text)
	}
}

func TestReportForEachReader(t *testing.T) {
	db, ids := reportDB(t)
	id := strconv.FormatInt(ids["Ångström-Łukasiewicz"], 10)
	for edition, want := range map[string]string{"client": "Dear Zoë", "physician": "For the physician", "insurer": "Visits and dates"} {
		out := filepath.Join(t.TempDir(), edition+".pdf")
		if code, _, stderr := run(t, "report", "--db", db, "--client", id, "--for", edition, "--out", out); code != 0 {
			t.Fatalf("--for %s: exit %d: %s", edition, code, stderr)
		}
		if text := testkit.PDFText(t, out, testkit.Raw); !strings.Contains(text, want) {
			t.Errorf("--for %s does not say %q", edition, want)
		}
	}
	if code, _, stderr := run(t, "report", "--db", db, "--client", id, "--for", "lawyer", "--out", filepath.Join(t.TempDir(), "x.pdf")); code != cli.ExitUsage ||
		!strings.Contains(stderr, "choose client, physician or insurer") {
		t.Errorf("--for lawyer: exit %d %q", code, stderr)
	}
}

// The forms of the client's screen print blank for a client who prefers
// paper, asking each sensitive area, in the client's words.
func TestReportBlankFormsForOneClientIntoAFolder(t *testing.T) {
	db, ids := reportDB(t)
	dir := t.TempDir()
	code, stdout, stderr := run(t, "report", "--db", db, "--blank-forms", "--client", strconv.FormatInt(ids["Ångström-Łukasiewicz"], 10),
		"--paper", "letter", "--date", "2026-11-25", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "Ångström-Łukasiewicz_Zoë_forms_2026-11-25.pdf")
	if !strings.Contains(stdout, out) {
		t.Errorf("stdout %q does not say where the forms went", stdout)
	}
	text := pdfText(t, out)
	for _, want := range []string{"Forms to fill in", "Zoë Ångström-Łukasiewicz", "How bad is your pain today?", "Your signature",
		strings.Join(strings.Fields(store.SaddleNumbness.ClientWords()), " "),
		strings.Join(strings.Fields(store.AreaGluteal.ClientWords()), " "),
		strings.Join(strings.Fields(store.AreaAbdomen.ClientWords()), " ")} {
		if !strings.Contains(text, want) {
			t.Errorf("the blank forms lack %q", want)
		}
	}
	if info, _ := exec.Command("pdfinfo", out).Output(); !strings.Contains(string(info), "(letter)") {
		t.Errorf("not on Letter paper: %s", info)
	}
	if code, _, stderr := run(t, "report", "--db", db, "--blank-forms", "--all", "--out", dir); code != cli.ExitUsage ||
		!strings.Contains(stderr, "--blank-forms prints one client's forms") {
		t.Errorf("--blank-forms with --all: exit %d, %q", code, stderr)
	}
}
