package sqlstore_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func TestOpenCreatesPrivateFileAndMigrates(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data", "backtrack")
	path := filepath.Join(dir, "backtrack.db")

	// when a database is opened where none exists
	s, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateClient(ctx, store.Client{FirstName: "Lena", LastName: "Fischer"})
	if err != nil {
		t.Fatal(err)
	}
	testkit.AssertMode(t, path+"-wal", 0o600)
	testkit.AssertMode(t, path+"-shm", 0o600)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// then the folder is 0700 and the file 0600
	testkit.AssertMode(t, dir, 0o700)
	testkit.AssertMode(t, path, 0o600)

	// and reopening keeps the data and the schema version
	s, err = sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	got, err := s.Client(ctx, c.ID)
	if err != nil || got.FullName() != "Lena Fischer" {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
	if v := userVersion(t, path); v != sqlite.SchemaVersion() {
		t.Errorf("user_version = %d, want %d", v, sqlite.SchemaVersion())
	}
	terms, err := s.Terms(ctx, store.Muscle, false)
	if err != nil || len(terms) < 2 || terms[0].Name != "Quadratus lumborum" {
		t.Errorf("seeded muscles = %+v, %v", terms, err)
	}
}

func TestOpenMakesACopiedInDatabasePrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "copied.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	testkit.AssertMode(t, path, 0o600)
}

func TestOpenRefusesNewerSchemaAndLeavesFileUntouched(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "future.db")
	s, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// given a database stamped by a newer Backtrack
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA journal_mode = DELETE; PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)

	// when this Backtrack opens it
	_, err = sqlstore.Open(ctx, path)

	// then it refuses with a clear error and the bytes are unchanged
	if !errors.Is(err, store.ErrNewerSchema) {
		t.Fatalf("err = %v, want ErrNewerSchema", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the newer database was modified")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("a WAL file was created beside the newer database")
	}
}

func TestOpenRefusesAFileThatIsNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(path, []byte("this is a text file, not a database, and it is long enough"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlstore.Open(context.Background(), path); err == nil {
		t.Fatal("opened a text file as a database")
	}
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}
