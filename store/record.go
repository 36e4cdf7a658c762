package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// ClientRecord is everything the desk's client view and a progress report
// show about one client over a period, read from one snapshot so the
// numbers always agree with each other.
type ClientRecord struct {
	Client   Client
	Sessions []Session    // newest first, each with every tag
	Trend    []TrendPoint // oldest first: the chart and the summary read it
}

// ClientRecord reads a client, their sessions in a period and the pain
// trend of those sessions in one read transaction.
func (s *Store) ClientRecord(ctx context.Context, clientID int64, period Period) (ClientRecord, error) {
	from, until := period.bounds()
	var rec ClientRecord
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		rec.Client, err = scanClient(tx.QueryRowContext(ctx, `SELECT `+clientColumns+` FROM clients c WHERE c.id = ?`, clientID))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("client %d: %w", clientID, ErrNotFound)
		}
		if err != nil {
			return err
		}
		rec.Sessions, err = readSessions(ctx, tx, `s.client_id = ? AND s.started_at >= ? AND s.started_at < ?`,
			clientID, from, until)
		return err
	})
	if err != nil {
		return ClientRecord{}, fmt.Errorf("client record: %w", err)
	}
	rec.Trend = TrendOf(rec.Sessions)
	return rec, nil
}

// TrendOf is the pain trend of sessions given in any order: oldest first,
// the same points PainTrend reads from the database.
func TrendOf(sessions []Session) []TrendPoint {
	points := make([]TrendPoint, 0, len(sessions))
	for i := range sessions {
		points = append(points, TrendPoint{SessionID: sessions[i].ID, Start: sessions[i].Start,
			Before: sessions[i].PainBefore, After: sessions[i].PainAfter})
	}
	slices.SortFunc(points, func(a, b TrendPoint) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return int(a.SessionID - b.SessionID)
	})
	return points
}
