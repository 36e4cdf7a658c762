package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"backtrack/store"
)

// Check runs SQLite's integrity and foreign-key checks on the database at
// path without changing it, and returns each problem found (none: healthy).
func Check(ctx context.Context, path string) ([]string, error) {
	// An empty file, a folder or another program's file is not a
	// Backtrack database: say so rather than report it healthy.
	if err := RequireDatabase(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("check %s: %w", path, err)
		}
		return nil, err
	}
	db, err := openReader(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", path, Classify(err))
	}
	defer db.Close()
	return checkDB(ctx, db)
}

// openReader opens the database at path for reading only, so that every
// read transaction sees the whole database as one writer's commit left it,
// however many processes write beside it, and wherever it lies:
//
//   - Normally as SQLite's read-only mode with its write-ahead log and
//     shared index: each transaction reads one snapshot while writers go on.
//     (Never "immutable" while a writer may come: SQLite would then read
//     pages a writer is changing, and report an index missing rows.)
//   - A file no one may write, with no log beside it, as immutable: no
//     writer can come, and nothing is made beside it (a -shm of the file's
//     read-only mode would later block the writers it is opened for again).
//   - On a read-only disk, where SQLite cannot make the shared index beside
//     the file: with the index kept in memory (readonly_shm) when a log is
//     there to be read, or as immutable when there is none.
func openReader(ctx context.Context, path string) (*sql.DB, error) {
	_, walErr := os.Stat(path + "-wal")
	noLog := errors.Is(walErr, fs.ErrNotExist)
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o200 == 0 && noLog {
		return openWith(ctx, path, "mode=ro&immutable=1")
	}
	db, err := openWith(ctx, path, "mode=ro")
	if err == nil || !errors.Is(Classify(err), store.ErrReadOnly) {
		return db, err
	}
	if noLog {
		return openWith(ctx, path, "mode=ro&immutable=1")
	}
	return openWith(ctx, path, "mode=ro&readonly_shm=1")
}

// openWith opens a reading pool with the URI parameters given and reads
// the schema once, so a file SQLite cannot read fails here.
func openWith(ctx context.Context, path, params string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?"+params+"&_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(2)
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// checkDB runs the checks over an open database, in one read transaction:
// both see the same snapshot.
func checkDB(ctx context.Context, db *sql.DB) ([]string, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to keep
	var problems []string
	rows, err := tx.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return nil, fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, "integrity: "+line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}

	rows, err = tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, fmt.Errorf("foreign key check: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return nil, fmt.Errorf("foreign key check: %w", err)
		}
		problems = append(problems, fmt.Sprintf("foreign key: %s row %d refers to a missing %s", table, rowid.Int64, parent))
	}
	return problems, rows.Err()
}
