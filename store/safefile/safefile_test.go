package safefile_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"backtrack/store/safefile"
)

// folder is a fresh folder whose name has a space and an accent, as a
// Windows user's profile ("C:\Users\José Núñez") has; removed at the end
// without failing the test, as wine cannot always remove a folder.
func folder(t *testing.T) string {
	t.Helper()
	parent, err := os.MkdirTemp("", "safefile-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(parent) })
	dir := filepath.Join(parent, "José Núñez", "backups")
	if err := safefile.PrivateDir(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestAWholeFileAppearsUnderItsNameOnEverySystem(t *testing.T) {
	// Given a private folder (on Windows a folder handle cannot be flushed:
	// syncing it there once failed every backup with "Access is denied")
	dir := folder(t)
	final := filepath.Join(dir, "backtrack-2026-11-01.db")

	// When a file is written all or nothing
	err := safefile.WriteAtomic(final, func(w io.Writer) error {
		_, err := io.WriteString(w, "whole\r\n")
		return err
	})

	// Then it is there, whole, and no partial file is left beside it
	if err != nil {
		t.Fatalf("WriteAtomic: %v", err)
	}
	if got, err := os.ReadFile(final); err != nil || string(got) != "whole\r\n" {
		t.Fatalf("read back %q, %v", got, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("folder holds %d entries, want the one file", len(entries))
	}
}

func TestCommitReplacesAnOlderFile(t *testing.T) {
	// Given a file already under the final name
	dir := folder(t)
	final := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(final, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	partial, err := safefile.Partial(dir)
	if err != nil {
		t.Fatalf("Partial: %v", err)
	}
	if err := safefile.CopyInto(partial, final); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(partial, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}

	// When the new one is committed
	if err := safefile.Commit(partial, final); err != nil {
		t.Fatalf("Commit: %v", err)
	}

	// Then the new content is under the name and the partial is gone
	if got, _ := os.ReadFile(final); string(got) != "new" {
		t.Fatalf("final holds %q", got)
	}
	if _, err := os.Stat(partial); !os.IsNotExist(err) {
		t.Fatalf("partial still there: %v", err)
	}
}

func TestADatabaseFileIsCreatedInAFolderWithASpaceAndAnAccent(t *testing.T) {
	// Given a path such as C:\Users\José Núñez\AppData\Roaming\...\backtrack.db
	path := filepath.Join(folder(t), "Données patient", "backtrack.db")

	// When it is made ready for SQLite, twice (the second finds it there)
	for range 2 {
		if err := safefile.EnsurePrivateFile(path); err != nil {
			t.Fatalf("EnsurePrivateFile: %v", err)
		}
	}

	// Then the file exists and the folder can be synced after a rename
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	if err := safefile.SyncDir(filepath.Dir(path)); err != nil {
		t.Fatalf("SyncDir: %v", err)
	}
}
