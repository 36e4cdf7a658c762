package sqlite

import (
	"backtrack/store"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	sqlitedriver "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Classify wraps an error from SQLite with the domain's name for it where
// there is one (the disk is full, the file or folder cannot be written), so
// the words a therapist reads say what is wrong, not "disk I/O error".
func Classify(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, store.ErrDiskFull), errors.Is(err, store.ErrReadOnly):
		return err
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("%w: %w", store.ErrDiskFull, err)
	case errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%w: %w", store.ErrReadOnly, err)
	}
	var e *sqlitedriver.Error
	if !errors.As(err, &e) {
		return err
	}
	switch e.Code() & 0xff {
	case sqlite3.SQLITE_FULL:
		return fmt.Errorf("%w: %w", store.ErrDiskFull, err)
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
		return fmt.Errorf("%w: %w", store.ErrReadOnly, err)
	case sqlite3.SQLITE_IOERR:
		if isDiskFull(err) {
			return fmt.Errorf("%w: %w", store.ErrDiskFull, err)
		}
	}
	return err
}

// isDiskFull recognises a write that failed for want of space, which SQLite
// can report as a plain I/O error.
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || strings.Contains(err.Error(), "no space left")
}

// IsBusy reports whether err is SQLite saying another connection holds the
// lock (SQLITE_BUSY or SQLITE_LOCKED) for longer than busy_timeout waited.
func IsBusy(err error) bool {
	var e *sqlitedriver.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return true
	}
	return false
}
