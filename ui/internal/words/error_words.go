package words

import (
	"context"
	"errors"
	"io/fs"
	"log"
	"os"
	"strings"
	"syscall"

	"backtrack/report"
	"backtrack/store"
)

// Every sentence a therapist can read about an error is in this file, so
// an error has one sentence wherever it shows. A context has a function of
// its own only where it changes the sentence: after the disk's words each
// says what to do next there, a dialog's Cancel is "Stopped." where the
// desk was interrupted, and each says in its own words that something
// unforeseen failed. Go's own text ("open /x: is a directory") and raw
// SQLite codes never reach the therapist. Only the innermost error (the
// driver's, such as "database is locked") goes to the log: the wrapping
// context may quote a client's name, and client data stays out of logs.

// Log takes the innermost error of one that had no sentence of its own.
// The desk logs as Fyne does (ui sets it to fyne.LogError); the command line
// keeps the standard logger, on stderr.
var Log = func(what string, err error) { log.Printf("%s: %v", what, err) }

// namedErrorWords are the sentences for the errors the store names.
var namedErrorWords = []struct {
	err  error
	text string
}{
	{store.ErrNotFound, "That record no longer exists; it may have been deleted in the meantime."},
	{store.ErrLocked, "This note has been signed, perhaps at another desk, so it is no longer changed by editing: open it and choose Amend…, with a reason."},
	{store.ErrStale, "Changed on another desk in the meantime — reload and reapply."},
	{store.ErrNewerSchema, "This file was written by a newer Backtrack. Update Backtrack to use it."},
	{store.ErrPassphraseRequired, "This backup is encrypted: type its passphrase."},
	{store.ErrWrongPassphrase, "That passphrase does not open this backup. Check it and try again."},
	{store.ErrNotBackup, "This file is not a Backtrack backup. Choose a file from the backups folder or one you saved."},
	{store.ErrBackupDamaged, "This backup is damaged and cannot be used. Choose another one."},
	{store.ErrServerBackups, "These records are on the practice server, which is backed up on the server itself (pg_dump on a schedule, or a replica), not from this desk. Ask whoever runs the server."},
	{store.ErrDatabaseInUse, "The records are open in another Backtrack window or program. Close it, then try again."},
	{store.ErrUnreachable, "The practice server can't be reached. Check the network (or ask whoever runs the server), then try again."},
	{store.ErrBusy, "Another program is writing the records. Wait for it to finish, then try again."},
	{store.ErrNotesWithheld, "This login sees clients' names and contact details only, so it cannot print reports or notes. A therapist prints them."},
	{store.ErrNotFile, "That is not an ordinary file (a device or a pipe, say): the records are kept in a file. Choose another."},
}

// namedErrorText is the sentence for an error the store names, if err is one.
func namedErrorText(err error) (string, bool) {
	for _, w := range namedErrorWords {
		if errors.Is(err, w.err) {
			return w.text, true
		}
	}
	return "", false
}

// retryingText is the line on a form whose save waits for the server (or
// a file another program is writing) to come back: what was typed (kept:
// "your note") stays.
func RetryingText(err error, kept string) string {
	if errors.Is(err, store.ErrBusy) {
		return "Another program is writing the records — " + kept + " is kept; retrying…"
	}
	return "The practice server can't be reached — " + kept + " is kept; retrying…"
}

// stoppedText answers a dialog's Cancel (or quitting while it works).
const stoppedText = "Stopped."

// errorText is the desk's sentence for a failed load or save. Problems
// with input name their field.
func ErrorText(err error) string {
	var ve *store.ValidationError
	if err == nil {
		return ""
	}
	if errors.As(err, &ve) {
		return ve.Error()
	}
	// another desk saved first: the form keeps what was typed
	var stale *store.StaleError
	if errors.As(err, &stale) {
		text := stale.Error()
		return strings.ToUpper(text[:1]) + text[1:] + "."
	}
	if text, ok := namedErrorText(err); ok {
		return text
	}
	if errors.Is(err, store.ErrDiskFull) || errors.Is(err, store.ErrReadOnly) {
		return fileErrorText(err)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return "The operation was interrupted; please try again."
	}
	Log("database", Innermost(err))
	return "The database could not be read or written. Check that the disk is not full and that no other program holds the file, then try again."
}

// fileTaskErrorText is what went wrong with a backup, restore, export or
// import, in words a therapist can act on.
func FileTaskErrorText(err error) string {
	if err == nil {
		return ""
	}
	if text, ok := namedErrorText(err); ok {
		return text
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return "A file of that name is already there. Choose another name."
	case errors.Is(err, context.Canceled):
		return stoppedText
	}
	if text := fileErrorText(err); text != "" {
		return text + " Choose another place."
	}
	Log("file task", Innermost(err))
	return "That did not work. Check that the disk is not full, then try again."
}

// autoBackupErrorText is why the automatic backup failed. The disk's words
// stand alone: the notice goes on to offer File › Back up now….
func AutoBackupErrorText(err error) string {
	if text := fileErrorText(err); text != "" {
		return text
	}
	return FileTaskErrorText(err)
}

// reportErrorText says why a report was not saved. Drawing the PDF and the
// disk get their own words; anything else is the desk's (errorText).
func ReportErrorText(err error) string {
	switch {
	case errors.Is(err, context.Canceled):
		return stoppedText
	case errors.Is(err, report.ErrRender):
		Log("report", Innermost(err))
		return "The PDF could not be made, so nothing was saved. Try again; if it keeps failing, choose a shorter period."
	}
	if text := fileErrorText(err); text != "" {
		return "The report could not be saved there. " + text + " Choose another folder."
	}
	return ErrorText(err)
}

// openErrorText explains a failed open: what the disk refused, in a
// sentence, or the store's own words without the driver's code at the end
// ("bad.db is not a Backtrack database").
func OpenErrorText(err error) string {
	if errors.Is(err, store.ErrNewerSchema) {
		return ErrorText(err)
	}
	if text := fileErrorText(err); text != "" {
		return text + " Check the database file named below."
	}
	msg := strings.TrimSuffix(err.Error(), ": "+Innermost(err).Error())
	msg = strings.TrimPrefix(msg, "open database: ")
	if msg == err.Error() || msg == "" {
		return ErrorText(err)
	}
	return msg + "." // not capitalised: it may start with a file name
}

// fileErrorText says in a sentence what the disk refused, or "" when err is
// not about files. The callers above add what to do next: choose another
// folder, check the records' path. Only an unusual system error is quoted.
func fileErrorText(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.Is(err, syscall.EISDIR):
		return "That is a folder, where a file was expected."
	case errors.Is(err, syscall.ENOTDIR):
		return "A file stands where a folder was expected."
	case errors.Is(err, fs.ErrPermission):
		return "Backtrack is not allowed to read or write there."
	case errors.Is(err, syscall.EROFS):
		return "That disk can only be read, not written to."
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, store.ErrDiskFull):
		return DiskFull
	case errors.Is(err, store.ErrReadOnly):
		return "The records' file or its folder cannot be written (a read-only disk, or no permission)."
	case errors.Is(err, fs.ErrNotExist):
		return "That file or folder does not exist (is the disk or USB stick connected?)."
	case errors.As(err, &pe):
		Log("file", Innermost(err))
		return "The disk reported a problem (" + pe.Err.Error() + ")."
	case errors.As(err, &le):
		Log("file", Innermost(err))
		return "The disk reported a problem (" + le.Err.Error() + ")."
	}
	return ""
}

// innermost is the error at the bottom of err's chain, the one fit for a log.
func Innermost(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}
