package ui

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// samplePrefix names the sample practice's temporary folders.
const samplePrefix = "backtrack-sample-"

// staleSampleAge is how long a sample folder must have gone untouched
// before it counts as left behind by an app that was killed. A sample
// lasts one sitting at the desk, so a day untouched is far beyond any
// folder another open window may still be using.
const staleSampleAge = 24 * time.Hour

// sampleFiles are the only names a sample folder holds: the database and
// SQLite's companions.
var sampleFiles = map[string]bool{
	"sample.db": true, "sample.db-wal": true, "sample.db-shm": true, "sample.db-journal": true,
}

// removeStaleSamples deletes sample folders under dir that an app killed
// while showing sample data left behind, and returns how many it removed.
// It is careful because it deletes in a shared folder: only real
// directories (not links) named with the sample prefix, owned by this
// user, private (0700), holding nothing but the sample database's files,
// none of them touched for staleSampleAge. Anything else is left alone,
// and a folder that cannot be read is skipped, never forced.
func removeStaleSamples(dir string, now time.Time) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	removed := 0
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), samplePrefix) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if isStaleSample(path, now) && os.RemoveAll(path) == nil {
			removed++
		}
	}
	return removed
}

func isStaleSample(path string, now time.Time) bool {
	info, err := os.Lstat(path)
	if err != nil || !info.IsDir() || !ownedByMe(info) || !privateFolder(info) {
		return false
	}
	if now.Sub(info.ModTime()) < staleSampleAge {
		return false
	}
	files, err := os.ReadDir(path)
	if err != nil {
		return false
	}
	for _, f := range files {
		if !sampleFiles[f.Name()] || !f.Type().IsRegular() {
			return false
		}
		fi, err := f.Info()
		if err != nil || now.Sub(fi.ModTime()) < staleSampleAge {
			return false
		}
	}
	return true
}

// ownedByMe reports whether this process's user owns the file.
func ownedByMe(info fs.FileInfo) bool { return fileOwner(info) == os.Getuid() }
