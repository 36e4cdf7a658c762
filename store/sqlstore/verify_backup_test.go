package sqlstore_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// editFile runs statements on the database file at path as someone with
// the sqlite3 shell would, behind Backtrack's back.
func editFile(t *testing.T, path string, statements ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, st := range statements {
		if _, err := db.Exec(st); err != nil {
			t.Fatalf("%s: %v", st, err)
		}
	}
}

func TestRestoreRefusesABackupWithAnEditedSignedNote(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	testkit.RichRecords(t, s)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if _, err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	dbPath := s.Path()
	s.Close()
	before, err := os.ReadFile(dbPath)
	if err != nil {
		t.Fatal(err)
	}

	// Given a backup whose signed note's words were changed in the file.
	editFile(t, backup, `UPDATE sessions SET assessment = 'No strain found' WHERE signed_at != '' AND voided_at = ''`)

	// When it is restored.
	_, err = sqlstore.Restore(ctx, dbPath, backup, "", fixedNow)

	// Then the restore is refused in one sentence naming what failed, with
	// no client data, and the live file is untouched.
	if !errors.Is(err, sqlstore.ErrBackupTampered) {
		t.Fatalf("restore of an edited backup: %v", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "1 signed note does not match its seal") || strings.Contains(msg, "Marta") ||
		strings.Contains(msg, "No strain") || strings.Count(msg, "\n") > 0 {
		t.Errorf("refusal %q", msg)
	}
	after, err := os.ReadFile(dbPath)
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the live file changed (%v)", err)
	}
	kept, _ := filepath.Glob(dbPath + ".before-restore-*")
	if len(kept) != 0 {
		t.Errorf("a refused restore kept a copy: %v", kept)
	}

	// And an untouched backup of the same record restores.
	good := filepath.Join(t.TempDir(), "good.db")
	s2 := testkit.OpenStoreAt(t, dbPath, fixedNow)
	if _, err := s2.Backup(ctx, good); err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if _, err := sqlstore.Restore(ctx, dbPath, good, "", fixedNow); err != nil {
		t.Fatalf("restore of a sound backup: %v", err)
	}
}

func TestRestoreRefusesABackupWithItsHistoryEdited(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	testkit.RichRecords(t, s)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if _, err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	dbPath := s.Path()
	s.Close()
	editFile(t, backup, `DROP TRIGGER audit_log_no_update`, `UPDATE audit_log SET actor = 'Someone else' WHERE seq = 3`)
	_, err := sqlstore.Restore(ctx, dbPath, backup, "", fixedNow)
	if !errors.Is(err, sqlstore.ErrBackupTampered) || !strings.Contains(err.Error(), "its history's chain is broken (audit log: entry 3") {
		t.Fatalf("restore of a backup with an entry edited: %v", err)
	}
}
