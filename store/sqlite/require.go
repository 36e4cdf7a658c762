package sqlite

import (
	"encoding/binary"
	"io"
	"os"
	"syscall"

	"backtrack/store"
)

// NotDatabaseError is a file given as the database that is not one: empty,
// another program's file, or a SQLite file Backtrack never set up. It is
// store.ErrNotBackup to errors.Is, so the desk says it in the same words.
type NotDatabaseError struct {
	Path  string
	Empty bool
}

func (e *NotDatabaseError) Error() string {
	if e.Empty {
		return e.Path + " is empty: not a Backtrack database"
	}
	return e.Path + " is not a Backtrack database"
}

// Is makes the error store.ErrNotBackup.
func (e *NotDatabaseError) Is(target error) bool { return target == store.ErrNotBackup }

// RequireDatabase checks, without opening or changing it, that path is a
// Backtrack database: a command that only reads must refuse an empty or
// foreign file instead of Open quietly turning it into an empty database.
func RequireDatabase(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.IsDir() {
		return &FolderError{Path: path}
	}
	// A write-ahead log with content may hold what the file lacks yet (a
	// first run cut short): SQLite reads the two together on open.
	walHolds := false
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		walHolds = true
	}
	if st.Size() == 0 && !walHolds {
		return &NotDatabaseError{Path: path, Empty: true}
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 100) // the SQLite file header
	if _, err := io.ReadFull(f, head); err != nil {
		if walHolds {
			return nil
		}
		return &NotDatabaseError{Path: path}
	}
	if string(head[:len(sqliteMagic)]) != string(sqliteMagic) {
		return &NotDatabaseError{Path: path}
	}
	// user_version, at offset 60, is the schema version migrations set;
	// 0 is a SQLite file some other program made.
	if binary.BigEndian.Uint32(head[60:64]) == 0 && !walHolds {
		return &NotDatabaseError{Path: path}
	}
	return nil
}

// FolderError is a folder given where the database file goes. It is
// syscall.EISDIR to errors.Is, so the desk's words for the disk apply.
type FolderError struct{ Path string }

func (e *FolderError) Error() string { return e.Path + " is a folder, not a database file" }

// Is makes the error syscall.EISDIR.
func (e *FolderError) Is(target error) bool { return target == syscall.EISDIR }
