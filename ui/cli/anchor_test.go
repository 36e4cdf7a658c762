package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyDB puts the database file at from in the place of to.
func copyDB(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, side := range []string{"-wal", "-shm"} {
		os.Remove(to + side)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestCheckSaysWhenTheFileWasReplacedByAnOlderCopyAndARestoreMovesTheAnchor(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // the data folder, where the heads are kept
	db := filepath.Join(t.TempDir(), "backtrack.db")
	older := filepath.Join(t.TempDir(), "older.db")
	if code, _, errOut := run(t, "demo", "--db", db, "--clients", "3", "--sessions", "2"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	code, out, errOut := run(t, "backup", "--db", db, "--out", older)
	if code != 0 || !strings.Contains(out, "history up to Record #") {
		t.Fatalf("backup: exit %d, %q %q", code, out, errOut)
	}
	// The backup's own entry moves the history past the copy.
	if code, out, _ := run(t, "check", "--db", db); code != 0 || strings.TrimSpace(out) != "ok" {
		t.Fatalf("check of the live file: exit %d, %q", code, out)
	}

	// Given the file replaced by the older copy behind Backtrack's back.
	copyDB(t, older, db)

	// Then check says so, in a sentence, and exits 1.
	code, out, _ = run(t, "check", "--db", db)
	if code != 1 || !strings.Contains(out, "replaced by an older copy") {
		t.Fatalf("check of an older copy: exit %d, %q", code, out)
	}

	// When the user restores the same copy, the restore moves the anchor.
	fresh := filepath.Join(t.TempDir(), "other.db")
	if code, _, errOut := run(t, "demo", "--db", fresh, "--clients", "1", "--sessions", "1"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	copyDB(t, fresh, db) // something else in its place, then the user's restore
	if code, _, errOut := run(t, "restore", "--db", db, "--from", older); code != 0 {
		t.Fatalf("restore: %s", errOut)
	}
	if code, out, _ := run(t, "check", "--db", db); code != 0 || strings.TrimSpace(out) != "ok" {
		t.Fatalf("check after a restore: exit %d, %q", code, out)
	}
}

func TestCheckAcceptTakesAFilePutInPlaceOnPurpose(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	db := filepath.Join(t.TempDir(), "backtrack.db")
	other := filepath.Join(t.TempDir(), "other.db")
	for _, path := range []string{db, other} {
		if code, _, errOut := run(t, "demo", "--db", path, "--clients", "1", "--sessions", "1"); code != 0 {
			t.Fatalf("demo: %s", errOut)
		}
	}
	copyDB(t, other, db)
	if code, out, _ := run(t, "check", "--db", db); code != 1 || !strings.Contains(out, "'backtrack check --accept'") {
		t.Fatalf("check of another record in its place: exit %d, %q", code, out)
	}
	if code, out, _ := run(t, "check", "--db", db, "--accept"); code != 0 || !strings.Contains(out, "is the one Backtrack knows") {
		t.Fatalf("check --accept: exit %d, %q", code, out)
	}
	if code, out, _ := run(t, "check", "--db", db); code != 0 || strings.TrimSpace(out) != "ok" {
		t.Fatalf("check after --accept: exit %d, %q", code, out)
	}
}
