package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"backtrack/store"
	"backtrack/store/insight"
)

// ClientInsights reads a client's episode of care (from the plan's start;
// the whole record without a plan) and what it says: the comparisons and
// the courses of insight.OfClient. It reads pain, tags and measures only,
// not the notes' words, so a long record stays within a frame.
func (s *Store) ClientInsights(ctx context.Context, clientID int64) (insight.ClientInsights, error) {
	if s.contactsOnly {
		return insight.ClientInsights{}, store.ErrNotesWithheld
	}
	var visits []insight.Visit
	var measures []store.Measure
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM clients WHERE id = ?`, clientID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("client %d: %w", clientID, store.ErrNotFound)
		}
		if err != nil {
			return err
		}
		plan, err := readPlan(ctx, tx, clientID)
		if err != nil {
			return err
		}
		from, _ := periodBounds(store.Period{From: store.EpisodeStart(plan)})
		if visits, err = readVisits(ctx, tx, clientID, from); err != nil {
			return err
		}
		measures, err = readMeasures(ctx, tx, `m.client_id = ? AND m.taken_on >= ?`, clientID, from)
		return err
	})
	if err != nil {
		return insight.ClientInsights{}, fmt.Errorf("client insights: %w", err)
	}
	return insight.OfClient(visits, measures), nil
}

// readVisits reads a client's visits from day from, oldest first, with
// their tags by name (one query for the visits, one for the tags).
func readVisits(ctx context.Context, tx *sql.Tx, clientID int64, from string) ([]insight.Visit, error) {
	parts := noteRows{where: `s.client_id = ? AND s.started_at >= ? AND s.voided_at = ''`, args: []any{clientID, from}}
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.started_at, s.pain_before, s.pain_after, s.trigger_other FROM sessions s
		WHERE `+parts.where+` ORDER BY s.started_at, s.id`, parts.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var visits []insight.Visit
	index := map[int64]int{}
	for rows.Next() {
		var id int64
		var start, other string
		var before, after sql.NullInt64
		if err := rows.Scan(&id, &start, &before, &after, &other); err != nil {
			return nil, err
		}
		v := insight.Visit{Start: parseStart(start), Before: painFrom(before), After: painFrom(after)}
		if other != "" {
			v.Triggers = []string{other}
		}
		index[id] = len(visits)
		visits = append(visits, v)
		parts.out = append(parts.out, store.Session{ID: id})
	}
	if err := rows.Err(); err != nil || len(visits) == 0 {
		return nil, err
	}
	// the parts by the notes' ids, as readSessions reads them (noteRows)
	filter, filterArgs := parts.filter(`st.session_id`)
	tags, err := tx.QueryContext(ctx, `SELECT st.session_id, t.kind, t.name FROM session_tags st
		JOIN terms t ON t.id = st.term_id`+filter, filterArgs...) // any order: the method sorts what it lists
	if err != nil {
		return nil, err
	}
	defer tags.Close()
	for tags.Next() {
		var id int64
		var kind, name string
		if err := tags.Scan(&id, &kind, &name); err != nil {
			return nil, err
		}
		i, ok := index[id]
		if !ok {
			continue
		}
		visits[i].AddTag(store.Kind(kind), name)
	}
	if err := tags.Err(); err != nil {
		return nil, err
	}
	filter, filterArgs = parts.filter(`sr.session_id`)
	marks, err := tx.QueryContext(ctx, `SELECT sr.session_id, sr.region, COALESCE(t.name, '') FROM session_regions sr
		LEFT JOIN terms t ON t.id = sr.pain_type_id`+filter, filterArgs...)
	if err != nil {
		return nil, err
	}
	defer marks.Close()
	for marks.Next() {
		var id int64
		var region, painType string
		if err := marks.Scan(&id, &region, &painType); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			visits[i].AddMark(store.RegionID(region), painType)
		}
	}
	return visits, marks.Err()
}
