// Package safefile writes the files that hold client data so that nothing
// is half-written or readable by other users: filled under a partial name,
// synced and renamed in one step. On Unix they are 0600 files in 0700
// folders; on Windows file modes mean nothing (Go maps them to the
// read-only flag), so privacy comes from where the files live: the user's
// profile folder, which Windows gives to that user, the administrators and
// SYSTEM alone. Backups, restores, exports and reports all write through it.
package safefile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// PartialPrefix starts the name of every file a backup, restore or export
// writes before it is complete. A crash can leave one behind; nothing reads
// them, and the next automatic backup removes the stale ones.
const PartialPrefix = ".backtrack-partial-"

// PrivateDir creates dir (and its parents) as 0700 when missing.
func PrivateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create folder %s: %w", dir, err)
	}
	return nil
}

// Partial creates an empty 0600 file in dir to be filled and then
// renamed into place. Its name carries this process's ID, so a sweep can
// tell a partial whose writer died from one still being written.
func Partial(dir string) (string, error) {
	f, err := os.CreateTemp(dir, partialPattern())
	if err != nil {
		return "", inFolderError(dir, "create file in", err)
	}
	name := f.Name()
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// PartialDir creates an empty 0700 folder in parent, to be filled and then
// renamed into place as a whole.
func PartialDir(parent string) (string, error) {
	dir, err := os.MkdirTemp(parent, partialPattern())
	if err != nil {
		return "", inFolderError(parent, "create folder in", err)
	}
	if err := MakePrivate(dir); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

// MissingFolderError is a file to be written into a folder that does not
// exist. The sentence names the folder, not the partial file's name, and
// the error is fs.ErrNotExist to errors.Is.
type MissingFolderError struct{ Dir string }

func (e *MissingFolderError) Error() string { return "the folder " + e.Dir + " does not exist" }

// Is makes the error fs.ErrNotExist.
func (e *MissingFolderError) Is(target error) bool { return target == fs.ErrNotExist }

// inFolderError is why creating something in dir failed, naming dir.
func inFolderError(dir, doing string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		if _, statErr := os.Stat(dir); errors.Is(statErr, fs.ErrNotExist) {
			return &MissingFolderError{Dir: dir}
		}
	}
	return fmt.Errorf("%s %s: %w", doing, dir, err)
}

func partialPattern() string { return fmt.Sprintf("%s%d-*", PartialPrefix, os.Getpid()) }

// SweepPartials removes what a backup, restore, export or report cut short
// (a kill, a power cut) left in dir: the partial files and folders of
// processes that are gone. Nothing a live process is still writing is
// touched. A plaintext copy left by a killed encrypted backup lives no
// longer than the next start or command.
func SweepPartials(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), PartialPrefix)
		if !ok {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		switch {
		case err != nil:
			// a name from before partials carried their writer: old ones only
			if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < time.Hour {
				continue
			}
		case pid == os.Getpid() || processAlive(pid):
			continue
		}
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}

// syncFile flushes a file's contents to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// SyncDir makes a rename in dir durable: without it a power cut can bring
// back the old name. (On Windows the rename itself is written through.)
func SyncDir(dir string) error { return syncDir(dir) }

// Commit makes the complete file at partial appear as final: synced,
// 0600, renamed in one step, the folder synced.
func Commit(partial, final string) error {
	if err := MakePrivate(partial); err != nil {
		return err
	}
	if err := syncFile(partial); err != nil {
		return err
	}
	if err := rename(partial, final); err != nil {
		return err
	}
	return SyncDir(filepath.Dir(final))
}

// CopyInto copies src into the existing file dst.
func CopyInto(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// RefuseExisting keeps a backup or export from replacing a file silently.
func RefuseExisting(path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists; choose another name: %w", path, os.ErrExist)
	}
	return nil
}

// WriteFileAtomic writes a file all or nothing: write fills a private
// (0600) partial file in the same folder, which is synced and renamed over
// path only when complete. A failure or a crash never leaves a truncated
// file under path, nor replaces a good one. Exports and reports use it.
func WriteAtomic(path string, write func(io.Writer) error) error {
	partial, err := Partial(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer os.Remove(partial)
	f, err := os.OpenFile(partial, os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	buf := bufio.NewWriter(f)
	if err := write(buf); err != nil {
		f.Close()
		return err
	}
	if err := buf.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return Commit(partial, path)
}

// EnsurePrivateFile creates the folder (0700) and the file (0600) if they do
// not exist yet, so SQLite never creates them with looser modes. SQLite gives
// the -wal and -shm files the database file's mode.
func EnsurePrivateFile(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create folder: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("create file: %w", err)
	}
	f.Close()
	// A database copied in with looser permissions is made private again.
	if err := MakePrivate(path); err != nil {
		return fmt.Errorf("make file private: %w", err)
	}
	return nil
}
