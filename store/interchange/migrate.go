package interchange

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// ErrNotEmpty refuses to move a practice into records that already hold
// clients or sessions: a move is a copy into an empty database, never a
// merge.
var ErrNotEmpty = errors.New("the destination already holds clients or sessions; a practice moves into an empty database only")

// MoveSummary is what a move copied, counted again on the destination.
type MoveSummary = sqlstore.RecordCounts

// Move copies everything src holds (clients, sessions with every tag,
// signatures, amendments, voids, the vocabulary, the record's history
// with each entry's origin) into dst in one transaction, then counts it
// again on dst and verifies dst's history. src is only read. dst must hold
// no client and no session; it is left empty when anything fails. The
// practice streams from one to the other as an export, so a practice of
// any size moves in bounded memory.
func Move(ctx context.Context, src, dst *sqlstore.Store) (MoveSummary, error) {
	pr, pw := io.Pipe()
	var want MoveSummary
	wrote := make(chan error, 1)
	go func() {
		err := src.Snapshot(ctx, func(r *sqlstore.Snapshot) error {
			var err error
			if want, err = r.Counts(); err != nil {
				return err
			}
			return writeJSON(r, pw)
		})
		pw.CloseWithError(err)
		wrote <- err
	}()
	sum, err := ImportJSON(ctx, dst, pr, ImportOptions{Source: "moved from " + src.Path(), intoEmpty: true})
	pr.CloseWithError(errors.New("the import stopped reading"))
	if readErr := <-wrote; readErr != nil && errors.Is(err, readErr) {
		return MoveSummary{}, fmt.Errorf("move: read the practice: %w", readErr)
	}
	if err != nil {
		var ie *ImportError
		if errors.As(err, &ie) {
			return MoveSummary{}, fmt.Errorf("move: the practice did not copy whole, nothing was written: %s", ie.Problems[0])
		}
		return MoveSummary{}, fmt.Errorf("move: nothing was written: %w", err)
	}
	var got MoveSummary
	if err := dst.Snapshot(ctx, func(r *sqlstore.Snapshot) (err error) { got, err = r.Counts(); return err }); err != nil {
		return MoveSummary{}, fmt.Errorf("move: read back: %w", err)
	}
	// the destination's history has the source's entries plus its own
	// (its first entry and the move's)
	if got.Clients != want.Clients || got.Sessions != want.Sessions || got.Amendments != want.Amendments ||
		got.Terms != want.Terms || got.HistoryEntries < want.HistoryEntries || sum.ClientsAdded != want.Clients {
		return got, fmt.Errorf("move: the destination holds %+v, the practice %+v", got, want)
	}
	if err := historyArrived(ctx, src, dst); err != nil {
		return got, err
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

// historyArrived checks that every entry of src's history is in dst's, in
// its order: an import appends the entries as the file lists them, each
// with its origin (an entry identical to one already there, such as the
// destination's first written in the same second, is that one). Both
// histories are read side by side, oldest first, never held whole.
func historyArrived(ctx context.Context, src, dst *sqlstore.Store) error {
	next, stop := iter.Pull2(historyOf(ctx, src))
	defer stop()
	want, err, more := next()
	err = dst.Snapshot(ctx, func(r *sqlstore.Snapshot) error {
		return r.EachAuditEntry(func(have store.AuditEntry) error {
			for more && err == nil && (have.Origin == want.Hash || have.Hash == want.Hash ||
				(want.Origin != "" && (have.Origin == want.Origin || have.Hash == want.Origin))) {
				want, err, more = next()
			}
			return err
		})
	})
	switch {
	case err != nil:
		return fmt.Errorf("move: read back the history: %w", err)
	case more:
		return fmt.Errorf("move: the history entry %d (%s) did not arrive", want.Seq, want.Action)
	}
	return nil
}

// historyOf yields the entries of a record's history, oldest first.
func historyOf(ctx context.Context, s *sqlstore.Store) iter.Seq2[store.AuditEntry, error] {
	return func(yield func(store.AuditEntry, error) bool) {
		stopped := errors.New("stopped")
		err := s.Snapshot(ctx, func(r *sqlstore.Snapshot) error {
			return r.EachAuditEntry(func(e store.AuditEntry) error {
				if !yield(e, nil) {
					return stopped
				}
				return nil
			})
		})
		if err != nil && !errors.Is(err, stopped) {
			yield(store.AuditEntry{}, err)
		}
	}
}
