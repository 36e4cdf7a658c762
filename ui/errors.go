package ui

import (
	"context"
	"errors"

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
