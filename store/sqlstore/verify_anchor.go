package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"

	"backtrack/store"
	"backtrack/store/anchor"
	"backtrack/store/postgres"
)

// WithAnchors keeps the head of the record's history in book, outside the
// database, whenever this store opens it, commits entries to its history
// and closes it (package anchor says why).
func WithAnchors(book *anchor.Book) Option { return func(s *Store) { s.anchors = book } }

// LogHead reads the latest entry of the record's history: the head a
// backup, an export or a printed report carries. On a server it is the
// latest entry this login may read.
func (s *Store) LogHead(ctx context.Context) (store.LogHead, error) {
	var h store.LogHead
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		h, err = readLogHead(ctx, tx)
		return err
	})
	if err != nil {
		return store.LogHead{}, fmt.Errorf("the record's history: %w", err)
	}
	return h, nil
}

// readLogHead reads the history's latest entry; zero when it is empty.
func readLogHead(ctx context.Context, tx *sql.Tx) (store.LogHead, error) {
	var h store.LogHead
	err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&h.Seq, &h.Hash)
	if errors.Is(err, sql.ErrNoRows) {
		return store.LogHead{}, nil
	}
	return h, err
}

// chainView is what one snapshot of the history says about a kept head.
type chainView struct {
	head  store.LogHead
	chain string // the first entry's hash: which record this is
	at    string // the hash of the entry at the kept head's number; "" when there is none
}

// viewChain reads the head, the first entry and the entry numbered seq on
// one snapshot.
func (s *Store) viewChain(ctx context.Context, seq int64) (chainView, error) {
	var v chainView
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		if v.head, err = readLogHead(ctx, tx); err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `SELECT hash FROM audit_log ORDER BY seq LIMIT 1`).Scan(&v.chain)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		err = tx.QueryRowContext(ctx, `SELECT hash FROM audit_log WHERE seq = ?`, seq).Scan(&v.at)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return nil
	})
	return v, err
}

// anchorKey is where the record lives: the database file's canonical path
// (symbolic links followed), or on a server its database and the login
// that sees it (each therapist's anchor is what that login saw).
func (s *Store) anchorKey(ctx context.Context) string {
	if pg, ok := s.engine.(*postgres.DB); ok {
		// the role itself, not the store's actor: a read-only store (check)
		// has none, and it must find the head its login's desk kept
		role, err := pg.Role(ctx)
		if err != nil {
			role = s.actorName()
		}
		return "server " + s.Path() + " as " + role
	}
	path, err := filepath.Abs(s.Path())
	if err != nil {
		return s.Path()
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	return path
}

// keepHead moves the kept head forward to the history's head when the
// history extends it (or none is kept yet). A history that does not (cut,
// replaced, another record) is left for check to report: the anchor never
// follows it back. Keeping the anchor never fails a write: it is a second
// line behind the chain, and a therapist's note matters more.
func (s *Store) keepHead(ctx context.Context) {
	if s.anchors == nil || s.read == nil {
		return
	}
	_ = s.anchors.Update(s.anchorKey(ctx), func(kept anchor.Seen, known bool) (anchor.Seen, bool) {
		v, err := s.viewChain(ctx, kept.Seq)
		if err != nil || v.head.Seq == 0 {
			return kept, false
		}
		if known && (v.chain != kept.Chain || v.at != kept.Hash || v.head.Seq <= kept.Seq) {
			return kept, false
		}
		return anchor.Seen{Chain: v.chain, Seq: v.head.Seq, Hash: v.head.Hash, At: s.now().Truncate(1e9)}, true
	})
}

// AcceptHead makes the history's head, as it is now, the one Backtrack
// knows for this record in book (the store's own when nil), even when it
// does not extend the one kept: after a restore (the user's act, recorded
// in the history) or when the user says a record was replaced on purpose.
func (s *Store) AcceptHead(ctx context.Context, book *anchor.Book) error {
	if book == nil {
		book = s.anchors
	}
	if book == nil {
		return nil
	}
	var failed error
	err := book.Update(s.anchorKey(ctx), func(kept anchor.Seen, known bool) (anchor.Seen, bool) {
		v, err := s.viewChain(ctx, 0)
		if err != nil {
			failed = err
			return kept, false
		}
		return anchor.Seen{Chain: v.chain, Seq: v.head.Seq, Hash: v.head.Hash, At: s.now().Truncate(1e9), Restored: true}, true
	})
	if err == nil {
		err = failed
	}
	if err != nil {
		return fmt.Errorf("keep the record's head: %w", err)
	}
	return nil
}

// AnchorProblemPrefix begins each problem VerifyAnchor finds.
const AnchorProblemPrefix = "record history: "

// VerifyAnchor compares the record's history with the head Backtrack last
// saw of it (book; the store's own when nil) and says, in a sentence, when
// the history ends before it (entries cut from its end) or does not hold
// it (an older copy or another record in its place). None means the
// history holds what was seen, or nothing was seen yet.
func (s *Store) VerifyAnchor(ctx context.Context, book *anchor.Book) ([]string, error) {
	if book == nil {
		book = s.anchors
	}
	if book == nil {
		return nil, nil
	}
	kept, known, err := book.Get(s.anchorKey(ctx))
	if err != nil || !known {
		return nil, err
	}
	v, err := s.viewChain(ctx, kept.Seq)
	if err != nil {
		return nil, fmt.Errorf("verify the record's head: %w", err)
	}
	seen := fmt.Sprintf("entry %d (%.8s), seen on %s", kept.Seq, kept.Hash, kept.At.Local().Format(store.StampLayout))
	switch {
	case v.chain != kept.Chain:
		return []string{AnchorProblemPrefix + "this is not the record Backtrack last saw here (its history begins with another entry; Backtrack saw it reach " +
			seen + "): the file was replaced by another record"}, nil
	case v.head.Seq < kept.Seq:
		return []string{fmt.Sprintf(AnchorProblemPrefix+"it ends at entry %d, before %s: entries were cut from its end, or the file was replaced by an older copy",
			v.head.Seq, seen)}, nil
	case v.at != kept.Hash:
		return []string{AnchorProblemPrefix + "its entry " + fmt.Sprint(kept.Seq) + " is not the one Backtrack saw (" + seen +
			"): the history was rewritten from there on, or the file was replaced by another copy"}, nil
	}
	return nil, nil
}
