// Package postgres is the PostgreSQL engine under Backtrack's store, for a
// clinic that keeps one record for several therapists on its own server:
// connection pools over pgx, the schema's numbered migrations (the same
// versions as SQLite's, in PostgreSQL's types), and writes that take their
// turn one at a time as they do on SQLite. The queries themselves live in
// store/sqlstore and are shared with SQLite.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"backtrack/store"
	"backtrack/store/schema"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// IsDSN reports whether s names a PostgreSQL server rather than a file.
func IsDSN(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// DB is an open connection to the practice's server.
type DB struct {
	dsn  string // as given, for Path; never printed with its password
	pool *sql.DB
	// readOnly: opened by OpenReadOnly, whose sessions the server keeps
	// from writing.
	readOnly bool
}

// writeLock is the advisory lock every write transaction takes first:
// writes to the record take their turn one at a time, as on SQLite, so
// the audit chain and every check-then-write stay whole with ten desks.
const writeLock = 0x6261636b // "back"

// Open connects to the server at dsn (postgres://role@host/db?sslmode=…)
// and brings the schema up to date; steps[name] runs after the named
// migration's SQL, in the upgrade's one transaction. A schema written by a
// newer Backtrack is refused with store.ErrNewerSchema and left untouched.
func Open(ctx context.Context, dsn string, steps schema.Steps) (*DB, error) {
	config, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open the practice server: %w", err)
	}
	pool := sql.OpenDB(rebindConnector{stdlib.GetConnector(*config)})
	pool.SetMaxOpenConns(8)
	pool.SetMaxIdleConns(4)
	db := &DB{dsn: dsn, pool: pool}
	if err := schema.Apply(ctx, db, migrations, steps); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open the practice server: %w", Classify(err))
	}
	return db, nil
}

// OpenReadOnly connects to the server at dsn for reading only, for checks
// and audits that must change nothing: it migrates nothing, and the server
// itself refuses every write of its sessions (default_transaction_read_only).
func OpenReadOnly(ctx context.Context, dsn string) (*DB, error) {
	config, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open the practice server: %w", err)
	}
	config.RuntimeParams["default_transaction_read_only"] = "on"
	pool := sql.OpenDB(rebindConnector{stdlib.GetConnector(*config)})
	pool.SetMaxOpenConns(2)
	db := &DB{dsn: dsn, pool: pool, readOnly: true}
	var version int
	if err := pool.QueryRowContext(ctx, `SELECT version FROM backtrack_schema`).Scan(&version); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open the practice server %s: %w", Redact(dsn), Classify(err))
	}
	switch {
	case version > SchemaVersion():
		pool.Close()
		return nil, fmt.Errorf("open the practice server: %w", store.ErrNewerSchema)
	case version < SchemaVersion():
		pool.Close()
		return nil, fmt.Errorf("open the practice server: schema version %d, this Backtrack writes %d: open it once with write access to bring it up to date", version, SchemaVersion())
	}
	return db, nil
}

// Path names the server and database, without a password.
func (db *DB) Path() string { return Redact(db.dsn) }

// Redact is a DSN with its password taken out, fit for a window's title or
// an error.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "the practice server"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	q.Del("password")
	u.RawQuery = q.Encode()
	return u.String()
}

// Writer and Reader are the same pool: the server runs writers and readers
// side by side.
func (db *DB) Writer() *sql.DB { return db.pool }
func (db *DB) Reader() *sql.DB { return db.pool }

// Close closes the pool.
func (db *DB) Close() error { return db.pool.Close() }

// BeginWrite begins a write transaction that holds the record's write
// lock until it ends.
func (db *DB) BeginWrite(ctx context.Context) (*sql.Tx, error) {
	tx, err := db.pool.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, writeLock); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

// IsBusy is false: the server queues writers itself.
func IsBusy(error) bool { return false }

