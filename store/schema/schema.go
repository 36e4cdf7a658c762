// Package schema brings a database's schema up to date from numbered SQL
// files, the same way on every engine.
//
// It sits under store/ as a package of its own, beside the engines rather
// than in store/sqlstore, because the engines open the database and
// migrate it before sqlstore has a Store (sqlstore imports the engines, so
// the engines cannot import it). Both engines give it their files and their
// way of taking the write lock and keeping the version; the loop itself,
// and the rules for what a migration's file is called, live here once.
package schema

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"backtrack/store"
)

// Migration is one schema change: the SQL in one file whose name starts
// with its version ("003_signed_record.sql" is version 3, named
// "signed_record").
type Migration struct {
	Version int
	Name    string // the file name without its number and .sql
	File    string
	SQL     string
}

// Load reads the migrations in dir of fsys, ordered by version. The version
// is the number the file's name starts with, never its place in the list,
// so a file added out of order or a gap cannot shift the versions of the
// others: a name without a number, two files with one number or a number
// missing is refused with the file named.
func Load(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	byVersion := map[int]string{}
	var out []Migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		version, name, err := parseName(e.Name())
		if err != nil {
			return nil, err
		}
		if other, taken := byVersion[version]; taken {
			return nil, fmt.Errorf("migrations %s and %s share the version %d: give each its own number", other, e.Name(), version)
		}
		byVersion[version] = e.Name()
		body, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		out = append(out, Migration{Version: version, Name: name, File: e.Name(), SQL: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s has the version %d, but no migration has the version %d: the versions run 1, 2, 3… without a gap", m.File, m.Version, i+1)
		}
	}
	return out, nil
}

// MustLoad is Load for migrations embedded at build time, where a badly
// named file is the build's mistake, found by the first test that opens a
// database.
func MustLoad(fsys fs.FS, dir string) []Migration {
	ms, err := Load(fsys, dir)
	if err != nil {
		panic(err)
	}
	return ms
}

// parseName splits "003_signed_record.sql" into 3 and "signed_record".
func parseName(file string) (int, string, error) {
	stem := strings.TrimSuffix(file, ".sql")
	digits, name, _ := strings.Cut(stem, "_")
	version, err := strconv.Atoi(digits)
	if err != nil || version <= 0 || strings.TrimLeft(digits, "0123456789") != "" {
		return 0, "", fmt.Errorf("migration %s: its name must start with its version number (001_schema.sql)", file)
	}
	return version, name, nil
}

// Latest is the highest version of ms: the version this Backtrack writes.
func Latest(ms []Migration) int {
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].Version
}

// Step is work in Go that a migration needs beside its SQL (the first audit
// entries, say), run after that SQL in the upgrade's one transaction so the
// version lands with it or not at all.
type Step func(ctx context.Context, tx *sql.Tx) error

// Steps names, for a migration's name ("signed_record"), the step that
// follows its SQL. Named rather than numbered, a step stays with its
// migration if the files are renumbered, and a step whose migration is gone
// is an error rather than one run after the wrong SQL.
type Steps map[string]Step

// Engine is what the loop needs of a database: a transaction that holds
// the database's write lock for as long as it lasts (so two processes
// migrating at once take turns, and the second sees what the first did),
// and the version kept in the database.
type Engine interface {
	// Writer is the pool migrations run on.
	Writer() *sql.DB
	// BeginMigration begins a transaction holding the write lock, begun
	// once the lock is held so it sees what the holder before it
	// committed; release lets the lock go once the transaction has ended.
	BeginMigration(ctx context.Context) (tx *sql.Tx, release func(), err error)
	// Version is the schema version the database holds, read in q (the
	// pool or a transaction); 0 for a new database.
	Version(ctx context.Context, q Querier) (int, error)
	// SetVersion records version in tx.
	SetVersion(ctx context.Context, tx *sql.Tx, version int) error
	// IsBusy reports a lock still held by another process after the
	// engine's own wait.
	IsBusy(err error) bool
}

// Querier is a pool or a transaction.
type Querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// patience is how long a migration waits for another process's migration
// (a long one fills every client's visits) before it gives up.
const patience = 10 * time.Minute

// Apply brings the database up to the latest of ms. The version is read
// and every missing migration applied in one write transaction, so any
// number of processes opening one database at once each find the version
// the one before them left and apply only what is still missing, and a
// database is at the version it was or at the latest, never between: an
// upgrade cut short by a crash or a failing migration leaves the file as
// the earlier Backtrack wrote it. (One transaction rather than one per
// migration also makes a new file in a third of the time: each commit
// made SQLite read the whole schema again.) A database of a newer version
// is refused with store.ErrNewerSchema and left untouched. Errors name the
// migration.
func Apply(ctx context.Context, db Engine, ms []Migration, steps Steps) error {
	known := map[string]bool{}
	for _, m := range ms {
		known[m.Name] = true
	}
	for name := range steps {
		if !known[name] {
			return fmt.Errorf("migrate: a step follows the migration %q, which does not exist", name)
		}
	}
	// An up-to-date database, the usual case, is opened without waiting
	// for the write lock behind another process's long write: versions
	// only grow, so one read outside a transaction is enough to know.
	version, err := db.Version(ctx, db.Writer())
	if err != nil {
		return fmt.Errorf("migrate: read the schema version: %w", err)
	}
	if err := newer(version, ms); err != nil || version == Latest(ms) {
		return err
	}
	return applyMissing(ctx, db, ms, steps)
}

// applyMissing applies the migrations the database lacks in one
// transaction with the read of its version.
func applyMissing(ctx context.Context, db Engine, ms []Migration, steps Steps) error {
	tx, release, err := beginPatiently(ctx, db)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer release()
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit; before release
	version, err := db.Version(ctx, tx)
	if err != nil {
		return fmt.Errorf("migrate: read the schema version: %w", err)
	}
	if err := newer(version, ms); err != nil || version == Latest(ms) {
		return err
	}
	for _, m := range ms[version:] { // versions run 1…latest without a gap (Load)
		if err := apply(ctx, db, tx, m, steps[m.Name]); err != nil {
			return fmt.Errorf("migrate to %s: %w", m.File, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate to %s: commit: %w", ms[len(ms)-1].File, err)
	}
	return nil
}

// newer refuses a database written by a newer Backtrack.
func newer(version int, ms []Migration) error {
	if latest := Latest(ms); version > latest {
		return fmt.Errorf("schema version %d, this Backtrack knows up to %d: %w", version, latest, store.ErrNewerSchema)
	}
	return nil
}

func apply(ctx context.Context, db Engine, tx *sql.Tx, m Migration, step Step) error {
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if step != nil {
		if err := step(ctx, tx); err != nil {
			return err
		}
	}
	return db.SetVersion(ctx, tx, m.Version)
}

// beginPatiently begins a migration's transaction, waiting its turn while
// another process migrates for longer than the engine waits by itself.
func beginPatiently(ctx context.Context, db Engine) (*sql.Tx, func(), error) {
	deadline := time.Now().Add(patience)
	pause := 50 * time.Millisecond
	for {
		tx, release, err := db.BeginMigration(ctx)
		if err == nil || !db.IsBusy(err) || time.Now().After(deadline) {
			return tx, release, err
		}
		select {
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, time.Second)
	}
}
