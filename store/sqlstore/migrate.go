package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// ErrNotEmpty refuses to move a practice into records that already hold
// clients or sessions: a move is a copy into an empty database, never a
// merge.
var ErrNotEmpty = errors.New("the destination already holds clients or sessions; a practice moves into an empty database only")

// MoveSummary is what a move copied, counted again on the destination.
type MoveSummary struct {
	Clients, Sessions, Amendments, Terms, HistoryEntries int
}

// MovePractice copies everything src holds (clients, sessions with every
// tag, signatures, amendments, voids, the vocabulary, the record's
// history with each entry's origin) into dst in one transaction, then
// counts it again on dst and verifies dst's history. src is only read. dst
// must hold no client and no session; it is left empty when anything fails.
func MovePractice(ctx context.Context, src, dst *Store) (MoveSummary, error) {
	export, err := src.Export(ctx)
	if err != nil {
		return MoveSummary{}, fmt.Errorf("move: read the practice: %w", err)
	}
	data, err := json.Marshal(export)
	if err != nil {
		return MoveSummary{}, fmt.Errorf("move: %w", err)
	}
	sum, err := dst.ImportJSON(ctx, bytes.NewReader(data), ImportOptions{Source: "moved from " + src.Path(), intoEmpty: true})
	if err != nil {
		var ie *ImportError
		if errors.As(err, &ie) {
			return MoveSummary{}, fmt.Errorf("move: the practice did not copy whole, nothing was written: %s", ie.Problems[0])
		}
		return MoveSummary{}, fmt.Errorf("move: nothing was written: %w", err)
	}
	want := countExport(export)
	moved, err := dst.Export(ctx)
	if err != nil {
		return MoveSummary{}, fmt.Errorf("move: read back: %w", err)
	}
	got := countExport(moved)
	// the destination's history has the source's entries plus its own
	// (its first entry and the move's)
	if got.Clients != want.Clients || got.Sessions != want.Sessions || got.Amendments != want.Amendments ||
		got.Terms != want.Terms || got.HistoryEntries < want.HistoryEntries || sum.ClientsAdded != want.Clients {
		return got, fmt.Errorf("move: the destination holds %+v, the practice %+v", got, want)
	}
	brought := map[string]bool{}
	for _, e := range moved.AuditLog {
		// an entry identical to one already there (the destination's
		// first, written in the same second) is that one
		brought[e.Origin], brought[e.Hash] = true, true
	}
	for _, e := range export.AuditLog {
		origin := e.Origin
		if origin == "" {
			origin = e.Hash
		}
		if !brought[origin] && !brought[e.Hash] {
			return got, fmt.Errorf("move: the history entry %d (%s) did not arrive", e.Seq, e.Action)
		}
	}
	problems, err := dst.VerifyRecord(ctx)
	if err != nil {
		return got, fmt.Errorf("move: verify: %w", err)
	}
	if len(problems) > 0 {
		return got, fmt.Errorf("move: the moved record does not verify: %s", problems[0])
	}
	return got, nil
}

func countExport(e Export) MoveSummary {
	m := MoveSummary{Clients: len(e.Clients), Terms: len(e.Vocabulary), HistoryEntries: len(e.AuditLog)}
	for _, c := range e.Clients {
		m.Sessions += len(c.Sessions)
		for _, s := range c.Sessions {
			m.Amendments += len(s.Amendments)
		}
	}
	return m
}

// requireEmpty refuses, inside the import's transaction (so under the
// write lock), records that already hold a client or a session.
func requireEmpty(ctx context.Context, tx *sql.Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM clients) + (SELECT COUNT(*) FROM sessions)`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return ErrNotEmpty
	}
	return nil
}
