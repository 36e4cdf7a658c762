package interchange

import (
	"errors"
	"strings"
	"time"

	"backtrack/store"
	"backtrack/store/recordjson"
)

// errSealBroken is a signed note whose words are not the ones it was
// sealed with: changed after signing, by hand or by a program, outside
// Backtrack.
var errSealBroken = errors.New("this signed note's text does not match its seal: it was changed after it was signed, outside Backtrack")

// errNoSeal is a signed note the file's history holds no seal for, so
// nothing shows that its words are the ones signed.
var errNoSeal = errors.New("this signed note has no seal in the file's history, so nothing shows its text is the one signed")

// errSealEntryChanged is a seal whose own history entry was changed.
var errSealEntryChanged = errors.New("the history entry holding this signed note's seal was changed outside Backtrack")

// A JSON import refuses a file holding a signed (or legacy, locked) note
// that no longer says what it said when it was sealed, rather than bring
// the note in unsigned: a clinical record must never hold words under a
// therapist's signature that the therapist did not sign, and an unsigned
// copy of a forged note would still read as that visit's note, ready to be
// signed again by anyone. Refusing keeps the record as it was and sends the
// user back to a sound copy (the original database or a backup).
//
// A note's seal is the content of the latest entry about it in the file's
// own history, and that entry must be intact. The file is read as it
// streams: a history that comes first (as Backtrack writes it) settles each
// note as it is read; one that comes after the clients leaves the notes'
// hashes waiting until the end of the file.
type sealBook struct {
	seals   map[string]seal // record UID → its latest stated content
	waiting []sealedNote    // signed notes read before their history
}

// seal is what a history entry says of its record's content.
type seal struct {
	content string
	intact  bool
}

// sealedNote is a signed note read from the file, as its hash.
type sealedNote struct {
	row, uid, hash string
}

// entry notes one entry of the file's history.
func (b *sealBook) entry(e ExportAuditEntry) {
	if e.Record == "" || e.Content == "" {
		return
	}
	if b.seals == nil {
		b.seals = map[string]seal{}
	}
	b.seals[e.Record] = seal{content: e.Content, intact: auditEntryOf(e).Seal() == e.Hash}
}

// note checks a signed note against the history read so far, or keeps it
// for the end of the file when its seal has not come yet.
func (b *sealBook) note(row, clientUID string, es recordjson.Session) error {
	n := sealedNote{row: row, uid: es.ID, hash: store.NoteHash(clientUID, sealed(es))}
	if _, known := b.seals[es.ID]; known {
		return b.verify(n)
	}
	b.waiting = append(b.waiting, n)
	return nil
}

// verify is a note's verdict against the history of the whole file.
func (b *sealBook) verify(n sealedNote) error {
	s, known := b.seals[n.uid]
	switch {
	case !known:
		return errNoSeal
	case !s.intact:
		return errSealEntryChanged
	case n.hash != s.content:
		return errSealBroken
	}
	return nil
}

// finish checks the notes that came before their history, once the whole
// file has been read, and reports each that fails by its row.
func (b *sealBook) finish(report func(row, column, msg string)) {
	for _, n := range b.waiting {
		if err := b.verify(n); err != nil {
			report(n.row, "signed_at", sentence(err))
		}
	}
	b.waiting = nil
}

// sealed is the note an export holds, with its signature, void and
// amendments: everything store.NoteHash covers.
func sealed(e recordjson.Session) store.Session {
	sess := e.Content()
	sess.SignedAt, sess.SignedBy, sess.Legacy = parseStamp(e.SignedAt), e.SignedBy, e.Legacy
	sess.VoidedAt, sess.VoidedBy, sess.VoidReason = parseStamp(e.VoidedAt), e.VoidedBy, e.VoidReason
	for _, a := range e.Amendments {
		sess.Amendments = append(sess.Amendments, store.Amendment{At: parseStamp(a.At), By: a.By, Reason: a.Reason,
			Changed: a.Changed, Previous: a.Previous.Content()})
	}
	return sess
}

// auditEntryOf is an exported history entry as the log holds it.
func auditEntryOf(e ExportAuditEntry) store.AuditEntry {
	return store.AuditEntry{Seq: e.Seq, At: parseStamp(e.At), Actor: e.Actor, Action: store.Action(e.Action),
		Record: e.Record, Client: e.Client, Detail: e.Detail, Content: e.Content, Origin: e.Origin, Prev: e.Prev, Hash: e.Hash}
}

// parseStamp reads a time as the record writes it; zero for none.
func parseStamp(s string) time.Time {
	t, _ := time.ParseInLocation(store.StampLayout, s, time.Local)
	return t
}

// sentence is an error's words as a sentence of their own.
func sentence(err error) string {
	msg := err.Error()
	return strings.ToUpper(msg[:1]) + msg[1:]
}
