package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"backtrack/store"
)

// refuseStale turns an update that matched no row, of a record that
// exists, into a StaleError naming who changed it last and when (the
// record's latest audit entry): its version moved on since it was loaded.
// table is "clients" or "sessions".
func refuseStale(ctx context.Context, tx *sql.Tx, res sql.Result, table string, id int64) error {
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return err
	}
	var uid string
	err := tx.QueryRowContext(ctx, `SELECT uid FROM `+table+` WHERE id = ?`, id).Scan(&uid)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // gone, not stale: mustAffectOne says so
	}
	if err != nil {
		return err
	}
	stale := &store.StaleError{}
	var at string
	err = tx.QueryRowContext(ctx, `SELECT actor, at FROM audit_log WHERE record = ? ORDER BY seq DESC LIMIT 1`, uid).Scan(&stale.By, &at)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	stale.At = parseStamp(at)
	return stale
}
