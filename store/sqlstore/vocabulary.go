package sqlstore

import (
	"backtrack/store"
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// vocabularyOrdering is the vocabulary's order, everywhere it is listed
// or a note's tags are sorted: built-in entries first in the article's
// order, then the therapist's own by name.
const vocabularyOrdering = `builtin DESC, position, name_key`

// Terms lists one vocabulary, built-in entries first in the article's order,
// then the therapist's own by name. Retired entries are included on request.
func (s *Store) Terms(ctx context.Context, kind store.Kind, includeRetired bool) ([]store.Term, error) {
	return listTerms(ctx, s.read, kind, includeRetired)
}

// Terms lists one vocabulary in use, with what this batch has added.
func (b *Batch) Terms(kind store.Kind) ([]store.Term, error) {
	return listTerms(b.ctx, b.tx, kind, false)
}

// querier is a *sql.Tx or *sql.DB.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func listTerms(ctx context.Context, q querier, kind store.Kind, includeRetired bool) ([]store.Term, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT id, kind, name, builtin, retired FROM terms
		WHERE kind = ? AND (? OR retired = FALSE)
		ORDER BY `+vocabularyOrdering, string(kind), includeRetired)
	if err != nil {
		return nil, fmt.Errorf("list %s vocabulary: %w", kind, err)
	}
	defer rows.Close()
	var out []store.Term
	for rows.Next() {
		t, err := scanTerm(rows)
		if err != nil {
			return nil, fmt.Errorf("list %s vocabulary: %w", kind, err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Term returns one vocabulary entry.
func (s *Store) Term(ctx context.Context, id int64) (store.Term, error) {
	t, err := scanTerm(s.read.QueryRowContext(ctx,
		`SELECT id, kind, name, builtin, retired FROM terms WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("term %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Term{}, fmt.Errorf("get term: %w", err)
	}
	return t, nil
}

// TermNamed finds an entry by name, ignoring case and accents; retired
// entries count. It returns ErrNotFound when there is none.
func (s *Store) TermNamed(ctx context.Context, kind store.Kind, name string) (store.Term, error) {
	var t store.Term
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		t, err = termNamed(ctx, tx, kind, name)
		return err
	})
	return t, err
}

// termNamed looks a name up inside a transaction.
func termNamed(ctx context.Context, tx *sql.Tx, kind store.Kind, name string) (store.Term, error) {
	t, err := scanTerm(tx.QueryRowContext(ctx,
		`SELECT id, kind, name, builtin, retired FROM terms WHERE kind = ? AND name_key = ?`,
		string(kind), store.Fold(name)))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Term{}, fmt.Errorf("%s %q: %w", kind.Label(), name, store.ErrNotFound)
	}
	return t, err
}

// AddTerm adds the therapist's own entry to a vocabulary. Adding a name that
// was retired brings it back; adding one that is in use is an error that
// names it.
func (s *Store) AddTerm(ctx context.Context, kind store.Kind, name string) (store.Term, error) {
	var t store.Term
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		t, err = addTerm(ctx, tx, kind, name)
		return err
	})
	if err != nil {
		return store.Term{}, fmt.Errorf("add %s: %w", kind.Label(), err)
	}
	return t, nil
}

// addTerm is AddTerm inside a caller's transaction (imports add many).
func addTerm(ctx context.Context, tx *sql.Tx, kind store.Kind, name string) (store.Term, error) {
	name, err := store.ValidTermName(kind, name)
	if err != nil {
		return store.Term{}, err
	}
	existing, err := termNamed(ctx, tx, kind, name)
	switch {
	case err == nil && existing.Retired:
		if _, err := tx.ExecContext(ctx, `UPDATE terms SET retired = FALSE WHERE id = ?`, existing.ID); err != nil {
			return store.Term{}, err
		}
		existing.Retired = false
		return existing, nil
	case err == nil:
		return store.Term{}, &store.ValidationError{Problems: []store.FieldError{{Field: "name",
			Message: fmt.Sprintf("%s %q is already in the list", kind.Label(), existing.Name)}}}
	case !errors.Is(err, store.ErrNotFound):
		return store.Term{}, err
	}
	var id int64
	err = tx.QueryRowContext(ctx,
		`INSERT INTO terms (kind, name, name_key, builtin, retired, position)
		 VALUES (?, ?, ?, FALSE, FALSE, (SELECT COALESCE(MAX(position), 0) + 1 FROM terms WHERE kind = ?)) RETURNING id`,
		string(kind), name, store.Fold(name), string(kind)).Scan(&id)
	if err != nil {
		return store.Term{}, err
	}
	return store.Term{ID: id, Kind: kind, Name: name}, nil
}

// RetireTerm stops offering an entry. Sessions that used it keep it.
func (s *Store) RetireTerm(ctx context.Context, id int64) error {
	return s.setRetired(ctx, id, true)
}

// UnretireTerm offers a retired entry again.
func (s *Store) UnretireTerm(ctx context.Context, id int64) error {
	return s.setRetired(ctx, id, false)
}

func (s *Store) setRetired(ctx context.Context, id int64, retired bool) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE terms SET retired = ? WHERE id = ?`, retired, id)
		if err != nil {
			return err
		}
		return mustAffectOne(res, "term", id)
	})
	if err != nil {
		return fmt.Errorf("retire term: %w", err)
	}
	return nil
}

func scanTerm(row scanner) (store.Term, error) {
	var t store.Term
	var kind string
	if err := row.Scan(&t.ID, &kind, &t.Name, &t.Builtin, &t.Retired); err != nil {
		return store.Term{}, err
	}
	t.Kind = store.Kind(kind)
	return t, nil
}
