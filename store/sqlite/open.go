// Package sqlite is the SQLite engine under Backtrack's store: one local
// file (created 0600 in a 0700 folder), its pragmas and connection pools,
// its schema migrations, and what only a file can do: verified backups
// with VACUUM INTO, encrypted copies, restore and the integrity check. The
// queries themselves live in store/sqlstore and are shared by every engine.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"backtrack/store"
	"backtrack/store/safefile"
	"backtrack/store/schema"

	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go, no cgo)
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DB is an open SQLite database file: a writer pool of one connection and
// a reader pool. It is safe for use by several goroutines.
type DB struct {
	path string
	// write has a single connection: SQLite allows one writer at a time,
	// and queueing writers in Go is cheaper than retrying on SQLITE_BUSY.
	write *sql.DB
	// read serves queries from several connections; WAL lets them run
	// beside the writer on a consistent snapshot.
	read *sql.DB
}

// Open opens the database at path, creating it (file 0600 in a 0700 folder)
// and bringing its schema up to date; steps[name] runs after the named
// migration's SQL, in the upgrade's one transaction. A database written by
// a newer Backtrack is refused with store.ErrNewerSchema and left
// untouched. Any number of processes may open one new database at once.
func Open(ctx context.Context, path string, steps schema.Steps) (*DB, error) {
	if path == "" {
		return nil, errors.New("open database: no path given")
	}
	if err := RequireFile(path); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := safefile.EnsurePrivateFile(path); err != nil {
		return nil, fmt.Errorf("open database: %w", Classify(err))
	}
	// What a killed backup, restore or export left beside the database
	// (a plaintext copy, even) goes at the next start.
	safefile.SweepPartials(filepath.Dir(path))
	safefile.SweepPartials(BackupDir(path))
	db := &DB{path: path}
	db.write = openPool(dsn(path, true))
	db.write.SetMaxOpenConns(1)
	db.write.SetMaxIdleConns(1)
	db.write.SetConnMaxLifetime(0)
	if err := db.prepare(ctx, steps); err != nil {
		db.write.Close()
		return nil, err
	}
	db.read = openPool(dsn(path, false))
	db.read.SetMaxOpenConns(4)
	db.read.SetMaxIdleConns(4)
	return db, nil
}

// Path is the database file.
func (db *DB) Path() string { return db.path }

// Writer is the pool of one connection every write goes through; its
// transactions begin IMMEDIATE.
func (db *DB) Writer() *sql.DB { return db.write }

// Reader is the query-only pool.
func (db *DB) Reader() *sql.DB { return db.read }

// Close closes the database. Closing the last connection checkpoints the WAL
// into the main file.
func (db *DB) Close() error {
	var errs []error
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	if db.write != nil {
		errs = append(errs, db.write.Close())
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

// prepare checks the schema version before anything is written, then
// switches the file to WAL (a setting stored in the file) and migrates. A
// newer or foreign file is left exactly as it was.
func (db *DB) prepare(ctx context.Context, steps schema.Steps) error {
	var version int
	var mode string
	err := db.write.QueryRowContext(ctx,
		"SELECT (SELECT user_version FROM pragma_user_version), (SELECT journal_mode FROM pragma_journal_mode)").
		Scan(&version, &mode)
	if err != nil {
		if classified := Classify(err); classified != err {
			return fmt.Errorf("open database %s: %w", filepath.Base(db.path), classified)
		}
		return fmt.Errorf("open database: %s is not a Backtrack database: %w", filepath.Base(db.path), err)
	}
	if version > SchemaVersion() {
		return fmt.Errorf("open database: schema version %d, this Backtrack knows up to %d: %w",
			version, SchemaVersion(), store.ErrNewerSchema)
	}
	if mode != "wal" {
		if err := db.switchToWAL(ctx); err != nil {
			return fmt.Errorf("open database: set WAL: %w", Classify(err))
		}
	}
	if err := schema.Apply(ctx, db, migrations, steps); err != nil {
		return fmt.Errorf("open database: %w", Classify(err))
	}
	return nil
}

// migrations are the embedded schema changes, by the version their file
// names start with ("001_schema.sql").
var migrations = schema.MustLoad(migrationFiles, "migrations")

// Migrations lists the schema changes this Backtrack applies to a file.
func Migrations() []schema.Migration { return migrations }

// SchemaVersion is the version this Backtrack writes.
func SchemaVersion() int { return schema.Latest(migrations) }

// BeginMigration begins a migration's transaction (IMMEDIATE: it holds the
// write lock from the start, so a second process waits, then reads the
// version the first one left).
func (db *DB) BeginMigration(ctx context.Context) (*sql.Tx, func(), error) {
	tx, err := db.write.BeginTx(ctx, nil)
	return tx, func() {}, err // the lock ends with the transaction
}

// Version is the schema version, kept in PRAGMA user_version.
func (db *DB) Version(ctx context.Context, q schema.Querier) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// SetVersion records the schema version in tx: user_version is in the
// file's header, written with the transaction's pages.
func (db *DB) SetVersion(ctx context.Context, tx *sql.Tx, version int) error {
	_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version))
	return err
}

// IsBusy reports the write lock still held by another process.
func (db *DB) IsBusy(err error) bool { return IsBusy(err) }

// ErrOlderSchema means a database was opened read-only that this Backtrack
// would first bring up to date: it must be opened normally once.
var ErrOlderSchema = errors.New("this database was written by an older Backtrack; open it in Backtrack once to bring it up to date")

// OpenReadOnly opens the database at path for reading only: no file is
// created, nothing migrated, nothing written (check and audit use it). A
// database of another schema version is refused.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	if err := RequireFile(path); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := verifyMagic(path); err != nil {
		return nil, fmt.Errorf("open database %s: %w", filepath.Base(path), err)
	}
	read, err := openReader(ctx, path) // beside live writers, or on a read-only disk
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", filepath.Base(path), Classify(err))
	}
	var version int
	if err := read.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		read.Close()
		return nil, fmt.Errorf("open database %s: %w", filepath.Base(path), Classify(err))
	}
	switch {
	case version > SchemaVersion():
		read.Close()
		return nil, fmt.Errorf("open database: %w", store.ErrNewerSchema)
	case version < SchemaVersion():
		read.Close()
		return nil, fmt.Errorf("open database: %w", ErrOlderSchema)
	}
	return &DB{path: path, read: read}, nil
}

// BeginWrite begins a write transaction on the writer's one connection
// (IMMEDIATE: it takes the write lock up front).
func (db *DB) BeginWrite(ctx context.Context) (*sql.Tx, error) {
	if db.write == nil {
		return nil, errors.New("the database was opened read-only")
	}
	return db.write.BeginTx(ctx, nil)
}

// switchToWAL sets the file's journal to WAL. Changing the journal mode
// needs the file to itself, and SQLite answers busy at once, without
// waiting out busy_timeout, while another process opening the same new
// file holds it for a moment: so the change is tried again for as long
// as busy_timeout would have waited.
func (db *DB) switchToWAL(ctx context.Context) error {
	wait := 5 * time.Millisecond
	deadline := time.Now().Add(5 * time.Second) // busy_timeout(5000), as in dsn
	for {
		_, err := db.write.ExecContext(ctx, "PRAGMA journal_mode = WAL")
		if err == nil || !IsBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 100*time.Millisecond)
	}
}
