package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"backtrack/store"
	"backtrack/store/insight"
)

// ownVisits keeps, on a clinic server, the login's own notes, and every
// note for an auditor: the practice view is a therapist's course, and the
// server's rules let a therapist read colleagues' shared notes too. A file
// is one practice's, and reads whole. Whether the login is an auditor is
// asked once: asked in the condition, the server asks it of every visit
// (200,000 at clinic scale).
func (s *Store) ownVisits(ctx context.Context, tx *sql.Tx) (string, error) {
	if !s.OnServer() {
		return "", nil
	}
	var auditor bool
	if err := tx.QueryRowContext(ctx, `SELECT backtrack_is_auditor()`).Scan(&auditor); err != nil || auditor {
		return "", err
	}
	return ` AND s.author = current_user`, nil
}

// PracticeInsights reads every episode of care (on a server, the login's
// own visits; an auditor's, all) and the practice view of them.
func (s *Store) PracticeInsights(ctx context.Context) (insight.Practice, error) {
	if s.contactsOnly {
		return insight.Practice{}, store.ErrNotesWithheld
	}
	var episodes []insight.Episode
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var firsts []int64
		var err error
		if episodes, firsts, err = s.readEpisodes(ctx, tx); err != nil {
			return err
		}
		return s.readPresenting(ctx, tx, episodes, firsts)
	})
	if err != nil {
		return insight.Practice{}, fmt.Errorf("practice insights: %w", err)
	}
	return insight.OfPractice(episodes), nil
}

