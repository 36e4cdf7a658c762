package sqlite

import (
	"backtrack/store"
	"backtrack/store/safefile"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	sqlitedriver "modernc.org/sqlite"
)

// RestoreResult says what a restore brought back and where the database it
// replaced was kept.
type RestoreResult struct {
	Restored BackupInfo
	// Previous is the copy of the replaced database, beside it; empty when
	// there was no database yet.
	Previous string
}

// Restore replaces the records in the database at dbPath with the backup at
// from. The backup is read through SQLite (or decrypted) into a copy beside
// the database and checked before anything is replaced. Then, holding the
// database for itself, Restore keeps the current records as a copy beside
// it and copies the backup's pages in with SQLite's online backup API, one
// write transaction: every write another process made is either in the
// kept copy (it came before) or in the restored database (it waited and
// came after), or it failed with "busy"; none is acknowledged and lost. A
// crash leaves the old records or the restored ones. Close this process's
// Store first; another process that has the database open makes Restore
// fail with ErrDatabaseInUse.
//
// Each of verify runs on the checked copy before anything is replaced
// (sqlstore.Restore passes the record's own verification: its history and
// seals); an error from one refuses the backup and changes nothing.
func Restore(ctx context.Context, dbPath, from, passphrase string, now time.Time, verify ...func(ctx context.Context, copyPath string) error) (RestoreResult, error) {
	res, err := restore(ctx, dbPath, from, passphrase, now, verify)
	var folder *FolderError
	if errors.As(err, &folder) {
		return RestoreResult{}, err // the sentence says it all
	}
	if err != nil {
		return RestoreResult{}, fmt.Errorf("restore: %w", err)
	}
	return res, nil
}

func restore(ctx context.Context, dbPath, from, passphrase string, now time.Time, verify []func(context.Context, string) error) (RestoreResult, error) {
	if same, _ := sameFile(dbPath, from); same {
		return RestoreResult{}, errors.New("the backup is the database itself")
	}
	encrypted, err := isEncrypted(from)
	if err != nil {
		return RestoreResult{}, fmt.Errorf("read backup: %w", err)
	}
	if encrypted && passphrase == "" {
		return RestoreResult{}, store.ErrPassphraseRequired
	}
	if st, err := os.Stat(dbPath); err == nil && st.IsDir() {
		return RestoreResult{}, &FolderError{Path: dbPath}
	}
	dir := filepath.Dir(dbPath)
	if err := safefile.PrivateDir(dir); err != nil {
		return RestoreResult{}, err
	}
	candidate, err := safefile.Partial(dir)
	if err != nil {
		return RestoreResult{}, err
	}
	defer os.Remove(candidate)
	if encrypted {
		err = decryptFile(candidate, from, passphrase)
	} else {
		err = readThroughSQLite(ctx, from, candidate)
	}
	if err != nil {
		return RestoreResult{}, err
	}
	// Check the copy that will be installed, not the source.
	info, err := verifyDatabase(ctx, candidate)
	if err != nil {
		return RestoreResult{}, err
	}
	for _, v := range verify {
		if err := v(ctx, candidate); err != nil {
			return RestoreResult{}, err
		}
	}
	src, err := describeFile(from, info, encrypted)
	if err != nil {
		return RestoreResult{}, err
	}
	result := RestoreResult{Restored: src}
	hadRecords := false
	if st, err := os.Stat(dbPath); err == nil && st.Size() > 0 {
		hadRecords = true
	}
	if hadRecords {
		result.Previous = keepName(dbPath, now)
	}
	if err := install(ctx, dbPath, candidate, result.Previous); err != nil {
		return RestoreResult{}, err
	}
	return result, nil
}

// readThroughSQLite copies the database at from into the empty file target
// with VACUUM INTO, so a source that still has a write-ahead log beside it
// comes with every row the log holds.
func readThroughSQLite(ctx context.Context, from, target string) error {
	if err := verifyMagic(from); err != nil {
		return err
	}
	conn, err := sql.Open("sqlite", "file:"+escapePath(from)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return fmt.Errorf("read backup: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", target); err != nil {
		return fmt.Errorf("%w: %v", store.ErrBackupDamaged, err)
	}
	return nil
}

// keepName is where the replaced records are kept: beside the database,
// named by the time, with a number when a restore in the same second
// already took the name.
func keepName(dbPath string, now time.Time) string {
	base := dbPath + ".before-restore-" + now.Format(backupStampLayout)
	name := base
	for n := 2; ; n++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d", base, n)
	}
}

// backupConn is what the driver's connections offer for SQLite's online
// backup API.
type backupConn interface {
	NewBackup(dstURI string) (*sqlitedriver.Backup, error)
	NewRestore(srcURI string) (*sqlitedriver.Backup, error)
}

// install copies the records of candidate into the database at dbPath on
// one connection that holds SQLite's exclusive lock from start to end: first
// the current records into keep (when keep is not ""), then the candidate's
// pages into the database. Other processes wait for the lock (their
// busy_timeout) and then see the restored records.
func install(ctx context.Context, dbPath, candidate, keep string) error {
	if err := safefile.EnsurePrivateFile(dbPath); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+escapePath(dbPath)+"?_pragma=busy_timeout(5000)&_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// In exclusive locking mode the lock a write transaction takes is
	// kept after it ends, until the connection closes.
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		return fmt.Errorf("%w (%v)", store.ErrDatabaseInUse, err)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return err
	}
	var keepPartial string
	if keep != "" {
		if keepPartial, err = safefile.Partial(filepath.Dir(keep)); err != nil {
			return err
		}
		defer os.Remove(keepPartial)
	}
	err = conn.Raw(func(dc any) error {
		bc, ok := dc.(backupConn)
		if !ok {
			return errors.New("this SQLite driver has no online backup")
		}
		if keepPartial != "" {
			if err := copyPages(func() (*sqlitedriver.Backup, error) { return bc.NewBackup("file:" + escapePath(keepPartial)) }); err != nil {
				return fmt.Errorf("keep a copy of the current database: %w", err)
			}
			// The copy takes its name before anything is replaced.
			if err := safefile.Commit(keepPartial, keep); err != nil {
				return fmt.Errorf("keep a copy of the current database: %w", err)
			}
		}
		if err := copyPages(func() (*sqlitedriver.Backup, error) { return bc.NewRestore("file:" + escapePath(candidate)) }); err != nil {
			return fmt.Errorf("replace the database: %w", err)
		}
		return nil
	})
	return err
}

// copyPages runs one online backup to the end in a single step: the
// destination is written in one transaction.
func copyPages(start func() (*sqlitedriver.Backup, error)) error {
	b, err := start()
	if err != nil {
		return err
	}
	_, stepErr := b.Step(-1)
	if err := b.Finish(); stepErr == nil {
		stepErr = err
	}
	return stepErr
}

// sameFile reports whether two paths name one file.
func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}
