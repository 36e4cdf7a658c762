package sqlstore

import (
	"time"

	"backtrack/store"
	"backtrack/store/recordjson"
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// Batch writes many records in one transaction, for imports and sample
// data: every record lands, or none does.
type Batch struct {
	s     *Store
	ctx   context.Context
	tx    *sql.Tx
	stamp string
	// touched are the clients whose notes the batch changed (touch)
	touched map[int64]bool
}

// Batch runs fn in one write transaction. If fn returns an error, nothing
// fn wrote is kept.
func (s *Store) Batch(ctx context.Context, fn func(*Batch) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		b := &Batch{s: s, ctx: ctx, tx: tx, stamp: s.stamp()}
		if err := fn(b); err != nil {
			return err
		}
		return b.refreshTouched()
	})
}

// CreateClient validates and adds a client.
func (b *Batch) CreateClient(c store.Client) (store.Client, error) {
	if err := c.Validate(b.s.now()); err != nil {
		return store.Client{}, err
	}
	return b.s.insertClient(b.ctx, b.tx, c, b.stamp)
}

// SetHealth gives a client just added their intake, red-flag screens and
// consents, validated against their date of birth and today, as an import
// or the sample practice brings them; screens and consents keep their
// identifiers.
func (b *Batch) SetHealth(clientID int64, h store.Health) error {
	return b.s.changeHealthIn(b.ctx, b.tx, clientID, store.IntakeSaved, func(_ *sql.Tx, c store.Client, cur *store.Health) (string, error) {
		if problems := recordjson.ValidateHealth(&h, c.DateOfBirth, b.s.now()); len(problems) > 0 {
			var p store.Problems
			for _, hp := range problems {
				p.Add(hp.Column, hp.Message)
			}
			return "", p.Err()
		}
		for i := range h.Screens {
			if h.Screens[i].UID == "" {
				h.Screens[i].UID = store.NewUID()
			}
		}
		for i := range h.Consents {
			if h.Consents[i].UID == "" {
				h.Consents[i].UID = store.NewUID()
			}
		}
		*cur = h
		return fmt.Sprintf("Health record: intake %s, %d red-flag screens, %d consents", intakeWords(h.Intake),
			len(h.Screens), len(h.Consents)), nil
	})
}

func intakeWords(in store.Intake) string {
	if !in.OnFile() {
		return "not on file"
	}
	return "of " + in.Date.Format(store.DateLayout)
}

// SaveSession validates and inserts a session, or replaces a draft, with
// its tags, and records it in the audit log.
func (b *Batch) SaveSession(sess store.Session) (store.Session, error) {
	saved, _, err := b.saveSession(sess)
	return saved, err
}

// saveSession is SaveSession, also returning the client's identifier.
func (b *Batch) saveSession(sess store.Session) (store.Session, string, error) {
	clientUID, err := b.s.validateSession(b.ctx, b.tx, &sess)
	if err != nil {
		return store.Session{}, "", err
	}
	if existing, found, err := b.replayed(sess); err != nil || found {
		if err != nil {
			return store.Session{}, "", err
		}
		saved, edit, again := replay(clientUID, sess, existing)
		if !again {
			return saved, clientUID, nil
		}
		sess = edit
	}
	action := store.SessionCreated
	if sess.ID != 0 {
		action = store.SessionEdited
		// a draft may move to another client: the one it leaves changes too
		var was int64
		if err := b.tx.QueryRowContext(b.ctx, `SELECT client_id FROM sessions WHERE id = ?`, sess.ID).Scan(&was); err == nil {
			b.touch(was)
		}
	} else if sess.Author == "" {
		sess.Author = b.s.actorName() // on a server, the role (Open)
	}
	saved, err := writeSession(b.ctx, b.tx, sess, b.stamp)
	if err != nil {
		return store.Session{}, "", err
	}
	b.touch(saved.ClientID)
	return saved, clientUID, b.s.appendLog(b.ctx, b.tx, store.AuditEntry{Action: action, Record: saved.UID, Client: clientUID,
		Content: store.NoteHash(clientUID, saved)})
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

// FirstClientSessions reads the sessions of the first client recorded,
// oldest first, inside the batch (the sample practice amends one of them).
func (b *Batch) FirstClientSessions() ([]store.Session, error) {
	found, err := readSessions(b.ctx, b.tx, `s.client_id = (SELECT MIN(id) FROM clients)`)
	slices.Reverse(found)
	return found, err
}

// Now is the record's clock, which validation measures dates against (a
// test's store fixes it).
func (b *Batch) Now() time.Time { return b.s.now() }
