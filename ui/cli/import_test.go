package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportJSONImportsIntoAnEmptyDatabase(t *testing.T) {
	db := seededDB(t)
	out := filepath.Join(t.TempDir(), "export")
	code, stdout, stderr := runCLI(t, "export", "--db", db, "--format", "json", "--out", out)
	if code != 0 || !strings.Contains(stdout, "backtrack.json") {
		t.Fatalf("export: %d %q %q", code, stdout, stderr)
	}
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	// a database that does not exist is not created by mistake
	code, _, stderr = runCLI(t, "import", "json", "--db", fresh, filepath.Join(out, "backtrack.json"))
	if code != 1 || !strings.Contains(stderr, "no database at") || !strings.Contains(stderr, "--new") {
		t.Fatalf("import into a missing database: %d %q", code, stderr)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Fatalf("the missing database was created: %v", err)
	}
	code, stdout, stderr = runCLI(t, "import", "json", "--new", "--db", fresh, filepath.Join(out, "backtrack.json"))
	if code != 0 || !strings.Contains(stdout, "2 clients added.") || !strings.Contains(stdout, "1 session added.") {
		t.Fatalf("import: %d %q %q", code, stdout, stderr)
	}
	// an export folder is new or empty: the CSV files go into their own
	if code, _, stderr := runCLI(t, "export", "--db", db, "--format", "csv", "--out", out); code != 1 ||
		!strings.Contains(stderr, "already has files in it") {
		t.Errorf("csv export into the JSON export's folder: %d %q", code, stderr)
	}
	code, stdout, _ = runCLI(t, "export", "--db", db, "--format", "csv", "--out", filepath.Join(t.TempDir(), "csv"))
	if code != 0 || strings.Count(stdout, "Wrote") != 5 || !strings.Contains(stdout, "measures.csv") || !strings.Contains(stdout, "history-head.txt") {
		t.Errorf("csv export: %q", stdout)
	}
	if code, _, stderr := runCLI(t, "export", "--db", db, "--format", "xml", "--out", out); code != ExitUsage {
		t.Errorf("--format xml: exit %d %q", code, stderr)
	}
}

func TestImportReportsRowsAndColumnsAndWritesNothing(t *testing.T) {
	db := seededDB(t)
	file := filepath.Join(t.TempDir(), "sessions.csv")
	os.WriteFile(file, []byte("Client;Date;Pain_Before;Muscles\n"+
		"Marta Nowak;2026-11-01 10:00;5;Gluteus medius (left)\n"+
		"Marta Nowak;2026-02-30;11;\n"), 0o600)

	code, stdout, stderr := runCLI(t, "import", "sessions", "--db", db, file)
	if code != 1 {
		t.Fatalf("exit %d, want 1; %q %q", code, stdout, stderr)
	}
	for _, want := range []string{"2 problems; nothing was imported", "row 3, date:", "row 3, pain_before:"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}

	// Fixed, checked first (flag after the file), then imported.
	os.WriteFile(file, []byte("Client;Date;Pain_Before;Muscles\n"+
		"Marta Nowak;2026-11-01 10:00;5;\"Gluteus medius (left); Obliquus externus (right)\"\n"), 0o600)
	code, stdout, stderr = runCLI(t, "import", "sessions", "--db", db, file, "--check")
	if code != 0 || !strings.Contains(stdout, "1 session would be added.") || !strings.Contains(stdout, "Would be added to your vocabulary: Muscle: Obliquus externus") {
		t.Fatalf("check: %d %q %q", code, stdout, stderr)
	}
	// A term the vocabulary lacks is listed, and nothing written until
	// the therapist says to add it.
	code, stdout, stderr = runCLI(t, "import", "sessions", "--db", db, file)
	if code != 1 || !strings.Contains(stdout, "Would be added to your vocabulary: Muscle: Obliquus externus") ||
		!strings.Contains(stderr, "nothing was imported") || !strings.Contains(stderr, "--add-terms") {
		t.Fatalf("import without --add-terms: %d %q %q", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "import", "sessions", "--db", db, file)
	if code != 1 || strings.Contains(stdout, "1 session added.") {
		t.Fatalf("the refused import wrote its session: %d %q", code, stdout)
	}
	code, stdout, _ = runCLI(t, "import", "sessions", "--add-terms", "--db", db, file)
	if code != 0 || !strings.Contains(stdout, "1 session added.") || !strings.Contains(stdout, "Added to your vocabulary: Muscle: Obliquus externus") {
		t.Fatalf("import: %d %q", code, stdout)
	}
}

func TestImportUsageMistakes(t *testing.T) {
	for _, args := range [][]string{{"import"}, {"import", "patients", "x.csv"}, {"import", "clients"},
		{"import", "clients", "a.csv", "b.csv"}, {"import", "clients", "--nope", "a.csv"}} {
		if code, _, stderr := runCLI(t, args...); code != ExitUsage || !strings.Contains(stderr, "usage:") {
			t.Errorf("%v: exit %d %q", args, code, stderr)
		}
	}
}

func TestImportMeasuresFromPaperForms(t *testing.T) {
	db := seededDB(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "forms.csv")
	os.WriteFile(good, []byte("client,date,measure,item,score\n"+
		"Marta Nowak,2026-11-01,psfs,Sitting at my desk,3\n"+
		"Marta Nowak,2026-11-01,psfs,Lifting the shopping,4\n"+
		"Marta Nowak,2026-11-01,psfs,Gardening,5\n"), 0o600)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("client,date,measure,item,score\n"+
		"Marta Nowak,2026-11-02,odi,pain intensity,6\n"), 0o600)
	code, stdout, stderr := runCLI(t, "import", "measures", "--db", db, bad)
	if code != 1 || !strings.Contains(stderr, "row 2, score: ODI section 1 (Pain intensity) is scored 6") {
		t.Fatalf("bad file: %d %q %q", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "import", "measures", "--db", db, good)
	if code != 0 || !strings.Contains(stdout, "1 outcome measure added.") {
		t.Fatalf("good file: %d %q %q", code, stdout, stderr)
	}
}