// readEpisodes reads each episode of care in the few figures the
// practice view counts (insight.Episode), in client order, and each
// episode's first visit's id, for what the client presented with.
func (s *Store) readEpisodes(ctx context.Context, tx *sql.Tx) ([]insight.Episode, []int64, error) {
	own, err := s.ownVisits(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	if s.OnServer() {
		return episodesOnServer(ctx, tx, own)
	}
	return episodesOfFile(ctx, tx)
}

// episodesOfFile reads every standing visit's pain before treatment in
// one pass through the index that holds it (migration 018), client by
// client in date order, adding each to its episode as it comes. The
// plans' starts are read apart: a lookup of the plan for every visit
// doubles the pass's time. On a file the database is in this process, so
// numbering the visits in SQL would do the same work, and more: SQLite
// keeps each client's visits in a table of their own to number them
// (three times the pass's time at clinic scale).
func episodesOfFile(ctx context.Context, tx *sql.Tx) ([]insight.Episode, []int64, error) {
	starts := map[int64]string{}
	plans, err := tx.QueryContext(ctx, `SELECT client_id, starts_on FROM plans`)
	if err != nil {
		return nil, nil, err
	}
	for plans.Next() {
		var client int64
		var start string
		if err := plans.Scan(&client, &start); err != nil {
			plans.Close()
			return nil, nil, err
		}
		starts[client] = start
	}
	if err := plans.Close(); err != nil {
		return nil, nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT s.client_id, s.id, s.started_at, s.pain_before FROM sessions s
		WHERE s.voided_at = '' ORDER BY s.client_id, s.started_at, s.id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var out []insight.Episode
	var firsts []int64
	last := int64(-1)
	for rows.Next() {
		var client, id int64
		var start string
		var before sql.NullInt64
		if err := rows.Scan(&client, &id, &start, &before); err != nil {
			return nil, nil, err
		}
		if start < starts[client] { // before the plan: an earlier episode
			continue
		}
		if client != last {
			firsts = append(firsts, id)
			out = append(out, insight.Episode{FirstVisit: parseStart(start)})
			last = client
		}
		out[len(out)-1].Add(painFrom(before))
	}
	return out, firsts, rows.Err()
}

// episodesOnServer has the server reduce each client's visits to their
// episode's figures: numbered in date order, a client's visits come back
// as one row, not one each (20,000 rows over the connection at clinic
// scale rather than 200,000), read from the index that holds them
// (migration 018). It is insight.Episode.Add in SQL.
func episodesOnServer(ctx context.Context, tx *sql.Tx, own string) ([]insight.Episode, []int64, error) {
	rows, err := tx.QueryContext(ctx, episodesQuery(own))
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var out []insight.Episode
	var firsts []int64
	for rows.Next() {
		var first int64
		var visits int
		var start string
		var baseline, reached sql.NullInt64
		if err := rows.Scan(&first, &start, &baseline, &visits, &reached); err != nil {
			return nil, nil, err
		}
		firsts = append(firsts, first)
		out = append(out, insight.Episode{FirstVisit: parseStart(start), Visits: visits,
			Baseline: painFrom(baseline), ReachedAt: int(reached.Int64)})
	}
	return out, firsts, rows.Err()
}

// episodesQuery numbers each client's visits of the episode (from the
// plan's start, when there is a plan: an earlier visit belongs to an
// earlier episode) and keeps, per client, the first visit's id, date and
// pain before treatment, the count, and the first later visit whose pain
// before is at most insight.ImprovedAtMost of the first's. own narrows
// the visits (ownVisits).
func episodesQuery(own string) string {
	return `SELECT MIN(CASE WHEN n = 1 THEN id END), MIN(CASE WHEN n = 1 THEN started_at END),
		MIN(CASE WHEN n = 1 THEN pain_before END), COUNT(*),
		MIN(CASE WHEN n > 1 AND pain_before <= ` + improvedAtMostSQL("baseline") + ` THEN n END)
		FROM (SELECT s.client_id, s.id, s.started_at, s.pain_before,
				ROW_NUMBER() OVER visits AS n, FIRST_VALUE(s.pain_before) OVER visits AS baseline
			FROM sessions s LEFT JOIN plans p ON p.client_id = s.client_id
			WHERE s.voided_at = '' AND s.started_at >= COALESCE(p.starts_on, '')` + own + `
			WINDOW visits AS (PARTITION BY s.client_id ORDER BY s.started_at, s.id)) v
		GROUP BY client_id ORDER BY client_id`
}

// improvedAtMostSQL is insight.ImprovedAtMost of the pain score column as
// SQL: the rule's answer for each score of the 0-10 scale (the schema's
// check), written out, so the rule stays in one place.
func improvedAtMostSQL(column string) string {
	var b strings.Builder
	b.WriteString("CASE " + column)
	for baseline := 0; baseline <= 10; baseline++ {
		fmt.Fprintf(&b, " WHEN %d THEN %d", baseline, insight.ImprovedAtMost(baseline))
	}
	b.WriteString(" END")
	return b.String()
}

// readPresenting fills each episode's pain types and regions at its first
// visit (firsts, in the episodes' order): the tags, and the marks on the
// body chart with their pain types, read by the visits' ids through the
// tables' keys. A file is asked a list of ids at a time; a server once,
// with every id in one array: it plans a query of a thousand ids longer
// than it takes to answer it. The tags are looked up by the visit first
// (CROSS JOIN keeps SQLite to that order): by the pain types' and
// locations' terms first, it looked each visit up once per term.
func (s *Store) readPresenting(ctx context.Context, tx *sql.Tx, episodes []insight.Episode, firsts []int64) error {
	index := make(map[int64]int, len(firsts))
	for i, id := range firsts {
		index[id] = i
	}
	read := func(ids string, args ...any) error {
		rows, err := tx.QueryContext(ctx, `SELECT st.session_id, t.kind, t.name, '' FROM session_tags st
			CROSS JOIN terms t WHERE t.id = st.term_id AND st.session_id `+ids+` AND t.kind IN ('pain_type', 'location')
			UNION ALL
			SELECT sr.session_id, 'mark', COALESCE(t.name, ''), sr.region FROM session_regions sr
			LEFT JOIN terms t ON t.id = sr.pain_type_id WHERE sr.session_id `+ids, append(args, args...)...)
		if err != nil {
			return err
		}
		return presentingRows(rows, episodes, index)
	}
	if s.OnServer() {
		if err := read(`= ANY(?)`, firsts); err != nil {
			return err
		}
	} else {
		for from := 0; from < len(firsts); from += listedIDsAtMost {
			ids := make([]any, 0, listedIDsAtMost)
			for _, id := range firsts[from:min(from+listedIDsAtMost, len(firsts))] {
				ids = append(ids, id)
			}
			if err := read(`IN (?`+strings.Repeat(`, ?`, len(ids)-1)+`)`, ids...); err != nil {
				return err
			}
		}
	}
	for i := range episodes {
		slices.Sort(episodes[i].PainTypes)
		slices.Sort(episodes[i].Regions)
	}
	return nil
}

// presentingRows reads a batch of first visits' tags and marks, and
// closes rows.
func presentingRows(rows *sql.Rows, episodes []insight.Episode, index map[int64]int) error {
	defer rows.Close()
	for rows.Next() {
		var id int64
		var kind, name, region string
		if err := rows.Scan(&id, &kind, &name, &region); err != nil {
			return err
		}
		e := &episodes[index[id]]
		// the first visit's tags are read as a Visit reads them: one way
		v := insight.Visit{PainTypes: e.PainTypes, Regions: e.Regions}
		if kind == "mark" {
			v.AddMark(store.RegionID(region), name)
		} else {
			v.AddTag(store.Kind(kind), name)
		}
		e.PainTypes, e.Regions = v.PainTypes, v.Regions
	}
	return rows.Err()
}
