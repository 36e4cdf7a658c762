package sqlstore

import (
	"backtrack/store"
	"context"
	"database/sql"
)

// Batch writes many records in one transaction, for imports and sample
// data: every record lands, or none does.
type Batch struct {
	s     *Store
	ctx   context.Context
	tx    *sql.Tx
	stamp string
}

// Batch runs fn in one write transaction. If fn returns an error, nothing
// fn wrote is kept.
func (s *Store) Batch(ctx context.Context, fn func(*Batch) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return fn(&Batch{s: s, ctx: ctx, tx: tx, stamp: s.stamp()})
	})
}

// CreateClient validates and adds a client.
func (b *Batch) CreateClient(c store.Client) (store.Client, error) {
	if err := c.Validate(b.s.now()); err != nil {
		return store.Client{}, err
	}
	return insertClient(b.ctx, b.tx, c, b.stamp)
}

// SaveSession validates and inserts or replaces a session with its tags.
func (b *Batch) SaveSession(sess store.Session) (store.Session, error) {
	if err := b.s.validateSession(b.ctx, b.tx, &sess); err != nil {
		return store.Session{}, err
	}
	return writeSession(b.ctx, b.tx, sess, b.stamp)
}

// AddTerm adds a vocabulary entry (or brings back a retired one).
func (b *Batch) AddTerm(kind store.Kind, name string) (store.Term, error) {
	return addTerm(b.ctx, b.tx, kind, name)
}

// TermNamed finds an entry by name, ignoring case and accents, seeing what
// this batch has added so far.
func (b *Batch) TermNamed(kind store.Kind, name string) (store.Term, error) {
	return termNamed(b.ctx, b.tx, kind, name)
}

// setTermRetired sets an entry's retired state (imports bring it back as
// it was exported).
func (b *Batch) setTermRetired(id int64, retired bool) error {
	_, err := b.tx.ExecContext(b.ctx, `UPDATE terms SET retired = ? WHERE id = ?`, retired, id)
	return err
}

// ClientCount counts the clients recorded, archived ones included, inside
// the batch's transaction.
func (b *Batch) ClientCount() (int, error) {
	var n int
	err := b.tx.QueryRowContext(b.ctx, `SELECT COUNT(*) FROM clients`).Scan(&n)
	return n, err
}
