package cli

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

func TestAuditPrintsTheRecordsHistoryInPlainLines(t *testing.T) {
	db := filepath.Join(t.TempDir(), "practice.db")
	if code, _, stderr := runCLI(t, "demo", "--db", db, "--clients", "6", "--sessions", "30", "--seed", "3"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	code, out, stderr := runCLI(t, "audit", "--db", db)
	if code != 0 {
		t.Fatalf("audit: %d %s", code, stderr)
	}
	for _, want := range []string{"Client added", "Note signed", "Note amended", "Pain after treatment was misread",
		"Note voided (entered in error)", "Entered on the wrong client", "Anna Keller, LMT", "visit of "} {
		if !strings.Contains(out, want) {
			t.Errorf("audit lacks %q:\n%s", want, firstLines(out, 12))
		}
	}
	// One client's history only
	first := strings.SplitN(strings.SplitN(out, "\n", 3)[1], " · ", 5)
	if len(first) < 4 {
		t.Fatalf("line %q", first)
	}
	name := first[3]
	code, one, _ := runCLI(t, "audit", "--db", db, "--client", name)
	if code != 0 || strings.Count(one, "\n") >= strings.Count(out, "\n") || !strings.Contains(one, name) {
		t.Errorf("audit --client %q: %d lines of %d", name, strings.Count(one, "\n"), strings.Count(out, "\n"))
	}
}

func TestCheckNamesANoteChangedOutsideBacktrack(t *testing.T) {
	db := filepath.Join(t.TempDir(), "practice.db")
	if code, _, stderr := runCLI(t, "demo", "--db", db, "--clients", "4", "--sessions", "12", "--seed", "3"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	if code, out, _ := runCLI(t, "check", "--db", db); code != 0 || strings.TrimSpace(out) != "ok" {
		t.Fatalf("check of a sample practice: %d %q", code, out)
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE sessions SET objective = 'edited in a hurry' WHERE signed_at <> '' AND voided_at = '' AND id = (SELECT MIN(id) FROM sessions WHERE signed_at <> '')`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	code, out, _ := runCLI(t, "check", "--db", db)
	if code != 1 || !strings.Contains(out, "was changed outside Backtrack") || !strings.Contains(out, "visit") && !strings.Contains(out, "note of") {
		t.Errorf("check after a hand edit: %d\n%s", code, out)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

func TestAuditNamesMeasuresAndPlansByTheirClientWhileTheyExist(t *testing.T) {
	db := filepath.Join(t.TempDir(), "practice.db")
	if code, _, stderr := runCLI(t, "demo", "--db", db, "--clients", "6", "--sessions", "30", "--seed", "3"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	code, out, stderr := runCLI(t, "audit", "--db", db)
	if code != 0 {
		t.Fatalf("audit: %d %s", code, stderr)
	}
	measures, plans := 0, 0
	for _, line := range strings.Split(out, "\n") {
		parts := strings.Split(line, " · ")
		if len(parts) < 4 {
			continue
		}
		switch parts[2] {
		case "Outcome measure recorded":
			measures++
			if !strings.Contains(parts[3], ", ODI of ") && !strings.Contains(parts[3], ", RMDQ of ") && !strings.Contains(parts[3], ", PSFS of ") {
				t.Errorf("a measure that exists is not named by its client and kind: %q", line)
			}
		case "Treatment plan made":
			plans++
			if !strings.Contains(parts[3], ", treatment plan from ") {
				t.Errorf("a plan that exists is not named by its client: %q", line)
			}
		}
		if strings.Contains(line, "no longer") && !strings.Contains(line, "deleted") {
			t.Errorf("a record that exists is said to be gone: %q", line)
		}
	}
	if measures == 0 || plans == 0 {
		t.Fatalf("the demo has %d measures and %d plans in its audit; the test needs both:\n%s", measures, plans, firstLines(out, 12))
	}
}
