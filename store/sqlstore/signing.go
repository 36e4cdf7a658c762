package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"backtrack/store"
	"backtrack/store/recordjson"
)

// SignSession signs a draft note as by (the therapist's name and
// credentials, "Anna Keller, LMT"): from then on it is read-only and
// changes only by amendment.
func (s *Store) SignSession(ctx context.Context, id int64, by string) (store.Session, error) {
	var signed store.Session
	err := s.Batch(ctx, func(b *Batch) error {
		var err error
		signed, err = b.SignSession(id, by)
		return err
	})
	if err != nil {
		return store.Session{}, fmt.Errorf("sign note: %w", err)
	}
	return signed, nil
}

// saveSigned saves a new note or a draft and signs it, in one
// transaction: the quick path, "Save and sign" (Save).
func (s *Store) saveSigned(ctx context.Context, sess store.Session, by string) (store.Session, error) {
	err := s.Batch(ctx, func(b *Batch) error {
		var err error
		sess, err = b.SaveSignedSession(sess, by)
		return err
	})
	if err != nil {
		return store.Session{}, fmt.Errorf("save and sign: %w", err)
	}
	return sess, nil
}

// amend changes a signed (or legacy) note: the changed fields are
// written, the note as it was is kept with the reason, who and when, and
// the original stays readable (store.Session.Original; Save).
func (s *Store) amend(ctx context.Context, changed store.Session, reason, by string) (store.Session, error) {
	var amended store.Session
	err := s.Batch(ctx, func(b *Batch) error {
		var err error
		amended, err = b.AmendSession(changed, reason, by)
		return err
	})
	if err != nil {
		return store.Session{}, fmt.Errorf("amend note: %w", err)
	}
	return amended, nil
}

// VoidSession marks a signed note as entered in error: it leaves the chart,
// the trend, the brief and the report's figures, and stays in the record's
// history with the reason.
func (s *Store) VoidSession(ctx context.Context, id int64, reason, by string) (store.Session, error) {
	var voided store.Session
	err := s.Batch(ctx, func(b *Batch) error {
		var err error
		voided, err = b.VoidSession(id, reason, by)
		return err
	})
	if err != nil {
		return store.Session{}, fmt.Errorf("void note: %w", err)
	}
	return voided, nil
}

// SaveSignedSession is Store.Save with Sign, inside the batch.
func (b *Batch) SaveSignedSession(sess store.Session, by string) (store.Session, error) {
	by = strings.TrimSpace(by)
	if err := store.CheckSigner(by); err != nil {
		return store.Session{}, err
	}
	saved, clientUID, err := b.saveSession(sess)
	if err != nil {
		return store.Session{}, err
	}
	if !saved.Draft() {
		return saved, nil // signed by a first attempt whose answer was lost (replay.go)
	}
	return b.sign(saved, clientUID, by)
}

// SignSession is Store.SignSession inside the batch.
func (b *Batch) SignSession(id int64, by string) (store.Session, error) {
	by = strings.TrimSpace(by)
	if err := store.CheckSigner(by); err != nil {
		return store.Session{}, err
	}
	sess, clientUID, err := sessionInTx(b.ctx, b.tx, id)
	if err != nil {
		return store.Session{}, err
	}
	return b.sign(sess, clientUID, by)
}

// sign signs a draft read or just saved in the batch.
func (b *Batch) sign(sess store.Session, clientUID, by string) (store.Session, error) {
	if !sess.Draft() {
		return store.Session{}, fmt.Errorf("session %d: %w", sess.ID, store.ErrLocked)
	}
	sess.SignedAt, sess.SignedBy = b.s.now().Truncate(time.Second), by
	return b.seal(sess, clientUID, store.AuditEntry{Action: store.SessionSigned, Detail: "Signed by " + by},
		`signed_at = ?, signed_by = ?`, recordjson.FormatStamp(sess.SignedAt), by)
}

