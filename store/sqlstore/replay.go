package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"backtrack/store"
)

// A desk that lost the server's answer to a save cannot know whether the
// save landed, so it sends it again, with the same identifier (the UID the
// form gave the new note when it opened). A save of a new session whose
// UID is already recorded for that client is that second attempt: it must
// not add the visit twice.

// replayed finds the client's session with sess's UID, when sess is new
// but its UID already saved. found is false for a new session not yet
// recorded (or one whose UID belongs to another client: the insert then
// refuses it).
func (b *Batch) replayed(sess store.Session) (existing store.Session, found bool, err error) {
	if sess.ID != 0 || sess.UID == "" {
		return store.Session{}, false, nil
	}
	sessions, err := readSessions(b.ctx, b.tx, `s.uid = ? AND s.client_id = ?`, sess.UID, sess.ClientID)
	if err != nil || len(sessions) == 0 {
		return store.Session{}, false, err
	}
	return sessions[0], true, nil
}

// replay resolves a second attempt at saving a new session: saved is the
// session as recorded when nothing is left to write (the same note, or
// one the first attempt signed); otherwise sess comes back as an edit of
// the recorded draft (typed on between the attempts), and again is true.
func replay(clientUID string, sess, existing store.Session) (saved store.Session, edit store.Session, again bool) {
	if existing.Locked() || store.NoteHash(clientUID, existing) == store.NoteHash(clientUID, withIdentity(sess, existing)) {
		return existing, store.Session{}, false
	}
	sess.ID, sess.Version, sess.Author = existing.ID, existing.Version, existing.Author
	return store.Session{}, sess, true
}

// withIdentity is sess with what the store gave existing (its number and
// times), so the two hash alike when their content is the same.
func withIdentity(sess, existing store.Session) store.Session {
	sess.ID, sess.CreatedAt, sess.UpdatedAt, sess.Version = existing.ID, existing.CreatedAt, existing.UpdatedAt, existing.Version
	return sess
}

// A new client's form gives the client its UID when it opens, as the
// session form does, so a second attempt at adding them is found the same
// way.

// createClientOnce adds c, unless its UID is already recorded: that is a
// second attempt, which returns the client as recorded when it says the
// same, and otherwise saves what was typed since as an edit of them.
func (s *Store) createClientOnce(ctx context.Context, c store.Client) (store.Client, error) {
	var existing store.Client
	found := false
	err := s.Batch(ctx, func(b *Batch) error {
		var err error
		if existing, found, err = b.replayedClient(c); err != nil || found {
			return err
		}
		c, err = b.CreateClient(c)
		return err
	})
	if err != nil || !found {
		return c, err
	}
	c.ID, c.Version, c.Archived = existing.ID, existing.Version, existing.Archived
	if store.ClientHash(c) == store.ClientHash(existing) {
		return existing, nil
	}
	return s.UpdateClient(ctx, c)
}

// replayedClient finds the client with c's UID when c is new but its UID
// already recorded.
func (b *Batch) replayedClient(c store.Client) (existing store.Client, found bool, err error) {
	if c.ID != 0 || c.UID == "" {
		return store.Client{}, false, nil
	}
	existing, err = scanClient(b.tx.QueryRowContext(b.ctx, `SELECT `+clientColumns+` FROM clients c WHERE c.uid = ?`, c.UID))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Client{}, false, nil
	}
	return existing, err == nil, err
}
