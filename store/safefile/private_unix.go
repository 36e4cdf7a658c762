//go:build !windows

package safefile

import (
	"os"
	"strings"
)

// MakePrivate takes every right of the group and others away from path,
// so a file copied in with looser permissions, or a folder someone
// loosened, is for this user alone again (0600 files, 0700 folders).
func MakePrivate(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return os.Chmod(path, perm&^0o077)
	}
	return nil
}

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

func rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }
