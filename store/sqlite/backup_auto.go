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

// backupPrefix starts every backup name of this database, so two databases
// in one folder keep apart: "backtrack-".
func backupPrefix(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
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
	prefix := backupPrefix(dbPath)
	var out []BackupFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) {
			continue
		}
		stamp, encrypted := strings.TrimPrefix(name, prefix), false
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
