package sqlstore

import (
	"errors"
	"fmt"
	"strings"

	"backtrack/store"
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

// VerifyExportSeals checks, before anything is written, that every signed
// (or legacy, locked) note in an export still says what it said when it
// was sealed: its hash, computed from the file's words exactly as the
// record computes it, must be the content of the note's latest entry in the
// file's own history, and that entry must be intact. It returns one problem
// per note that fails, naming its row; none means every seal holds. Drafts
// carry no seal and are not checked.
//
// The import refuses such a file rather than bring the note in unsigned: a
// clinical record must never hold words under a therapist's signature
// that the therapist did not sign, and an unsigned copy of a forged note
// would still read as the therapist's note of that visit, ready to be
// signed again by anyone. Refusing keeps the record as it was and sends the
// user back to a sound copy (the original database or a backup).
func VerifyExportSeals(e Export) []ImportProblem {
	seals := exportSeals(e.AuditLog)
	var problems []ImportProblem
	for i, c := range e.Clients {
		for j, es := range c.Sessions {
			if es.SignedAt == "" && !es.Legacy {
				continue
			}
			if err := VerifySeal(c.ID, es, seals[es.ID]); err != nil {
				problems = append(problems, ImportProblem{Record: fmt.Sprintf("client %d, session %d", i+1, j+1),
					Column: "signed_at", Message: sentence(err)})
			}
		}
	}
	return problems
}

// VerifySeal checks one signed note of an export (its client's id and the
// note as the file holds it) against seal, the latest entry of the file's
// history about it (see exportSeals; a zero entry when there is none).
func VerifySeal(clientUID string, note ExportSession, seal ExportAuditEntry) error {
	switch {
	case seal.Content == "":
		return errNoSeal
	case auditEntryOf(seal).Seal() != seal.Hash:
		return errSealEntryChanged
	case store.NoteHash(clientUID, note.sealed()) != seal.Content:
		return errSealBroken
	}
	return nil
}

// exportSeals finds, for each record, the latest entry of an export's
// history that states its content: what the record said when last written.
func exportSeals(log []ExportAuditEntry) map[string]ExportAuditEntry {
	out := map[string]ExportAuditEntry{}
	for _, e := range log {
		if e.Record != "" && e.Content != "" {
			out[e.Record] = e
		}
	}
	return out
}

// sealed is the note an export holds, with its signature, void and
// amendments: everything store.NoteHash covers.
func (e ExportSession) sealed() store.Session {
	sess := e.content()
	sess.SignedAt, sess.SignedBy, sess.Legacy = parseStamp(e.SignedAt), e.SignedBy, e.Legacy
	sess.VoidedAt, sess.VoidedBy, sess.VoidReason = parseStamp(e.VoidedAt), e.VoidedBy, e.VoidReason
	for _, a := range e.Amendments {
		sess.Amendments = append(sess.Amendments, store.Amendment{At: parseStamp(a.At), By: a.By, Reason: a.Reason,
			Changed: a.Changed, Previous: a.Previous.content()})
	}
	return sess
}

// auditEntryOf is an exported history entry as the log holds it.
func auditEntryOf(e ExportAuditEntry) store.AuditEntry {
	return store.AuditEntry{Seq: e.Seq, At: parseStamp(e.At), Actor: e.Actor, Action: store.Action(e.Action),
		Record: e.Record, Client: e.Client, Detail: e.Detail, Content: e.Content, Origin: e.Origin, Prev: e.Prev, Hash: e.Hash}
}

// sentence is an error's words as a sentence of their own.
func sentence(err error) string {
	msg := err.Error()
	return strings.ToUpper(msg[:1]) + msg[1:]
}
