package store

import (
	"errors"
	"strings"
	"time"
)

// ErrNotFound means the client, session or term asked for does not exist.
var ErrNotFound = errors.New("not found")

// ErrNewerSchema means the database was written by a newer Backtrack. The
// file is left untouched.
var ErrNewerSchema = errors.New("this database was written by a newer version of Backtrack; update Backtrack to open it")

// ErrLocked means a signed note (or one written before signing existed)
// was to be changed in place: it changes by amendment only.
var ErrLocked = errors.New("this note is signed: change it by amendment, with a reason")

// Errors the disk or the file system gives, named so a therapist can act:
// free some space, or choose a folder Backtrack may write.
var (
	ErrDiskFull = errors.New("the disk is full")
	ErrReadOnly = errors.New("the database or its folder cannot be written")
)

// ErrNotFile is records asked of a device, a named pipe or anything but an
// ordinary file (--db /dev/null): refused before it is touched.
var ErrNotFile = errors.New("the records are kept in an ordinary file; choose one")

// ErrNotesWithheld is a report or a note asked of a login that reads
// clients' names and contact details only (a clinic's front desk).
var ErrNotesWithheld = errors.New("this login sees clients' names and contact details only, so it cannot print reports or notes; a therapist prints them")

// Errors that pass: the save can be sent again as it was, and a desk
// retries it (a new session keeps its UID, so a save that landed but whose
// answer was lost is not recorded twice).
var (
	ErrUnreachable = errors.New("the practice server cannot be reached")
	ErrBusy        = errors.New("another program is writing the records")
)

// Errors a backup or restore reports in words a therapist can act on.
var (
	ErrNotBackup          = errors.New("this file is not a Backtrack database or backup")
	ErrBackupDamaged      = errors.New("this backup is damaged")
	ErrPassphraseRequired = errors.New("this backup is encrypted: a passphrase is needed")
	ErrWrongPassphrase    = errors.New("the passphrase does not open this backup")
	ErrDatabaseInUse      = errors.New("the database is in use by another Backtrack; close it first")
)

// FieldError is one problem the user can fix, tied to the field it concerns.
// Field is a stable key such as "first_name" or "pain_before"; Message is a
// sentence for people that names the field.
type FieldError struct {
	Field   string
	Message string
}

func (e FieldError) Error() string { return e.Message }

// ValidationError lists every problem found in one record, so a form can show
// them all at once beside their fields.
type ValidationError struct {
	Problems []FieldError
}

func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Message
	}
	return strings.Join(msgs, "; ")
}

// For returns the message for one field, or "" when the field is fine.
func (e *ValidationError) For(field string) string {
	for _, p := range e.Problems {
		if p.Field == field {
			return p.Message
		}
	}
	return ""
}

// Problems collects field errors while a record is checked, in the domain
// and, for what needs the database (the vocabulary), in the store.
type Problems []FieldError

// Add records one problem with field.
func (p *Problems) Add(field, message string) {
	*p = append(*p, FieldError{Field: field, Message: message})
}

// Err is a *ValidationError listing every problem, or nil when there is none.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return &ValidationError{Problems: p}
}

// For returns the first message for one field, or "" when it has none.
func (p Problems) For(field string) string {
	for _, fe := range p {
		if fe.Field == field {
			return fe.Message
		}
	}
	return ""
}

// ErrStale means a save was made from an older version of the record than
// the one stored: someone changed it in the meantime (StaleError).
var ErrStale = errors.New("changed in the meantime")

// StaleError is a save refused because another desk changed the record
// since it was loaded: who and when, from the record's history.
type StaleError struct {
	By string
	At time.Time
}

func (e *StaleError) Error() string {
	if e.By == "" {
		return "changed on another desk — reload and reapply"
	}
	return "changed by " + e.By + " at " + e.At.Format("15:04") + " — reload and reapply"
}

// Is makes the error ErrStale.
func (e *StaleError) Is(target error) bool { return target == ErrStale }
