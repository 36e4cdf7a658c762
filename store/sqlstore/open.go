// Package sqlstore is Backtrack's clinical record over database/sql: every
// query, transaction, import and export, written once for every engine.
// The engine underneath (store/sqlite: the file, its pragmas, migrations
// and backups) is chosen when the store is opened; the domain it reads and
// writes is package store.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"sync"
	"time"

	"backtrack/store/anchor"
	"backtrack/store/postgres"
	"backtrack/store/sqlite"
)

// Store is the clinical record. It is safe for use by several goroutines.
type Store struct {
	engine engine
	// write has a single connection and begins transactions IMMEDIATE;
	// read serves queries beside it on consistent snapshots.
	write *sql.DB
	read  *sql.DB
	now   func() time.Time
	actor func() string // who makes changes (WithActor)
	// origin names this store in its notices to other desks (Watch);
	// pending holds each write transaction's changes until it commits.
	origin  string
	pending pendingChanges
	// contactsOnly: the server's grants give this role clients' contact
	// details only (the front desk; ReadsNotes).
	contactsOnly bool
	// heads holds, for each write transaction under way (*sql.Tx), the
	// audit log's last entry as that transaction wrote it (appendLog)
	heads sync.Map
	// serverLog: the practice server writes the audit log itself
	// (backtrack_append_log), once its schema is up to date
	serverLog bool
	// anchors keeps the history's head outside the database (WithAnchors)
	anchors *anchor.Book
	opts    []Option // as opened, for opening the record again (Options)
}

// Option adjusts a Store when it is opened.
type Option func(*Store)

// WithClock replaces the clock used for "now" (created and updated times,
// the "not in the future" rule). Tests use it for fixed dates.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open opens the database file at path, creating it (file 0600 in a 0700
// folder) and bringing its schema up to date. A database written by a newer
// Backtrack is refused with store.ErrNewerSchema and left untouched.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	s := &Store{now: time.Now, origin: newOrigin(), opts: opts}
	for _, opt := range opts {
		opt(s)
	}
	born := !postgres.IsDSN(path) && !exists(path)
	engine, err := openEngine(ctx, path, s.startLog)
	if err != nil {
		return nil, err
	}
	s.engine, s.write, s.read = engine, engine.Writer(), engine.Reader()
	if born && s.anchors != nil {
		// A new record starts here: a head seen at this path before (a
		// deleted practice, an earlier sample) was another record's. Like
		// keeping the head, forgetting it never stops the desk.
		_ = s.anchors.Forget(s.anchorKey(ctx))
	}
	if pg, ok := engine.(*postgres.DB); ok {
		// On a server the actor is the role the desk connected as: the
		// server, not a name typed in Settings, says who did what.
		role, err := pg.Role(ctx)
		if err != nil {
			engine.Close()
			return nil, err
		}
		s.actor = func() string { return role }
		s.serverLog = true
		notes, err := pg.ReadsNotes(ctx)
		if err != nil {
			engine.Close()
			return nil, err
		}
		s.contactsOnly = !notes
	}
	s.keepHead(ctx)
	return s, nil
}

// exists reports whether a file is at path (an unreadable one counts: it
// is not Backtrack's to call new).
func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// OpenReadOnly opens the database file at path for reading only, for
// checks and audits that must change nothing (sqlite.OpenReadOnly).
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if postgres.IsDSN(path) {
		engine, err := postgres.OpenReadOnly(ctx, path)
		if err != nil {
			return nil, err
		}
		return &Store{engine: engine, read: engine.Reader(), now: time.Now}, nil
	}
	engine, err := sqlite.OpenReadOnly(ctx, path)
	if err != nil {
		return nil, err
	}
	return &Store{engine: engine, read: engine.Reader(), now: time.Now}, nil
}

// errReadOnly refuses a write on a store opened read-only.
var errReadOnly = errors.New("the database was opened read-only")

// Path is the database file, or the practice server's DSN without its
// password.
func (s *Store) Path() string { return s.engine.Path() }

// OnServer reports whether the records are on a practice server
// (PostgreSQL) rather than in a file: the server, not the desk, backs them
// up and checks its own pages.
func (s *Store) OnServer() bool {
	_, ok := s.engine.(*postgres.DB)
	return ok
}

// Options are the options the store was opened with: a restore opens the
// restored record again with them.
func (s *Store) Options() []Option { return s.opts }

// Close closes the database.
func (s *Store) Close() error {
	s.keepHead(context.Background())
	return s.engine.Close()
}

// Backup writes a verified copy of the open database to dest, which must
// not exist yet (sqlite.DB.Backup).
func (s *Store) Backup(ctx context.Context, dest string) (sqlite.BackupInfo, error) {
	f, ok := s.engine.(fileEngine)
	if !ok {
		return sqlite.BackupInfo{}, ErrServerBackups
	}
	return f.Backup(ctx, dest)
}

// BackupEncrypted is Backup with the copy encrypted to a passphrase.
func (s *Store) BackupEncrypted(ctx context.Context, dest, passphrase string) (sqlite.BackupInfo, error) {
	f, ok := s.engine.(fileEngine)
	if !ok {
		return sqlite.BackupInfo{}, ErrServerBackups
	}
	return f.BackupEncrypted(ctx, dest, passphrase)
}

// AutoBackup makes the day's backup in the backups folder beside the
// database unless one exists (sqlite.DB.AutoBackup).
func (s *Store) AutoBackup(ctx context.Context, now time.Time) (made bool, err error) {
	f, ok := s.engine.(fileEngine)
	if !ok {
		return false, nil // the server's own backups keep these records
	}
	return f.AutoBackup(ctx, now)
}

// writerPatience is how long a write waits for its turn while other
// processes write (a long import, a restore) before it gives up.
const writerPatience = 10 * time.Minute

// inTx runs fn in one write transaction: all of it lands or none of it does.
// While another process holds the write lock for longer than SQLite's own
// wait (busy_timeout), it keeps waiting its turn: concurrent writers queue,
// none fails with "database is locked".
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback()      //nolint:errcheck // a no-op after Commit
	defer s.pending.take(tx) // what a transaction rolled back noted goes with it
	// the write lock is held: no one else adds to the log until the end
	head := &logHead{}
	s.heads.Store(tx, head)
	defer s.heads.Delete(tx)
	if err := fn(tx); err != nil {
		return classify(err)
	}
	if err := s.announce(ctx, tx); err != nil {
		return classify(err)
	}
	if err := tx.Commit(); err != nil {
		return classify(err)
	}
	s.afterWrite(ctx, head.appended)
	if head.appended > 0 {
		s.keepHead(ctx)
	}
	return nil
}

// beginWrite begins a write transaction (IMMEDIATE: it takes the write lock
// up front), waiting its turn behind other processes' writes.
func (s *Store) beginWrite(ctx context.Context) (*sql.Tx, error) {
	if s.write == nil {
		return nil, errReadOnly
	}
	deadline := time.Now().Add(writerPatience)
	pause := 50 * time.Millisecond
	for {
		tx, err := s.engine.BeginWrite(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return tx, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, time.Second)
	}
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
