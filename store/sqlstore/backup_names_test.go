package sqlstore_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backtrack/store/sqlite"
	"backtrack/store/testkit"
)

func TestBackupsOfTwoDatabasesWithOneNameKeepApart(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	// Given a.db and a.sqlite in one folder, each with its backups
	dir := t.TempDir()
	dbA := testkit.OpenStoreAt(t, filepath.Join(dir, "a.db"), fixedNow)
	dbB := testkit.OpenStoreAt(t, filepath.Join(dir, "a.sqlite"), fixedNow)
	day := time.Date(2026, 11, 1, 8, 30, 0, 0, time.Local)
	for i := 0; i < 3; i++ {
		if _, err := dbB.AutoBackup(ctx, day.AddDate(0, 0, i)); err != nil {
			t.Fatal(err)
		}
	}

	// When a.db's backups rotate past the fourteen kept, later days
	for i := 0; i < sqlite.KeepBackups+2; i++ {
		if _, err := dbA.AutoBackup(ctx, day.AddDate(0, 0, 10+i)); err != nil {
			t.Fatal(err)
		}
	}

	// Then each lists only its own, and a.sqlite's three are all there
	a, err := sqlite.ListBackups(dbA.Path())
	if err != nil {
		t.Fatal(err)
	}
	b, err := sqlite.ListBackups(dbB.Path())
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != sqlite.KeepBackups || len(b) != 3 {
		t.Fatalf("a.db has %d backups, a.sqlite %d; want %d and 3", len(a), len(b), sqlite.KeepBackups)
	}
	for _, f := range a {
		if !strings.HasPrefix(filepath.Base(f.Path), "a.db-") {
			t.Errorf("a.db's backup %s does not carry its name", filepath.Base(f.Path))
		}
	}
	for _, f := range b {
		if !strings.HasPrefix(filepath.Base(f.Path), "a.sqlite-") {
			t.Errorf("a.sqlite's backup %s does not carry its name", filepath.Base(f.Path))
		}
	}
}

func TestBackupsNamedBeforeTheExtensionWasKeptStillList(t *testing.T) {
	testkit.SQLiteOnly(t)
	// Given a database alone in its folder with a backup of the old name
	dir := t.TempDir()
	s := testkit.OpenStoreAt(t, filepath.Join(dir, "practice.db"), fixedNow)
	backups := sqlite.BackupDir(s.Path())
	if err := os.MkdirAll(backups, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(context.Background(), filepath.Join(backups, "practice-2026-10-01-080000.db")); err != nil {
		t.Fatal(err)
	}
	// Then it is listed as the database's backup
	listed, err := sqlite.ListBackups(s.Path())
	if err != nil || len(listed) != 1 {
		t.Fatalf("listed %v %v, want the one old-named backup", listed, err)
	}
	// But once practice.sqlite sits beside it, the old name could be
	// either's, and neither lists (nor rotates) it
	other := testkit.OpenStoreAt(t, filepath.Join(dir, "practice.sqlite"), fixedNow)
	for _, path := range []string{s.Path(), other.Path()} {
		if listed, err := sqlite.ListBackups(path); err != nil || len(listed) != 0 {
			t.Errorf("%s lists %v %v, want none", filepath.Base(path), listed, err)
		}
	}
}
