package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRestoreIntoAFolderSaysItIsAFolder(t *testing.T) {
	db := seededDB(t)
	backup := filepath.Join(t.TempDir(), "copy.db")
	if code, _, stderr := runCLI(t, "backup", "--db", db, "--out", backup); code != 0 {
		t.Fatalf("backup: %d %s", code, stderr)
	}
	dir := t.TempDir()
	code, _, stderr := runCLI(t, "restore", "--db", dir, "--from", backup)
	if code != 1 || !strings.Contains(stderr, dir+" is a folder, not a database file") || strings.Contains(stderr, "in use") {
		t.Errorf("restore into a folder: %d %q", code, stderr)
	}
}

// An empty or foreign file given as --db is refused by every command that
// reads, in one sentence, and left as it was.
func TestEmptyOrForeignFileIsNotADatabase(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	foreign := filepath.Join(dir, "notes.txt")
	os.WriteFile(empty, nil, 0o600)
	os.WriteFile(foreign, []byte("shopping list\n"), 0o600)
	for _, tc := range []struct{ file, want string }{
		{empty, empty + " is empty: not a Backtrack database"},
		{foreign, foreign + " is not a Backtrack database"},
	} {
		for _, args := range [][]string{
			{"check", "--db", tc.file},
			{"export", "--db", tc.file, "--format", "json", "--out", filepath.Join(dir, "out")},
			{"report", "--db", tc.file, "--all", "--out", filepath.Join(dir, "reports")},
			{"backup", "--db", tc.file, "--out", filepath.Join(dir, "b.db")},
		} {
			code, stdout, stderr := runCLI(t, args...)
			if code != 1 || !strings.Contains(stderr, tc.want) || strings.Contains(stdout, "ok") {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", args, code, stdout, stderr, tc.want)
			}
		}
	}
	if st, err := os.Stat(empty); err != nil || st.Size() != 0 {
		t.Errorf("the empty file was changed: %v %v", st.Size(), err)
	}
	for _, left := range []string{"out", "reports", "b.db", "empty.db-wal", "empty.db-shm"} {
		if _, err := os.Stat(filepath.Join(dir, left)); err == nil {
			t.Errorf("%s was made", left)
		}
	}
}

// import --new that only checks, or is refused, leaves no database and no
// folder it made.
func TestImportNewThatWritesNothingLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "clients.csv")
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(good, []byte("first_name,last_name\nAnna,Smith\n"), 0o600)
	os.WriteFile(bad, []byte("first_name,last_name,date_of_birth\nAnna,Smith,1990-02-30\n"), 0o600)
	db := filepath.Join(dir, "new", "practice", "backtrack.db")

	code, stdout, stderr := runCLI(t, "import", "clients", "--new", "--check", "--db", db, good)
	if code != 0 || !strings.Contains(stdout, "nothing was written") {
		t.Fatalf("check: %d %q %q", code, stdout, stderr)
	}
	assertOnly(t, dir, "bad.csv", "clients.csv")

	code, _, stderr = runCLI(t, "import", "clients", "--new", "--db", db, bad)
	if code != 1 || !strings.Contains(stderr, "nothing was imported") {
		t.Fatalf("refused import: %d %q", code, stderr)
	}
	assertOnly(t, dir, "bad.csv", "clients.csv")

	// into a folder that exists, the folder stays
	os.Mkdir(filepath.Join(dir, "kept"), 0o700)
	db = filepath.Join(dir, "kept", "backtrack.db")
	if code, _, stderr := runCLI(t, "import", "clients", "--new", "--check", "--db", db, good); code != 0 {
		t.Fatalf("check: %d %q", code, stderr)
	}
	assertOnly(t, dir, "bad.csv", "clients.csv", "kept")
	assertOnly(t, filepath.Join(dir, "kept"))

	code, stdout, _ = runCLI(t, "import", "clients", "--new", "--db", db, good)
	if code != 0 || !strings.Contains(stdout, "1 client added.") || clientsIn(t, db) != 1 {
		t.Errorf("import --new: %d %q", code, stdout)
	}
}

// assertOnly fails unless dir holds exactly the names given.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}
