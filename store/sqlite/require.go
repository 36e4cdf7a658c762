package sqlite

import (
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
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
	if err := RequireFile(path); err != nil {
		return err
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
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

// NotFileError is a database path that names a device, a named pipe, a
// socket: anything but an ordinary file or a folder. It is store.ErrNotFile
// to errors.Is.
type NotFileError struct {
	Path string
	Kind string // "a device", "a named pipe (FIFO)"…
}

func (e *NotFileError) Error() string {
	return e.Path + " is " + e.Kind + ", not a file: " + store.ErrNotFile.Error()
}

// Unwrap makes the error store.ErrNotFile.
func (e *NotFileError) Unwrap() error { return store.ErrNotFile }

// RequireFile refuses, before anything opens, changes or creates it, a
// database path that is a folder, a device, a named pipe or a socket: SQLite
// would write a -journal beside a device and make it 0600, and reading a
// named pipe waits forever. A path where nothing is yet passes (its folder
// is checked when it is created).
func RequireFile(path string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case st.IsDir():
		return &FolderError{Path: path}
	case st.Mode().IsRegular():
		return nil
	}
	kind := "not an ordinary file"
	switch mode := st.Mode(); {
	case mode&fs.ModeDevice != 0:
		kind = "a device"
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	}
	return &NotFileError{Path: path, Kind: kind}
}
