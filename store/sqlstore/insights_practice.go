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

// firstVisits is each client's first visit of the current episode, as
// (client_id, session_id), NULL session for a client without one.
func (s *Store) firstVisits() string {
	return `SELECT c.id AS client_id, (SELECT s.id FROM sessions s LEFT JOIN plans p ON p.client_id = s.client_id
		WHERE s.client_id = c.id AND ` + episodeVisits + s.ownVisits() + `
		ORDER BY s.started_at, s.id LIMIT 1) AS session_id FROM clients c`
}

// readPresenting fills each episode's pain types and regions at its first
// visit: the tags, and the marks on the body chart with their pain types.
func (s *Store) readPresenting(ctx context.Context, tx *sql.Tx, episodes []insight.Episode, byClient map[int64]int) error {
	rows, err := tx.QueryContext(ctx, `SELECT f.client_id, t.kind, t.name, '' FROM (`+s.firstVisits()+`) f
		JOIN session_tags st ON st.session_id = f.session_id
		JOIN terms t ON t.id = st.term_id
		WHERE t.kind IN ('pain_type', 'location')
		UNION ALL
		SELECT f.client_id, 'mark', COALESCE(t.name, ''), sr.region FROM (`+s.firstVisits()+`) f
		JOIN session_regions sr ON sr.session_id = f.session_id
		LEFT JOIN terms t ON t.id = sr.pain_type_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var client int64
		var kind, name, region string
		if err := rows.Scan(&client, &kind, &name, &region); err != nil {
			return err
		}
		i, ok := byClient[client]
		if !ok {
			continue
		}
		// the first visit's tags are Visit's: one way of reading them
		var v insight.Visit
		v.PainTypes, v.Regions = episodes[i].PainTypes, episodes[i].Regions
		if kind == "mark" {
			v.AddMark(store.RegionID(region), name)
		} else {
			v.AddTag(store.Kind(kind), name)
		}
		episodes[i].PainTypes, episodes[i].Regions = v.PainTypes, v.Regions
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range episodes {
		slices.Sort(episodes[i].PainTypes)
		slices.Sort(episodes[i].Regions)
	}
	return nil
}
