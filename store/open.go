package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go, no cgo)
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is the clinical record in one SQLite file. It is safe for use by
// several goroutines.
type Store struct {
	path string
	// write has a single connection: SQLite allows one writer at a time,
	// and queueing writers in Go is cheaper than retrying on SQLITE_BUSY.
	write *sql.DB
	// read serves queries from several connections; WAL lets them run
	// beside the writer on a consistent snapshot.
	read *sql.DB
	now  func() time.Time
}

// Option adjusts a Store when it is opened.
type Option func(*Store)

// WithClock replaces the clock used for "now" (created and updated times,
// the "not in the future" rule). Tests use it for fixed dates.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open opens the database at path, creating it (file 0600 in a 0700 folder)
// and bringing its schema up to date. A database written by a newer
// Backtrack is refused with ErrNewerSchema and left untouched.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if path == "" {
		return nil, errors.New("open database: no path given")
	}
	if err := ensurePrivateFile(path); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	s := &Store{path: path, now: time.Now}
	for _, opt := range opts {
		opt(s)
	}
	var err error
	if s.write, err = sql.Open("sqlite", dsn(path, true)); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	s.write.SetMaxOpenConns(1)
	s.write.SetMaxIdleConns(1)
	s.write.SetConnMaxLifetime(0)
	if err := s.prepare(ctx); err != nil {
		s.write.Close()
		return nil, err
	}
	if s.read, err = sql.Open("sqlite", dsn(path, false)); err != nil {
		s.write.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	s.read.SetMaxOpenConns(4)
	s.read.SetMaxIdleConns(4)
	return s, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database. Closing the last connection checkpoints the WAL
// into the main file.
func (s *Store) Close() error {
	var errs []error
	if s.read != nil {
		errs = append(errs, s.read.Close())
	}
	if s.write != nil {
		errs = append(errs, s.write.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return nil
}

// dsn builds the connection string. busy_timeout comes first so it already
// applies while the other pragmas run.
func dsn(path string, writer bool) string {
	var b strings.Builder
	b.WriteString("file:")
	b.WriteString(escapePath(path))
	b.WriteString("?_pragma=busy_timeout(5000)")
	b.WriteString("&_pragma=foreign_keys(1)")
	b.WriteString("&_pragma=synchronous(FULL)")
	if writer {
		// BEGIN IMMEDIATE: a transaction takes the write lock up front
		// instead of failing with "database is locked" when it upgrades.
		b.WriteString("&_txlock=immediate")
	} else {
		b.WriteString("&_pragma=query_only(1)")
	}
	return b.String()
}

// escapePath keeps characters that mean something in a URI from ending the
// file name early.
func escapePath(path string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return r.Replace(path)
}

// ensurePrivateFile creates the folder (0700) and the file (0600) if they do
// not exist yet, so SQLite never creates them with looser modes. SQLite gives
// the -wal and -shm files the database file's mode.
func ensurePrivateFile(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create folder: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("create file: %w", err)
	}
	defer f.Close()
	// A database copied in with looser permissions is made private again.
	if info, err := f.Stat(); err == nil && info.Mode().Perm()&0o077 != 0 {
		if err := f.Chmod(0o600); err != nil {
			return fmt.Errorf("make file private: %w", err)
		}
	}
	return nil
}

// prepare checks the schema version before anything is written, then
// switches the file to WAL (a setting stored in the file) and migrates. A
// newer or foreign file is left exactly as it was.
func (s *Store) prepare(ctx context.Context) error {
	var version int
	var mode string
	err := s.write.QueryRowContext(ctx,
		"SELECT (SELECT user_version FROM pragma_user_version), (SELECT journal_mode FROM pragma_journal_mode)").
		Scan(&version, &mode)
	if err != nil {
		return fmt.Errorf("open database: %s is not a Backtrack database: %w", filepath.Base(s.path), err)
	}
	if version > len(migrations()) {
		return fmt.Errorf("open database: schema version %d, this Backtrack knows up to %d: %w",
			version, len(migrations()), ErrNewerSchema)
	}
	if mode != "wal" {
		if _, err := s.write.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil {
			return fmt.Errorf("open database: set WAL: %w", err)
		}
	}
	return s.migrate(ctx, version)
}

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order; file names start with
// their version number ("001_schema.sql").
func migrations() []migration {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err) // embedded at build time: cannot fail at run time
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var out []migration
	for i, e := range entries {
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		out = append(out, migration{version: i + 1, name: e.Name(), sql: string(body)})
	}
	return out
}

// SchemaVersion is the version this Backtrack writes.
func SchemaVersion() int { return len(migrations()) }

// migrate applies each missing migration in its own transaction, recording
// it in PRAGMA user_version in that same transaction.
func (s *Store) migrate(ctx context.Context, version int) error {
	for _, m := range migrations() {
		if m.version <= version {
			continue
		}
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate to %s: %w", m.name, err)
		}
	}
	return nil
}

// inTx runs fn in one write transaction: all of it lands or none of it does.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// inReadTx runs fn on one consistent snapshot of the database.
func (s *Store) inReadTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to keep
	return fn(tx)
}

// stamp is the text form of "now" for created/updated columns.
func (s *Store) stamp() string { return s.now().Format(stampLayout) }
