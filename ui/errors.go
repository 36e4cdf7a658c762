package ui

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"syscall"

	"fyne.io/fyne/v2"

	"backtrack/store"
)

// errorText says what went wrong in words a therapist can act on. Problems
// with input name their field; anything else is described without a raw
// SQLite code. Only the innermost error (the driver's, such as
// "database is locked") goes to the log: the wrapping context may quote a
// client's name, and client data stays out of logs.
func errorText(err error) string {
	var ve *store.ValidationError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ve):
		return ve.Error()
	case errors.Is(err, store.ErrNotFound):
		return "That record no longer exists; it may have been deleted in the meantime."
	case errors.Is(err, store.ErrNewerSchema):
		return store.ErrNewerSchema.Error()
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "The operation was interrupted; please try again."
	default:
		fyne.LogError("database", innermost(err))
		return "The database could not be read or written. Check that the disk is not full and that no other program holds the file, then try again."
	}
}

func innermost(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// fileErrorText says in a sentence what the disk refused, or "" when err is
// not about files. Callers add what to do next: choose another folder,
// check the records' path. Go's own text ("open /x: is a directory") never
// reaches the therapist; only an unusual system error is quoted.
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
	case errors.Is(err, syscall.ENOSPC):
		return "The disk is full."
	case errors.Is(err, fs.ErrNotExist):
		return "That file or folder does not exist (is the disk or USB stick connected?)."
	case errors.As(err, &pe):
		fyne.LogError("file", innermost(err))
		return "The disk reported a problem (" + pe.Err.Error() + ")."
	case errors.As(err, &le):
		fyne.LogError("file", innermost(err))
		return "The disk reported a problem (" + le.Err.Error() + ")."
	}
	return ""
}
