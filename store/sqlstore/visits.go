package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// The client list shows each client's last visit (start and pain) and their
// number of visits. They are kept on the client's row (migration 011),
// brought up to date in the transaction of every write that changes them,
// so the list reads one row per client, in an index's order, whatever the
// size of the practice. This file is the one place that says which notes
// count.

// visitRule is the condition under which a session v of the client on the
// row being written counts as a visit in the list: it stands (a voided
// note was entered in error). Drafts count: the visit took place. On a
// practice server a private note does not count: the client's row is read
// by every therapist, and the note, its date and its pain are its
// author's alone (row-level security, migration 005).
func visitRule(onServer bool) string {
	rule := `v.client_id = clients.id AND v.voided_at = ''`
	if onServer {
		rule += ` AND v.private = FALSE`
	}
	return rule
}

// keptVisit is one column kept on the client's row and the expression, over
// the client's sessions, that it holds.
type keptVisit struct{ column, expr string }

func keptVisits(onServer bool) []keptVisit {
	rule := visitRule(onServer)
	last := func(col string) string {
		return `(SELECT v.` + col + ` FROM sessions v WHERE ` + rule + ` ORDER BY v.started_at DESC, v.id DESC LIMIT 1)`
	}
	return []keptVisit{
		{"visits", `(SELECT COUNT(*) FROM sessions v WHERE ` + rule + `)`},
		{"last_visit_at", `COALESCE(` + last("started_at") + `, '')`},
		{"last_pain_before", last("pain_before")},
		{"last_pain_after", last("pain_after")},
	}
}

// refreshVisitsSQL brings the kept columns of the clients matched by where
// up to date.
func refreshVisitsSQL(onServer bool, where string) string {
	var set []string
	for _, k := range keptVisits(onServer) {
		set = append(set, k.column+" = "+k.expr)
	}
	return `UPDATE clients SET ` + strings.Join(set, ", ") + ` WHERE ` + where
}

// refreshVisits brings the kept columns of the given clients up to date in
// tx.
func (s *Store) refreshVisits(ctx context.Context, tx *sql.Tx, clientIDs ...int64) error {
	if len(clientIDs) == 0 {
		return nil
	}
	// a bulk write (an import, a move) touches more clients than a list
	// of ids may hold: every row then, as the migration does
	if len(clientIDs) > listedIDsAtMost {
		if _, err := tx.ExecContext(ctx, refreshVisitsSQL(s.OnServer(), `1 = 1`)); err != nil {
			return fmt.Errorf("%d clients' last visits: %w", len(clientIDs), err)
		}
		return nil
	}
	// one statement, run unprepared: on a server a prepared statement is
	// two round trips more (prepare, close)
	ids := make([]any, len(clientIDs))
	for i, id := range clientIDs {
		ids[i] = id
	}
	where := `id IN (?` + strings.Repeat(`, ?`, len(ids)-1) + `)`
	if _, err := tx.ExecContext(ctx, refreshVisitsSQL(s.OnServer(), where), ids...); err != nil {
		return fmt.Errorf("clients %v's last visits: %w", clientIDs, err)
	}
	return nil
}

// fillVisits fills the kept columns of every client: migration 011's Go
// half, in its transaction.
func fillVisits(onServer bool) func(context.Context, *sql.Tx) error {
	return func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, refreshVisitsSQL(onServer, `1 = 1`))
		return err
	}
}

// touch notes that a client's notes changed in the batch: their kept
// columns are brought up to date once, before the batch commits.
func (b *Batch) touch(clientIDs ...int64) {
	if b.touched == nil {
		b.touched = map[int64]bool{}
	}
	for _, id := range clientIDs {
		b.touched[id] = true
	}
}

// refreshTouched brings up to date every client the batch touched.
func (b *Batch) refreshTouched() error {
	ids := make([]int64, 0, len(b.touched))
	for id := range b.touched {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return b.s.refreshVisits(b.ctx, b.tx, ids...)
}

// verifyVisits names every client whose kept columns differ from what their
// notes say (changed outside Backtrack, or a write that forgot them).
func verifyVisits(ctx context.Context, tx *sql.Tx, onServer bool) ([]string, error) {
	var differ []string
	for _, k := range keptVisits(onServer) {
		differ = append(differ, "clients."+k.column+" IS DISTINCT FROM "+k.expr)
	}
	rows, err := tx.QueryContext(ctx, `SELECT clients.uid, clients.first_name, clients.last_name, clients.visits,
		`+keptVisits(onServer)[0].expr+` FROM clients WHERE `+strings.Join(differ, " OR ")+` ORDER BY clients.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var uid, first, last string
		var kept, counted int
		if err := rows.Scan(&uid, &first, &last, &kept, &counted); err != nil {
			return nil, err
		}
		problems = append(problems, fmt.Sprintf("client %s (%s): the list's last visit or visit count (%d) does not match their notes (%d visits); it was changed outside Backtrack",
			strings.TrimSpace(first+" "+last), uid, kept, counted))
	}
	return problems, rows.Err()
}
