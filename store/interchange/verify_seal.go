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

// noteSeals are a signed note's verdicts, reported under signed_at.
var noteSeals = sealWords{column: "signed_at", broken: errSealBroken, none: errNoSeal, entryChanged: errSealEntryChanged}

// submissionSeals are a client's forms' verdicts: what the client answered
// and signed is vouched for by the hash of the forms' latest history entry
// (store.Submission.RecordHash), which the seal field beside them cannot
// stand in for, since whoever edits one can recompute the other.
var submissionSeals = sealWords{column: "signature",
	broken:       errors.New("the client's answers or signature do not match the seal the file's history holds for them: they were changed after they were given, outside Backtrack"),
	none:         errors.New("these client's forms have no entry in the file's history, so nothing shows they are what the client gave"),
	entryChanged: errors.New("the history entry holding the seal of these client's forms was changed outside Backtrack")}

// sealWords say what is wrong with one kind of sealed record, and under
// which column.
type sealWords struct {
	column                     string
	broken, none, entryChanged error
}

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

// sealedNote is a sealed record (a signed note, a client's forms) read
// from the file, as its hash.
type sealedNote struct {
	row, uid, hash string
	words          sealWords
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
	return b.record(sealedNote{row: row, uid: es.ID, hash: store.NoteHash(clientUID, sealed(es)), words: noteSeals})
}

// submission checks a client's forms, with their reviews, against the
// history read so far, or keeps them for the end of the file.
func (b *sealBook) submission(row, clientUID string, sub store.Submission) error {
	return b.record(sealedNote{row: row, uid: sub.UID, hash: sub.RecordHash(clientUID), words: submissionSeals})
}

// record is a sealed record's verdict now, or nil and kept for the end of
// the file when its history has not come yet.
func (b *sealBook) record(n sealedNote) error {
	if _, known := b.seals[n.uid]; known {
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
		return n.words.none
	case !s.intact:
		return n.words.entryChanged
	case n.hash != s.content:
		return n.words.broken
	}
	return nil
}

// finish checks the records that came before their history, once the
// whole file has been read, and reports each that fails by its row.
func (b *sealBook) finish(report func(row, column, msg string)) {
	for _, n := range b.waiting {
		if err := b.verify(n); err != nil {
			report(n.row, n.words.column, sentence(err))
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
