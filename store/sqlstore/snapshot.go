package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"backtrack/store"
)

// Snapshot reads the whole record on one consistent snapshot, a page of
// clients at a time, so a record of any size is read in bounded memory
// (an export, a move to a server).
type Snapshot struct {
	s   *Store
	ctx context.Context
	tx  *sql.Tx
}

// ClientData is one client with everything recorded about them.
type ClientData struct {
	Client   store.Client
	Health   store.Health
	Sessions []store.Session // oldest first, with tags, body chart and amendments
	Measures []store.Measure // oldest first
	Plan     *store.Plan     // nil when there is none
	// Submissions are what the client filled in and signed, newest first.
	Submissions []store.Submission
}

// RecordCounts counts what a record holds.
type RecordCounts struct {
	Clients, Sessions, Amendments, Terms, HistoryEntries int
}

// clientsPerPage bounds what a snapshot holds at once: a page of clients
// with their sessions, measures and plans.
const clientsPerPage = 200

// Snapshot runs fn on one consistent read of the whole record.
func (s *Store) Snapshot(ctx context.Context, fn func(*Snapshot) error) error {
	return s.inReadTx(ctx, func(tx *sql.Tx) error { return fn(&Snapshot{s: s, ctx: ctx, tx: tx}) })
}

// SchemaVersion is the database's schema version.
func (r *Snapshot) SchemaVersion() int { return r.s.schemaVersion() }

// Stamp is now, as the record writes a moment.
func (r *Snapshot) Stamp() string { return r.s.stamp() }

// Terms lists the whole vocabulary, retired entries too, list by list in
// the order the desk shows them.
func (r *Snapshot) Terms() ([]store.Term, error) {
	rows, err := r.tx.QueryContext(r.ctx, `SELECT id, kind, name, builtin, retired FROM terms
		ORDER BY CASE kind WHEN 'pain_type' THEN 1 WHEN 'location' THEN 2 WHEN 'trigger' THEN 3
			WHEN 'muscle' THEN 4 ELSE 5 END, `+vocabularyOrdering)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Term
	for rows.Next() {
		t, err := scanTerm(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// EachClient calls fn for every client, in the order they were recorded,
// with all they hold. Only a page of clients is in memory at once.
func (r *Snapshot) EachClient(fn func(ClientData) error) error {
	for after := int64(0); ; {
		page, err := r.clientPage(after)
		if err != nil || len(page) == 0 {
			return err
		}
		for _, c := range page {
			if err := fn(c); err != nil {
				return err
			}
		}
		after = page[len(page)-1].Client.ID
	}
}

// clientPage reads the clients after the given id, a page of them.
func (r *Snapshot) clientPage(after int64) ([]ClientData, error) {
	rows, err := r.tx.QueryContext(r.ctx, `SELECT `+clientColumns+` FROM clients c WHERE c.id > ? ORDER BY c.id LIMIT ?`,
		after, clientsPerPage)
	if err != nil {
		return nil, err
	}
	var page []ClientData
	index := map[int64]int{}
	for rows.Next() {
		c, err := scanClient(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		index[c.ID] = len(page)
		page = append(page, ClientData{Client: c})
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(page) == 0 {
		return nil, err
	}
	first, last := page[0].Client.ID, page[len(page)-1].Client.ID
	sessions, err := readSessions(r.ctx, r.tx, `s.client_id BETWEEN ? AND ?`, first, last)
	if err != nil {
		return nil, err
	}
	slices.Reverse(sessions) // newest first as read; a record reads oldest first
	for _, sess := range sessions {
		c := &page[index[sess.ClientID]]
		c.Sessions = append(c.Sessions, sess)
	}
	measures, err := readMeasures(r.ctx, r.tx, `m.client_id BETWEEN ? AND ?`, first, last)
	if err != nil {
		return nil, err
	}
	for _, m := range measures {
		c := &page[index[m.ClientID]]
		c.Measures = append(c.Measures, m)
	}
	subs, err := readSubmissions(r.ctx, r.tx, `s.client_id BETWEEN ? AND ?`, first, last)
	if err != nil {
		return nil, err
	}
	for _, sub := range subs {
		c := &page[index[sub.ClientID]]
		c.Submissions = append(c.Submissions, sub)
	}
	plans, err := readPlans(r.ctx, r.tx, `p.client_id BETWEEN ? AND ?`, first, last)
	if err != nil {
		return nil, err
	}
	for _, p := range plans {
		page[index[p.ClientID]].Plan = &p
	}
	for i := range page {
		if page[i].Health, err = readHealth(r.ctx, r.tx, page[i].Client.ID); err != nil {
			return nil, fmt.Errorf("client %s: %w", page[i].Client.UID, err)
		}
	}
	return page, nil
}

// EachAuditEntry calls fn for every entry of the record's history, oldest
// first. fn must not read the snapshot: the entries are read as it runs.
func (r *Snapshot) EachAuditEntry(fn func(store.AuditEntry) error) error {
	rows, err := r.tx.QueryContext(r.ctx, `SELECT `+auditColumns+` FROM audit_log ORDER BY seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanAuditEntry(rows)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// AuditHead is the latest entry of the record's history (seq 0 when the
// history is empty): what an anchor of the record's length names.
func (r *Snapshot) AuditHead() (seq int64, hash string, err error) {
	err = r.tx.QueryRowContext(r.ctx, `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&seq, &hash)
	if err == sql.ErrNoRows {
		return 0, "", nil
	}
	return seq, hash, err
}

// Counts counts what the record holds.
func (r *Snapshot) Counts() (RecordCounts, error) {
	var n RecordCounts
	err := r.tx.QueryRowContext(r.ctx, `SELECT (SELECT COUNT(*) FROM clients), (SELECT COUNT(*) FROM sessions),
		(SELECT COUNT(*) FROM session_amendments), (SELECT COUNT(*) FROM terms), (SELECT COUNT(*) FROM audit_log)`).
		Scan(&n.Clients, &n.Sessions, &n.Amendments, &n.Terms, &n.HistoryEntries)
	return n, err
}
