package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
)

// runCLI runs one command and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(context.Background(), Env{Stdout: &out, Stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

// seededDB makes a database with two clients and one session.
func seededDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "practice", "backtrack.db")
	s, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	c, err := s.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak", Email: "marta@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateClient(ctx, store.Client{FirstName: "Jonas", LastName: "O'Brien"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: time.Now().Add(-48 * time.Hour), DurationMin: 60,
		PainBefore: store.PainOf(6)}}); err != nil {
		t.Fatal(err)
	}
	return path
}

func clientsIn(t *testing.T, path string) int {
	t.Helper()
	s, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	return len(all)
}

func TestBackupAndRestoreEncryptedFromTheCommandLine(t *testing.T) {
	db := seededDB(t)
	dir := t.TempDir()
	passFile := filepath.Join(dir, "pass.txt")
	os.WriteFile(passFile, []byte("correct horse battery\n"), 0o600)
	out := filepath.Join(dir, "copies", "monday.db.age")

	code, stdout, stderr := runCLI(t, "backup", "--db", db, "--out", out, "--passphrase-file", passFile)
	if code != 0 || !strings.Contains(stdout, "Backed up 2 clients and 1 session") || !strings.Contains(stdout, "encrypted") {
		t.Fatalf("backup: %d %q %q", code, stdout, stderr)
	}

	// The therapist adds a client, then restores Monday's backup.
	s, _ := sqlstore.Open(context.Background(), db)
	s.CreateClient(context.Background(), store.Client{FirstName: "Lena", LastName: "Fischer"})
	s.Close()

	// Without a passphrase and no terminal: a clear refusal, nothing changed.
	t.Setenv(PassphraseEnv, "")
	promptPassphrase = func(io.Writer, string) (string, error) { return "", errNoTerminal }
	code, _, stderr = runCLI(t, "restore", "--db", db, "--from", out)
	if code != 1 || !strings.Contains(stderr, "passphrase") {
		t.Fatalf("restore without passphrase: %d %q", code, stderr)
	}
	if n := clientsIn(t, db); n != 3 {
		t.Fatalf("a refused restore changed the database: %d clients", n)
	}

	// Typed at the prompt.
	promptPassphrase = func(io.Writer, string) (string, error) { return "correct horse battery", nil }
	code, stdout, stderr = runCLI(t, "restore", "--db", db, "--from", out)
	if code != 0 || !strings.Contains(stdout, "Restored 2 clients and 1 session") || !strings.Contains(stdout, "kept as") {
		t.Fatalf("restore: %d %q %q", code, stdout, stderr)
	}
	if n := clientsIn(t, db); n != 2 {
		t.Errorf("after restore %d clients, want 2", n)
	}

	// From the environment, a wrong one.
	t.Setenv(PassphraseEnv, "wrong")
	code, _, stderr = runCLI(t, "restore", "--db", db, "--from", out)
	if code != 1 || !strings.Contains(stderr, "passphrase does not open") {
		t.Errorf("wrong passphrase: %d %q", code, stderr)
	}
	// in the desk's own words, not a second wording
	if desk := words.ErrorText(store.ErrWrongPassphrase); !strings.Contains(stderr, desk) {
		t.Errorf("wrong passphrase: %q, want the desk's sentence %q", stderr, desk)
	}
}

var errNoTerminal = &noTerminalError{}

type noTerminalError struct{}

func (*noTerminalError) Error() string { return "a passphrase is needed: use --passphrase-file FILE" }

func TestBackupWithoutOutGoesToTheBackupsFolder(t *testing.T) {
	db := seededDB(t)
	code, stdout, stderr := runCLI(t, "backup", "--db", db)
	if code != 0 {
		t.Fatalf("backup: %d %q %q", code, stdout, stderr)
	}
	backups, err := sqlite.ListBackups(db)
	if err != nil || len(backups) != 1 {
		t.Fatalf("backups folder holds %v (%v)", backups, err)
	}
	if !strings.Contains(stdout, backups[0].Path) {
		t.Errorf("output %q does not name %s", stdout, backups[0].Path)
	}
}

func TestBackupOfAMissingDatabaseCreatesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo.db")
	code, _, stderr := runCLI(t, "backup", "--db", db, "--out", filepath.Join(t.TempDir(), "x.db"))
	if code != 1 || !strings.Contains(stderr, "no database at") {
		t.Fatalf("backup of a missing database: %d %q", code, stderr)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Error("backup created the missing database")
	}
}

// Tests seal backups with a small scrypt cost so they stay fast.
func init() { sqlite.PassphraseWorkFactor = 10 }
