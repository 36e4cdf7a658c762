package safefile

import (
	"os"

	"golang.org/x/sys/windows"
)

// MakePrivate does nothing on Windows: Go's file modes there only set the
// read-only flag, and Windows has no mode bits to check. Files are private
// by where they live: under the user's profile (%AppData%, Documents),
// which its access list gives to that user, the administrators and SYSTEM.
func MakePrivate(path string) error {
	_, err := os.Stat(path)
	return err
}

// syncDir does nothing on Windows: a folder cannot be flushed (the handle
// refuses with "Access is denied"), and rename writes itself through.
func syncDir(dir string) error { return nil }

// rename replaces newpath with oldpath and returns only when the move is on
// the disk (MOVEFILE_WRITE_THROUGH), the durability a folder sync gives on
// Unix.
func rename(oldpath, newpath string) error {
	from, err := windows.UTF16PtrFromString(oldpath)
	if err != nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
	}
	to, err := windows.UTF16PtrFromString(newpath)
	if err != nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
	}
	if err := windows.MoveFileEx(from, to, windows.MOVEFILE_REPLACE_EXISTING|windows.MOVEFILE_WRITE_THROUGH); err != nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
	}
	return nil
}
