package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// partialPrefix starts the name of every file a backup, restore or export
// writes before it is complete. A crash can leave one behind; nothing reads
// them, and the next automatic backup removes the stale ones.
const partialPrefix = ".backtrack-partial-"

// privateDir creates dir (and its parents) as 0700 when missing.
func privateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create folder %s: %w", dir, err)
	}
	return nil
}

// partialFile creates an empty 0600 file in dir to be filled and then
// renamed into place.
func partialFile(dir string) (string, error) {
	f, err := os.CreateTemp(dir, partialPrefix+"*")
	if err != nil {
		return "", fmt.Errorf("create file in %s: %w", dir, err)
	}
	name := f.Name()
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		os.Remove(name)
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
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

// syncDir makes a rename in dir durable: without it a power cut can bring
// back the old name.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !isUnsupportedSync(err) {
		return err
	}
	return nil
}

// isUnsupportedSync reports file systems that cannot sync a directory.
func isUnsupportedSync(err error) bool {
	return strings.Contains(err.Error(), "invalid argument") || strings.Contains(err.Error(), "not supported")
}

// commitFile makes the complete file at partial appear as final: synced,
// 0600, renamed in one step, the folder synced.
func commitFile(partial, final string) error {
	if err := os.Chmod(partial, 0o600); err != nil {
		return err
	}
	if err := syncFile(partial); err != nil {
		return err
	}
	if err := os.Rename(partial, final); err != nil {
		return err
	}
	return syncDir(filepath.Dir(final))
}

// copyInto copies src into the existing file dst.
func copyInto(dst, src string) error {
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

// refuseExisting keeps a backup or export from replacing a file silently.
func refuseExisting(path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists; choose another name: %w", path, os.ErrExist)
	}
	return nil
}