// AmendSession is Store.Save with Amend, inside the batch.
func (b *Batch) AmendSession(changed store.Session, reason, by string) (store.Session, error) {
	by, reason = strings.TrimSpace(by), strings.TrimSpace(reason)
	if err := store.CheckSigner(by); err != nil {
		return store.Session{}, err
	}
	if err := store.CheckReason("amended", reason); err != nil {
		return store.Session{}, err
	}
	current, clientUID, err := sessionInTx(b.ctx, b.tx, changed.ID)
	if err != nil {
		return store.Session{}, err
	}
	if !current.Locked() || current.Voided() {
		return store.Session{}, fmt.Errorf("session %d: only a signed note that stands is amended; a draft is edited, a voided note stays as it is", changed.ID)
	}
	changed.ClientID = current.ClientID // an amendment never moves a note to another person
	if _, err := b.s.validateSession(b.ctx, b.tx, &changed); err != nil {
		return store.Session{}, err
	}
	fields := store.ChangedFields(current, changed)
	if len(fields) == 0 {
		return store.Session{}, &store.ValidationError{Problems: []store.FieldError{{Field: "note",
			Message: "Nothing in the note was changed, so there is nothing to amend"}}}
	}
	previous, err := keptVersion(current)
	if err != nil {
		return store.Session{}, err
	}
	if _, err := b.tx.ExecContext(b.ctx, `INSERT INTO session_amendments (session_id, amended_at, amended_by, reason, changed, previous)
		VALUES (?, ?, ?, ?, ?, ?)`, current.ID, b.stamp, by, reason, strings.Join(fields, ","), previous); err != nil {
		return store.Session{}, err
	}
	if _, err := writeContent(b.ctx, b.tx, changed, b.stamp); err != nil {
		return store.Session{}, err
	}
	b.touch(current.ClientID)
	amended, _, err := sessionInTx(b.ctx, b.tx, current.ID)
	if err != nil {
		return store.Session{}, err
	}
	return b.seal(amended, clientUID, store.AuditEntry{Action: store.SessionAmended,
		Detail: reason + " (changed: " + strings.Join(fields, ", ") + ")", Actor: b.s.signerAsActor(by)}, "")
}

// VoidSession is Store.VoidSession inside the batch.
func (b *Batch) VoidSession(id int64, reason, by string) (store.Session, error) {
	by, reason = strings.TrimSpace(by), strings.TrimSpace(reason)
	if err := store.CheckSigner(by); err != nil {
		return store.Session{}, err
	}
	if err := store.CheckReason("voided", reason); err != nil {
		return store.Session{}, err
	}
	sess, clientUID, err := sessionInTx(b.ctx, b.tx, id)
	if err != nil {
		return store.Session{}, err
	}
	switch {
	case sess.Voided():
		return store.Session{}, fmt.Errorf("session %d is voided already", id)
	case sess.Draft():
		return store.Session{}, fmt.Errorf("session %d is a draft: discard it instead", id)
	}
	sess.VoidedAt, sess.VoidReason = b.s.now().Truncate(time.Second), reason
	// a server keeps the voider as the login role, the name beside it
	// (migration 014): the note is sealed as it keeps them
	if err := b.tx.QueryRowContext(b.ctx, `UPDATE sessions SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?
		RETURNING voided_by`, recordjson.FormatStamp(sess.VoidedAt), by, reason, id).Scan(&sess.VoidedBy); err != nil {
		return store.Session{}, err
	}
	b.touch(sess.ClientID)
	return b.seal(sess, clientUID, store.AuditEntry{Action: store.SessionVoided, Detail: reason, Actor: b.s.signerAsActor(by)}, "")
}

// signerAsActor is the actor of an amendment or a void signed as by: the
// signer on a file; on a server the login role, which the server names
// whatever a desk sends (the signer's name is kept beside it, in
// amended_by and voided_by).
func (s *Store) signerAsActor(by string) string {
	if s.serverLog {
		return ""
	}
	return by
}

// seal sets the columns in set (", "-separated assignments, or "") with
// args, stores sess's content hash in the same statement and writes entry
// for it: the steps every change to a note's state ends with.
func (b *Batch) seal(sess store.Session, clientUID string, entry store.AuditEntry, set string, args ...any) (store.Session, error) {
	hash := store.NoteHash(clientUID, sess)
	if set != "" {
		set += ", "
	}
	args = append(args, hash, sess.ID)
	if _, err := b.tx.ExecContext(b.ctx, `UPDATE sessions SET `+set+`content_hash = ? WHERE id = ?`, args...); err != nil {
		return store.Session{}, err
	}
	entry.Record, entry.Client, entry.Content = sess.UID, clientUID, hash
	return sess, b.s.appendLog(b.ctx, b.tx, entry)
}

// UnsignedCount counts the drafts waiting for a signature (the desk's
// "N notes to sign"): one indexed count, cheap enough for every client
// opened.
func (s *Store) UnsignedCount(ctx context.Context) (int, error) {
	if s.contactsOnly {
		return 0, nil // the front desk signs nothing and reads no note
	}
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM sessions WHERE signed_at = '' AND legacy = FALSE AND voided_at = ''`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("unsigned notes: %w", err)
	}
	return n, nil
}

// UnsignedNotes lists the drafts, oldest first, for the desk to offer
// signing them.
func (s *Store) UnsignedNotes(ctx context.Context) ([]store.Session, error) {
	var out []store.Session
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readSessions(ctx, tx, `s.signed_at = '' AND s.legacy = FALSE AND s.voided_at = ''`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("unsigned notes: %w", err)
	}
	// readSessions gives newest first; signing goes oldest first
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}
