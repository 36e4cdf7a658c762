package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"backtrack/store"
	"backtrack/store/insight"
)

// episodeVisits is the condition on sessions s (with their client's plan
// p, LEFT JOINed) for a visit of the current episode of care: not voided,
// on or after the plan's start when there is a plan.
const episodeVisits = `s.voided_at = '' AND (p.starts_on IS NULL OR s.started_at >= p.starts_on)`

// ownVisits keeps, on a clinic server, the login's own notes, and every
// note for an auditor: the practice view is a therapist's course, and the
// server's rules let a therapist read colleagues' shared notes too. A file
// is one practice's, and reads whole.
func (s *Store) ownVisits() string {
	if !s.OnServer() {
		return ""
	}
	return ` AND (s.author = current_user OR backtrack_is_auditor())`
}

// PracticeInsights reads every episode of care (on a server, the login's
// own visits; an auditor's, all) and the practice view of them.
func (s *Store) PracticeInsights(ctx context.Context) (insight.Practice, error) {
	if s.contactsOnly {
		return insight.Practice{}, store.ErrNotesWithheld
	}
	var episodes []insight.Episode
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var byClient map[int64]int
		var err error
		if episodes, byClient, err = s.readEpisodes(ctx, tx); err != nil {
			return err
		}
		return s.readPresenting(ctx, tx, episodes, byClient)
	})
	if err != nil {
		return insight.Practice{}, fmt.Errorf("practice insights: %w", err)
	}
	return insight.OfPractice(episodes), nil
}

// readEpisodes reads pain before treatment of every visit of every
// episode, in one pass ordered by client, and each client's episode's
// place in the list.
func (s *Store) readEpisodes(ctx context.Context, tx *sql.Tx) ([]insight.Episode, map[int64]int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.client_id, s.started_at, s.pain_before FROM sessions s
		LEFT JOIN plans p ON p.client_id = s.client_id
		WHERE `+episodeVisits+s.ownVisits()+` ORDER BY s.client_id, s.started_at, s.id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var out []insight.Episode
	byClient := map[int64]int{}
	last := int64(-1)
	for rows.Next() {
		var client int64
		var start string
		var before sql.NullInt64
		if err := rows.Scan(&client, &start, &before); err != nil {
			return nil, nil, err
		}
		if client != last {
			byClient[client] = len(out)
			out = append(out, insight.Episode{FirstVisit: parseStart(start)})
			last = client
		}
		e := &out[len(out)-1]
		e.PainBefore = append(e.PainBefore, painFrom(before))
	}
	return out, byClient, rows.Err()
}

// readPresenting fills each episode's pain types and regions at its first
// visit.
func (s *Store) readPresenting(ctx context.Context, tx *sql.Tx, episodes []insight.Episode, byClient map[int64]int) error {
	rows, err := tx.QueryContext(ctx, `SELECT f.client_id, t.kind, t.name FROM (
			SELECT c.id AS client_id, (SELECT s.id FROM sessions s LEFT JOIN plans p ON p.client_id = s.client_id
				WHERE s.client_id = c.id AND `+episodeVisits+s.ownVisits()+`
				ORDER BY s.started_at, s.id LIMIT 1) AS session_id
			FROM clients c) f
		JOIN session_tags st ON st.session_id = f.session_id
		JOIN terms t ON t.id = st.term_id
		WHERE t.kind IN ('pain_type', 'location')
		ORDER BY f.client_id, t.kind, t.position, t.name`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var client int64
		var kind, name string
		if err := rows.Scan(&client, &kind, &name); err != nil {
			return err
		}
		if i, ok := byClient[client]; ok {
			e := &episodes[i]
			if store.Kind(kind) == store.PainType {
				e.PainTypes = append(e.PainTypes, name)
			} else if !slices.Contains(e.Regions, name) { // a location on both sides is one region
				e.Regions = append(e.Regions, name)
			}
		}
	}
	return rows.Err()
}
