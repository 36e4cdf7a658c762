package sqlstore_test

import (
	"bytes"
	"context"
	"database/sql"
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

// seedRecords gives a store two clients and a session, so a copy can be
// told apart from an empty database.
func seedRecords(t *testing.T, s *sqlstore.Store) {
	t.Helper()
	c := testkit.MustClient(t, s, "Marta", "Nowak-Świątek")
	testkit.MustClient(t, s, "Jonas", "O'Brien; DROP TABLE clients;--")
	_, err := s.Save(context.Background(), sqlstore.SaveRequest{Session: store.Session{
		ClientID: c.ID, Start: time.Date(2026, 11, 14, 14, 0, 0, 0, time.Local), DurationMin: 60,
		PainBefore: store.PainOf(4), PainAfter: store.PainOf(2),
		Muscles: []store.Tag{{TermID: mustTerm(t, s, store.Muscle, "Quadratus lumborum").ID, Side: store.Both}},
	}})
	if err != nil {
		t.Fatalf("save session: %v", err)
	}
}

func TestBackupIsVerifiedPrivateAndComplete(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	seedRecords(t, s)
	dest := filepath.Join(t.TempDir(), "new-folder", "copy.db")

	info, err := s.Backup(ctx, dest)
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	if info.Clients != 2 || info.Sessions != 1 || info.SchemaVersion != sqlite.SchemaVersion() {
		t.Errorf("backup info = %+v, want 2 clients, 1 session, schema %d", info, sqlite.SchemaVersion())
	}
	testkit.AssertMode(t, dest, 0o600)
	testkit.AssertMode(t, filepath.Dir(dest), 0o700)
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("backup left other files behind: %v", entries)
	}

	// Then the copy opens on its own with the same records.
	copied, err := sqlstore.Open(ctx, dest)
	if err != nil {
		t.Fatalf("open backup: %v", err)
	}
	defer copied.Close()
	clients, err := copied.SearchClients(ctx, store.ClientQuery{Text: "o'brien"})
	if err != nil || len(clients) != 1 {
		t.Fatalf("client with quotes in the backup: %v %v", clients, err)
	}
}

func TestBackupRefusesToReplaceAFile(t *testing.T) {
	testkit.SQLiteOnly(t)
	s := testkit.OpenStore(t, fixedNow)
	dest := filepath.Join(t.TempDir(), "taken.db")
	if err := os.WriteFile(dest, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := s.Backup(context.Background(), dest)
	if !errors.Is(err, os.ErrExist) {
		t.Fatalf("backup over a file: err = %v, want os.ErrExist", err)
	}
	if got, _ := os.ReadFile(dest); string(got) != "keep me" {
		t.Errorf("existing file changed to %q", got)
	}
}

func TestEncryptedBackupNeedsItsPassphrase(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	seedRecords(t, s)
	dest := filepath.Join(t.TempDir(), "sealed.db.age")
	if _, err := s.BackupEncrypted(ctx, dest, "correct horse"); err != nil {
		t.Fatalf("encrypted backup: %v", err)
	}
	testkit.AssertMode(t, dest, 0o600)
	raw, _ := os.ReadFile(dest)
	if bytes.Contains(raw, []byte("Nowak")) || bytes.Contains(raw, []byte("SQLite format 3")) {
		t.Fatal("encrypted backup contains plain text")
	}

	if _, err := sqlite.InspectBackup(ctx, dest, ""); !errors.Is(err, store.ErrPassphraseRequired) {
		t.Errorf("inspect without passphrase: %v, want ErrPassphraseRequired", err)
	}
	if _, err := sqlite.InspectBackup(ctx, dest, "wrong horse"); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Errorf("inspect with a wrong passphrase: %v, want ErrWrongPassphrase", err)
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where a decrypted copy could linger
	info, err := sqlite.InspectBackup(ctx, dest, "correct horse")
	if err != nil || !info.Encrypted || info.Clients != 2 {
		t.Fatalf("inspect with the passphrase: %+v, %v", info, err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("inspecting left %d entries in the temp folder", len(left))
	}

	// A cut file is damaged, not silently short.
	cut := filepath.Join(t.TempDir(), "cut.db.age")
	os.WriteFile(cut, raw[:len(raw)-100], 0o600)
	if _, err := sqlite.InspectBackup(ctx, cut, "correct horse"); !errors.Is(err, store.ErrBackupDamaged) {
		t.Errorf("inspect a cut backup: %v, want ErrBackupDamaged", err)
	}
}

func TestInspectRefusesWhatIsNotABackup(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	dir := t.TempDir()
	cases := map[string][]byte{
		"empty.db":  nil,
		"text.db":   []byte("first_name,last_name\nMarta,Nowak\n"),
		"binary.db": {0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		"header.db": append([]byte("SQLite format 3\x00"), make([]byte, 200)...),
	}
	for name, body := range cases {
		path := filepath.Join(dir, name)
		os.WriteFile(path, body, 0o600)
		if _, err := sqlite.InspectBackup(ctx, path, ""); err == nil {
			t.Errorf("%s: inspect accepted it", name)
		}
	}
	// A database of another application is refused as not a backup.
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := sqlite.InspectBackup(ctx, other, ""); !errors.Is(err, store.ErrNotBackup) {
		t.Errorf("another application's database: %v, want ErrNotBackup", err)
	}
	// And a real, closed Backtrack database is accepted.
	s, err := sqlstore.Open(ctx, filepath.Join(dir, "real.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := sqlite.InspectBackup(ctx, filepath.Join(dir, "real.db"), ""); err != nil {
		t.Errorf("a real database: %v", err)
	}
}

func TestCheckCallsAnEmptyFileWhatItIs(t *testing.T) {
	testkit.SQLiteOnly(t)
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	problems, err := sqlite.Check(context.Background(), path)
	if !errors.Is(err, store.ErrNotBackup) {
		t.Errorf("check of an empty file: %v, %v; want ErrNotBackup", problems, err)
	}
}

func TestCheckOfAReadOnlyDatabaseLeavesNoFilesBehind(t *testing.T) {
	testkit.SQLiteOnly(t)
	s := testkit.OpenStore(t, fixedNow)
	testkit.MustClient(t, s, "Marta", "Nowak")
	path := s.Path()
	s.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(path, 0o600)
	problems, err := sqlite.Check(context.Background(), path)
	if err != nil || len(problems) > 0 {
		t.Fatalf("check: %v, %v", problems, err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("check left %s behind", filepath.Base(path+suffix))
		}
	}
}
