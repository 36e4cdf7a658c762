package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
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
	// Without a write-ahead log beside it the file is the whole database:
	// read it as immutable, so the check creates no -wal or -shm (which
	// would take a read-only file's mode and block later writes).
	mode := "mode=ro"
	if _, err := os.Stat(path + "-wal"); errors.Is(err, fs.ErrNotExist) {
		mode = "mode=ro&immutable=1"
	}
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?"+mode+"&_pragma=busy_timeout(5000)")
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", path, err)
	}
	defer db.Close()
	return checkDB(ctx, db)
}

// checkDB runs the checks over an open database.
func checkDB(ctx context.Context, db *sql.DB) ([]string, error) {
	var problems []string
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
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

	rows, err = db.QueryContext(ctx, "PRAGMA foreign_key_check")
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
