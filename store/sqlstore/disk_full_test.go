package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func TestAnImportOnAFullDiskSaysSoAndWritesNothing(t *testing.T) {
	testkit.SQLiteOnly(t)
	// Given a database on a disk with room for little more than itself
	// (the schema of 17 migrations and its write-ahead log take most of
	// it; the file below is over 1 MB)
	dir := testkit.SmallDisk(t, 576<<10)
	s := testkit.OpenStoreAt(t, filepath.Join(dir, "practice.db"))
	testkit.MustClient(t, s, "Marta", "Nowak")
	// When a clients file larger than the room left is imported
	var csv strings.Builder
	csv.WriteString("first_name,last_name,medical_history\n")
	for i := range 3000 {
		fmt.Fprintf(&csv, "Client%d,Example,%s\n", i, strings.Repeat("history ", 40))
	}
	_, err := interchange.ImportClientsCSV(context.Background(), s, strings.NewReader(csv.String()), interchange.ImportOptions{})
	// Then the disk, not a row, is named, with the file refused whole
	if !errors.Is(err, store.ErrDiskFull) || !strings.Contains(err.Error(), "nothing was imported") || strings.Contains(err.Error(), "row ") {
		t.Fatalf("import on a full disk: %v", err)
	}
	if n := testkit.ClientCount(t, s); n != 1 {
		t.Errorf("%d clients after the refused import, want 1", n)
	}
}

func TestOpeningADatabaseInAFolderThatCannotBeWrittenSaysSo(t *testing.T) {
	testkit.SQLiteOnly(t)
	if os.Geteuid() == 0 {
		// root writes anywhere: a read-only mount is the real thing
		dir := testkit.SmallDisk(t, 1<<20)
		path := filepath.Join(dir, "practice.db")
		s := testkit.OpenStoreAt(t, path)
		testkit.MustClient(t, s, "Marta", "Nowak")
		s.Close()
		if out, err := execRemount(dir); err != nil {
			t.Skipf("cannot remount read-only: %v %s", err, out)
		}
		_, err := sqlstore.Open(context.Background(), path)
		if !errors.Is(err, store.ErrReadOnly) {
			t.Errorf("open on a read-only disk: %v; want ErrReadOnly", err)
		}
		return
	}
	t.Skip("needs root to mount a read-only disk")
}

func execRemount(dir string) ([]byte, error) {
	return exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput()
}
