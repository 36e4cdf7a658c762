package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"backtrack/store"
	"backtrack/store/postgres"
	"backtrack/store/schema"
	"backtrack/store/sqlite"
)

// engine is what the store needs from the database underneath: pools, a
// write transaction that takes its turn, and the engine's words for its
// errors. SQLite (a file) and PostgreSQL (a practice server) provide it.
type engine interface {
	Path() string
	Writer() *sql.DB
	Reader() *sql.DB
	Close() error
	BeginWrite(ctx context.Context) (*sql.Tx, error)
}

// fileEngine is an engine whose records are one file: it backs them up
// itself. A practice server is backed up by the server's own tools.
type fileEngine interface {
	Backup(ctx context.Context, dest string) (sqlite.BackupInfo, error)
	BackupEncrypted(ctx context.Context, dest, passphrase string) (sqlite.BackupInfo, error)
	AutoBackup(ctx context.Context, now time.Time) (bool, error)
}

// ErrServerBackups means a backup was asked of records kept on a practice
// server, which its own tools (pg_dump, a replica) back up.
var ErrServerBackups = store.ErrServerBackups

// openEngine opens the records at where: a PostgreSQL DSN or a file path.
// The steps in Go that follow a migration's SQL are named by the
// migration they complete, the same on both engines.
func openEngine(ctx context.Context, where string, startLog schema.Step) (engine, error) {
	onServer := postgres.IsDSN(where)
	steps := schema.Steps{
		"signed_record": startLog,             // the history begins with the records already kept
		"client_visits": fillVisits(onServer), // each client's visits counted once
	}
	if onServer {
		return postgres.Open(ctx, where, steps)
	}
	return sqlite.Open(ctx, where, steps)
}

// classify gives an engine's error the domain's name for it.
func classify(err error) error {
	err = postgres.Classify(sqlite.Classify(err))
	if isBusy(err) && !errors.Is(err, store.ErrBusy) {
		return fmt.Errorf("%w: %w", store.ErrBusy, err)
	}
	return err
}

// isBusy reports a write that found the lock taken for longer than the
// engine waits by itself.
func isBusy(err error) bool { return sqlite.IsBusy(err) }

// schemaVersion is the schema version of the records' engine.
func (s *Store) schemaVersion() int {
	if _, ok := s.engine.(*postgres.DB); ok {
		return postgres.SchemaVersion()
	}
	return sqlite.SchemaVersion()
}

// ErrNotServer is clinic set-up asked of records in a file: roles are the
// practice server's.
var ErrNotServer = errors.New("roles are set up on a practice server (--db postgres://…); a file has one therapist")

// InitClinic creates the practice server's group roles and their grants
// (postgres.DB.InitClinic); the schema is already up to date (Open).
func (s *Store) InitClinic(ctx context.Context) error {
	pg, ok := s.engine.(*postgres.DB)
	if !ok {
		return ErrNotServer
	}
	return pg.InitClinic(ctx)
}
