package sqlstore

import (
	"database/sql"
	"errors"

	"backtrack/store"
)

// acceptBodyChart adds the regions the client tapped to the body map of
// their draft note of that day (the newest, when several are open), or of
// a new draft note when none is: a signed note changes only by amendment,
// and a region the therapist marked keeps its mark. The note's save is
// audited as any edit; the words say what was added and what kept.
func (b *Batch) acceptBodyChart(sub store.Submission) (words, made string, err error) {
	if len(sub.BodyChart) == 0 {
		return "Where it hurts (client): nothing marked", "", nil
	}
	note := sub.BodyChartNote()
	day := note.Start.Format(store.DateLayout)
	var id int64
	err = b.tx.QueryRowContext(b.ctx, `SELECT id FROM sessions WHERE client_id = ? AND signed_at = '' AND legacy = FALSE
		AND voided_at = '' AND started_at >= ? AND started_at < ? ORDER BY started_at DESC, id DESC LIMIT 1`,
		sub.ClientID, day, day+"~").Scan(&id)
	created := errors.Is(err, sql.ErrNoRows)
	switch {
	case created:
	case err != nil:
		return "", "", err
	default:
		if note, _, err = sessionInTx(b.ctx, b.tx, id); err != nil {
			return "", "", err
		}
	}
	merged, added, kept := store.MergeBodyChart(note.BodyMap, sub.BodyChart)
	note.BodyMap = merged
	if len(added) > 0 || created {
		if note, err = b.SaveSession(note); err != nil {
			return "", "", err
		}
	}
	return store.BodyChartWords(added, kept, note, created), note.UID, nil
}