// Classify names the server's errors a therapist can act on.
func Classify(err error) error {
	if lostServer(err) && !errors.Is(err, store.ErrUnreachable) {
		return fmt.Errorf("%w: %w", store.ErrUnreachable, err)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "53100": // disk_full
			return fmt.Errorf("%w: %w", store.ErrDiskFull, err)
		case pe.Code == "42501" || pe.Code == "25006": // insufficient_privilege, read_only_sql_transaction
			return fmt.Errorf("%w: %w", store.ErrReadOnly, err)
		}
	}
	return err
}

// migrations are the embedded schema changes, by the version their file
// names start with: the same versions as SQLite's, in PostgreSQL's types.
var migrations = schema.MustLoad(migrationFiles, "migrations")

// Migrations lists the schema changes this Backtrack applies to a server.
func Migrations() []schema.Migration { return migrations }

// SchemaVersion is the version this Backtrack writes.
func SchemaVersion() int { return schema.Latest(migrations) }

// migrationLock is held by a migration's transaction, so two desks starting
// together migrate once: the second waits, then reads the version the first
// left.
const migrationLock = writeLock + 1

// BeginMigration begins a migration's transaction once it holds the
// migration lock. The lock is the connection's, taken before the
// transaction begins: a transaction begun earlier would keep the server's
// view of its tables from before it waited, and miss the table the desk
// before it created. A new database's owner creates the version's table
// here, inside the lock; a therapist's role, which may not create tables,
// only ever finds it.
func (db *DB) BeginMigration(ctx context.Context) (*sql.Tx, func(), error) {
	conn, err := db.pool.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(?)`, migrationLock); err != nil {
		conn.Close()
		return nil, nil, err
	}
	release := func() {
		conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(?)`, migrationLock)
		conn.Close()
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		release()
		return nil, nil, err
	}
	var exists bool
	if err := tx.QueryRowContext(ctx, `SELECT to_regclass('backtrack_schema') IS NOT NULL`).Scan(&exists); err != nil {
		tx.Rollback()
		release()
		return nil, nil, err
	}
	if !exists {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE backtrack_schema (version INTEGER NOT NULL)`); err != nil {
			tx.Rollback()
			release()
			return nil, nil, err
		}
	}
	return tx, release, nil
}

// Version is the schema version, kept in backtrack_schema's one row; 0
// before the table or its row exist.
func (db *DB) Version(ctx context.Context, q schema.Querier) (int, error) {
	var exists bool
	if err := q.QueryRowContext(ctx, `SELECT to_regclass('backtrack_schema') IS NOT NULL`).Scan(&exists); err != nil || !exists {
		return 0, err
	}
	var version sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT max(version) FROM backtrack_schema`).Scan(&version)
	return int(version.Int64), err
}

// SetVersion records the schema version in tx.
func (db *DB) SetVersion(ctx context.Context, tx *sql.Tx, version int) error {
	res, err := tx.ExecContext(ctx, `UPDATE backtrack_schema SET version = ?`, version)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO backtrack_schema (version) VALUES (?)`, version)
	return err
}

// IsBusy is false: the server queues the migration's lock itself.
func (db *DB) IsBusy(error) bool { return false }

// ErrPasswordInAddress refuses a practice server's address that holds a
// password, which would then be kept in plain text.
var ErrPasswordInAddress = errors.New("leave the password out of the address: put it in ~/.pgpass (%APPDATA%\\postgresql\\pgpass.conf on Windows) or the file PGPASSFILE names")

// CheckAddress checks a practice server's address as typed for keeping
// (Settings › Practice server): a postgres:// DSN without a password.
func CheckAddress(dsn string) error {
	if !IsDSN(dsn) {
		return fmt.Errorf("a practice server's address starts with postgres:// (postgres://you@server/backtrack?sslmode=verify-full)")
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return fmt.Errorf("%s is not an address a practice server has: %w", Redact(dsn), err)
	}
	if _, has := u.User.Password(); has || u.Query().Has("password") {
		return ErrPasswordInAddress
	}
	if _, err := pgx.ParseConfig(dsn); err != nil {
		return fmt.Errorf("%s is not an address a practice server has", Redact(dsn))
	}
	return nil
}
