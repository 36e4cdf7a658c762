package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"backtrack/store"
)

// readBaselines reads the episode of care's baselines, whatever the period
// a report asks for: the first pain before treatment on or after the
// episode's start (a draft too, marked as one), and the first score of each
// measure; a voided note is in no figure.
func readBaselines(ctx context.Context, tx *sql.Tx, clientID int64, plan store.Plan) (store.Baselines, error) {
	since := "0000"
	if start := store.EpisodeStart(plan); !start.IsZero() {
		since = start.Format(store.DateLayout)
	}
	var b store.Baselines
	var start string
	var before sql.NullInt64
	var locked bool
	err := tx.QueryRowContext(ctx, `SELECT s.id, s.started_at, s.pain_before, (s.signed_at <> '' OR s.legacy = TRUE)
		FROM sessions s WHERE s.client_id = ? AND s.started_at >= ? AND s.pain_before IS NOT NULL AND s.voided_at = ''
		ORDER BY s.started_at, s.id LIMIT 1`, clientID, since).Scan(&b.Pain.SessionID, &start, &before, &locked)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return b, err
	default:
		b.Pain.Start, b.Pain.Before, b.Pain.Draft = parseStart(start), painFrom(before), !locked
	}
	measures, err := readMeasures(ctx, tx, `m.client_id = ? AND m.taken_on >= ?`, clientID, since)
	if err != nil {
		return b, err
	}
	b.Measures = map[store.MeasureKind]store.MeasurePoint{}
	for _, k := range store.MeasureKinds {
		if pts := store.MeasureTrend(measures, k); len(pts) > 0 {
			b.Measures[k] = pts[0]
		}
	}
	return b, nil
}
