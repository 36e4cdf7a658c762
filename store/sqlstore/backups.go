package sqlstore

import (
	"context"
	"time"

	"backtrack/store/sqlite"
)

// A practice's records in a file are backed up beside it; these name what
// the desk and the command line ask of those backups, so that they reach
// the file engine through the record's own API and a second engine needs
// no change in ui/. On a server, the server's own backups keep the records
// (Store.OnServer).

// BackupInfo is what a verified backup holds: clients, sessions, the
// audit log's head (sqlite.BackupInfo).
type BackupInfo = sqlite.BackupInfo

// BackupFile is one backup in the backups folder.
type BackupFile = sqlite.BackupFile

// RestoreResult says what a restore replaced and where the records before
// it were kept.
type RestoreResult = sqlite.RestoreResult

// KeepBackups is how many backups the backups folder keeps.
const KeepBackups = sqlite.KeepBackups

// BackupDir is the folder beside the database that automatic backups go to.
func BackupDir(dbPath string) string { return sqlite.BackupDir(dbPath) }

// BackupName is the file name a backup taken at t gets in BackupDir.
func BackupName(dbPath string, t time.Time, encrypted bool) string {
	return sqlite.BackupName(dbPath, t, encrypted)
}

// ListBackups returns the backups of the database at dbPath, newest first.
func ListBackups(dbPath string) ([]BackupFile, error) { return sqlite.ListBackups(dbPath) }

// PruneBackups removes all but the keep newest backups of the database.
func PruneBackups(dbPath string, keep int) error { return sqlite.PruneBackups(dbPath, keep) }

// IsEncryptedBackup reports whether the backup at path needs a passphrase.
func IsEncryptedBackup(path string) (bool, error) { return sqlite.IsEncryptedBackup(path) }

// InspectBackup opens a backup read-only and says what it holds, checking
// its pages and its audit chain.
func InspectBackup(ctx context.Context, path, passphrase string) (BackupInfo, error) {
	return sqlite.InspectBackup(ctx, path, passphrase)
}

// CheckFile runs the file engine's integrity and foreign-key checks on the
// database at path without changing it, and returns each problem found.
func CheckFile(ctx context.Context, path string) ([]string, error) { return sqlite.Check(ctx, path) }

// RequireDatabase checks, without opening or changing it, that path is a
// Backtrack database (sqlite.RequireDatabase).
func RequireDatabase(path string) error { return sqlite.RequireDatabase(path) }

// NotDatabaseError is a file given as the database that is not one.
type NotDatabaseError = sqlite.NotDatabaseError

// FolderError is a folder given where the database file goes.
type FolderError = sqlite.FolderError

// ErrOlderSchema refuses a read-only look at a database whose schema an
// older Backtrack wrote: it must be opened once to be brought up to date.
var ErrOlderSchema = sqlite.ErrOlderSchema
