package sqlstore

import (
	"backtrack/store"
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ClientRecord reads a client, their sessions in a period and the pain
// trend of those sessions in one read transaction.
func (s *Store) ClientRecord(ctx context.Context, clientID int64, period store.Period) (store.ClientRecord, error) {
	from, until := periodBounds(period)
	var rec store.ClientRecord
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		rec.Client, err = scanClient(tx.QueryRowContext(ctx, `SELECT `+clientColumns+` FROM clients c WHERE c.id = ?`, clientID))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("client %d: %w", clientID, store.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if rec.Health, err = readHealth(ctx, tx, clientID); err != nil {
			return err
		}
		all, err := readSessions(ctx, tx, `s.client_id = ? AND s.started_at >= ? AND s.started_at < ?`,
			clientID, from, until)
		if err != nil {
			return err
		}
		for _, sess := range all {
			if sess.Voided() {
				rec.Voided = append(rec.Voided, sess)
			} else {
				rec.Sessions = append(rec.Sessions, sess)
			}
		}
		rec.Measures, err = readMeasures(ctx, tx, `m.client_id = ? AND m.taken_on >= ? AND m.taken_on < ?`, clientID, from, until)
		if err != nil {
			return err
		}
		if rec.Plan, err = readPlan(ctx, tx, clientID); err != nil || s.contactsOnly {
			return err // the front desk reads no note and no history
		}
		if rec.Submissions, err = readSubmissions(ctx, tx, `s.client_id = ?`, clientID); err != nil {
			return err
		}
		if rec.Baselines, err = readBaselines(ctx, tx, clientID, rec.Plan); err != nil {
			return err
		}
		rec.Head, err = readLogHead(ctx, tx)
		return err
	})
	if err != nil {
		return store.ClientRecord{}, fmt.Errorf("client record: %w", err)
	}
	rec.Trend = store.TrendOf(rec.Sessions)
	return rec, nil
}
