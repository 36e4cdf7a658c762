package sqlstore_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// countClients opens the database at path and counts its clients.
func countClients(t *testing.T, path string) int {
	t.Helper()
	s, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer s.Close()
	all, err := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	return len(all)
}

func TestRestoreBringsBackTheBackupAndKeepsTheCurrentDatabase(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	seedRecords(t, s)
	backup := filepath.Join(t.TempDir(), "before.db.age")
	if _, err := s.BackupEncrypted(ctx, backup, "pass phrase"); err != nil {
		t.Fatal(err)
	}
	// After the backup the therapist adds a client, then regrets it.
	testkit.MustClient(t, s, "Lena", "Fischer")
	dbPath := s.Path()
	s.Close()

	if _, err := sqlite.Restore(ctx, dbPath, backup, "", fixedNow); !errors.Is(err, store.ErrPassphraseRequired) {
		t.Fatalf("restore without passphrase: %v", err)
	}
	if _, err := sqlite.Restore(ctx, dbPath, backup, "wrong", fixedNow); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Fatalf("restore with wrong passphrase: %v", err)
	}
	if n := countClients(t, dbPath); n != 3 {
		t.Fatalf("failed restores changed the database: %d clients", n)
	}

	res, err := sqlite.Restore(ctx, dbPath, backup, "pass phrase", fixedNow)
	if err != nil {
		t.Fatalf("restore: %v", err)
	}
	if res.Restored.Clients != 2 || !res.Restored.Encrypted {
		t.Errorf("restored info %+v", res.Restored)
	}
	if n := countClients(t, dbPath); n != 2 {
		t.Errorf("after restore %d clients, want the backup's 2", n)
	}
	if res.Previous == "" || filepath.Dir(res.Previous) != filepath.Dir(dbPath) {
		t.Fatalf("previous database kept at %q, want beside %s", res.Previous, dbPath)
	}
	testkit.AssertMode(t, res.Previous, 0o600)
	testkit.AssertMode(t, dbPath, 0o600)
	if n := countClients(t, res.Previous); n != 3 {
		t.Errorf("kept copy has %d clients, want the replaced 3", n)
	}
	if problems, err := sqlite.Check(ctx, dbPath); err != nil || len(problems) > 0 {
		t.Errorf("check after restore: %v %v", problems, err)
	}
}

func TestRestoreRefusesABadFileAndChangesNothing(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	seedRecords(t, s)
	dbPath := s.Path()
	s.Close()
	before, _ := os.ReadFile(dbPath)
	bad := filepath.Join(t.TempDir(), "photo.db")
	os.WriteFile(bad, []byte("\x89PNG\r\n\x1a\n not a database"), 0o600)

	if _, err := sqlite.Restore(ctx, dbPath, bad, "", fixedNow); !errors.Is(err, store.ErrNotBackup) {
		t.Fatalf("restore from a picture: %v, want ErrNotBackup", err)
	}
	after, _ := os.ReadFile(dbPath)
	if string(before) != string(after) {
		t.Error("the database changed")
	}
	entries, _ := os.ReadDir(filepath.Dir(dbPath))
	for _, e := range entries {
		if e.Name() != filepath.Base(dbPath) {
			t.Errorf("left behind %s", e.Name())
		}
	}
	if _, err := sqlite.Restore(ctx, dbPath, dbPath, "", fixedNow); err == nil {
		t.Error("restoring the database onto itself was accepted")
	}
}

func TestRestoreRefusesWhileTheDatabaseIsOpen(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	seedRecords(t, s)
	backup := filepath.Join(t.TempDir(), "b.db")
	if _, err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	testkit.MustClient(t, s, "Lena", "Fischer")
	_, err := sqlite.Restore(ctx, s.Path(), backup, "", fixedNow.Add(time.Minute))
	if !errors.Is(err, store.ErrDatabaseInUse) {
		t.Fatalf("restore under an open store: %v, want ErrDatabaseInUse", err)
	}
}

func TestRestoreFromADatabaseWithALiveLogBringsEveryRowOfTheLog(t *testing.T) {
	testkit.SQLiteOnly(t)
	// Given a database still open elsewhere, its last clients only in the -wal
	ctx := context.Background()
	dir := t.TempDir()
	source := testkit.OpenStoreAt(t, filepath.Join(dir, "other.db"))
	for i := range 31 {
		if _, err := source.CreateClient(ctx, store.Client{FirstName: "Client", LastName: string(rune('A' + i%26))}); err != nil {
			t.Fatal(err)
		}
	}
	if st, err := os.Stat(source.Path() + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("the source has no live log to test with: %v", err)
	}
	// When it is restored into another database
	target := filepath.Join(dir, "practice.db")
	if _, err := sqlite.Restore(ctx, target, source.Path(), "", fixedNow); err != nil {
		t.Fatal(err)
	}
	// Then all 31 are there, not only those already in the main file
	if n := countClients(t, target); n != 31 {
		t.Errorf("%d clients restored, want 31", n)
	}
}

func TestTwoRestoresInOneSecondKeepBothCopies(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	testkit.MustClient(t, s, "Marta", "Nowak")
	backup := filepath.Join(t.TempDir(), "backup.db")
	if _, err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	first, err := sqlite.Restore(ctx, path, backup, "", fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	second, err := sqlite.Restore(ctx, path, backup, "", fixedNow)
	if err != nil {
		t.Fatalf("second restore in the same second: %v", err)
	}
	if first.Previous == second.Previous {
		t.Errorf("both kept as %s", first.Previous)
	}
	for _, kept := range []string{first.Previous, second.Previous} {
		if n := countClients(t, kept); n != 1 {
			t.Errorf("%s holds %d clients, want 1", kept, n)
		}
	}
}
