package sqlstore

import (
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
