package sqlite

import (
	"backtrack/store"
	"backtrack/store/safefile"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// KeepBackups is how many backups the backups folder keeps: two weeks of
// daily starts.
const KeepBackups = 14

// backupStampLayout names a backup by when it was taken, so names sort by age.
const backupStampLayout = "2006-01-02-150405"

// Backup file extensions: a plain SQLite copy, or one encrypted with age.
const (
	plainBackupExt     = ".db"
	encryptedBackupExt = ".db.age"
)

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Path      string
	Taken     time.Time
	Encrypted bool
	Size      int64
}

// BackupDir is the folder beside the database that automatic backups go to.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// backupPrefix starts every backup name of this database: its whole file
// name, extension and all ("backtrack.db-"), so the backups of a.db and
// a.sqlite in one folder never share a prefix and the rotation of one
// never counts, or deletes, the other's.
func backupPrefix(dbPath string) string { return filepath.Base(dbPath) + "-" }

// legacyBackupPrefix is the prefix backups had when it dropped the
// database's extension ("backtrack-"). Backups of that name are this
// database's only while no other file in its folder has the same name but
// for the extension: then they could be either's, and are left alone.
func legacyBackupPrefix(dbPath string) (string, bool) {
	base := filepath.Base(dbPath)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	entries, err := os.ReadDir(filepath.Dir(dbPath))
	if err != nil {
		return "", false
	}
	for _, e := range entries {
		name := e.Name()
		if name == base || strings.HasPrefix(name, base+"-") {
			continue // this database, its -wal and -shm
		}
		if strings.TrimSuffix(name, filepath.Ext(name)) == stem {
			return "", false
		}
	}
	return stem + "-", true
}

// BackupName is the file name a backup taken at t gets in BackupDir.
func BackupName(dbPath string, t time.Time, encrypted bool) string {
	ext := plainBackupExt
	if encrypted {
		ext = encryptedBackupExt
	}
	return backupPrefix(dbPath) + t.Format(backupStampLayout) + ext
}

// ListBackups returns the backups of the database at dbPath in its backups
// folder, newest first. A missing folder is no backup, not an error.
func ListBackups(dbPath string) ([]BackupFile, error) {
	entries, err := os.ReadDir(BackupDir(dbPath))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	prefixes := []string{backupPrefix(dbPath)}
	if legacy, ok := legacyBackupPrefix(dbPath); ok {
		prefixes = append(prefixes, legacy)
	}
	var out []BackupFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			continue
		}
		stamp, encrypted := "", false
		for _, prefix := range prefixes {
			if rest, ok := strings.CutPrefix(name, prefix); ok {
				stamp = rest
				break
			}
		}
		switch {
		case strings.HasSuffix(stamp, encryptedBackupExt):
			stamp, encrypted = strings.TrimSuffix(stamp, encryptedBackupExt), true
		case strings.HasSuffix(stamp, plainBackupExt):
			stamp = strings.TrimSuffix(stamp, plainBackupExt)
		default:
			continue
		}
		taken, err := time.ParseInLocation(backupStampLayout, stamp, time.Local)
		if err != nil {
			continue // not one of ours
		}
		st, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		out = append(out, BackupFile{Path: filepath.Join(BackupDir(dbPath), name),
			Taken: taken, Encrypted: encrypted, Size: st.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Taken.After(out[j].Taken) })
	return out, nil
}

// AutoBackup backs the database up into BackupDir unless a backup was
// already taken on now's day, then keeps only the newest KeepBackups. It
// reports whether it made one. Desks call it once at start.
func (db *DB) AutoBackup(ctx context.Context, now time.Time) (made bool, err error) {
	dir := BackupDir(db.path)
	if err := safefile.PrivateDir(dir); err != nil {
		return false, fmt.Errorf("automatic backup: %w", err)
	}
	// The folder is Backtrack's own: keep it private even if someone
	// loosened it.
	if err := safefile.MakePrivate(dir); err != nil {
		return false, fmt.Errorf("automatic backup: %w", err)
	}
	safefile.SweepPartials(dir)
	safefile.SweepPartials(filepath.Dir(db.path))
	existing, err := ListBackups(db.path)
	if err != nil {
		return false, fmt.Errorf("automatic backup: %w", err)
	}
	if len(existing) > 0 && store.SameDay(existing[0].Taken, now) {
		return false, nil
	}
	if _, err := db.Backup(ctx, filepath.Join(dir, BackupName(db.path, now, false))); err != nil {
		return false, fmt.Errorf("automatic backup: %w", err)
	}
	if err := PruneBackups(db.path, KeepBackups); err != nil {
		return true, fmt.Errorf("automatic backup: %w", err)
	}
	return true, nil
}

// PruneBackups removes all but the newest keep backups of the database.
func PruneBackups(dbPath string, keep int) error {
	all, err := ListBackups(dbPath)
	if err != nil {
		return err
	}
	for i := keep; i < len(all); i++ {
		if err := os.Remove(all[i].Path); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("remove old backup: %w", err)
		}
	}
	return nil
}
