package cli_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

func TestReportOneSessionByNumberOrUUID(t *testing.T) {
	db, ids := reportDB(t)
	s, err := sqlstore.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	hist, err := s.ClientHistory(context.Background(), ids["Ångström-Łukasiewicz"], store.Period{})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	oct := hist[0] // 3 Oct 2026: 5 → 2
	dir := t.TempDir()
	for _, ref := range []string{strconv.FormatInt(oct.ID, 10), strings.ToUpper(oct.UID)} {
		code, stdout, stderr := run(t, "report", "--db", db, "--session", ref, "--date", "2026-11-25", "--out", dir)
		if code != 0 {
			t.Fatalf("--session %s: exit %d: %s", ref, code, stderr)
		}
		if !strings.Contains(stdout, "visit of 2026-10-03 10:00") {
			t.Errorf("stdout %q", stdout)
		}
		text := pdfText(t, filepath.Join(dir, "Ångström-Łukasiewicz_Zoë_visit_2026-10-03.pdf"))
		for _, want := range []string{"Visit note", "Zoë Ångström-Łukasiewicz", "3 Oct 2026, 10:00",
			"Before treatment 5 / 10, after 2 / 10", "Massage", "Confidential health information"} {
			if !strings.Contains(text, want) {
				t.Errorf("--session %s: the note lacks %q", ref, want)
			}
		}
	}
	if code, _, stderr := run(t, "report", "--db", db, "--session", "999", "--out", dir); code != 1 || !strings.Contains(stderr, "no session") {
		t.Errorf("unknown session: exit %d, %q", code, stderr)
	}
	if code, _, _ := run(t, "report", "--db", db, "--session", "1", "--all", "--out", dir); code != 2 {
		t.Errorf("--session with --all: exit %d, want 2", code)
	}
}
