package sqlite

import (
	"backtrack/store"
	"backtrack/store/safefile"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// RestoreResult says what a restore brought back and where the database it
// replaced was kept.
type RestoreResult struct {
	Restored BackupInfo
	// Previous is the copy of the replaced database, beside it; empty when
	// there was no database yet.
	Previous string
}

// Restore replaces the database at dbPath with the backup at from. The
// database must not be open (close the Store first). The backup is copied
// (or decrypted) beside the database and checked before anything is
// replaced; the current database is kept as a copy beside it; the swap is
// one rename, so a crash leaves either the old database or the restored one.
func Restore(ctx context.Context, dbPath, from, passphrase string, now time.Time) (RestoreResult, error) {
	res, err := restore(ctx, dbPath, from, passphrase, now)
	if err != nil {
		return RestoreResult{}, fmt.Errorf("restore: %w", err)
	}
	return res, nil
}

func restore(ctx context.Context, dbPath, from, passphrase string, now time.Time) (RestoreResult, error) {
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
		err = safefile.CopyInto(candidate, from)
	}
	if err != nil {
		return RestoreResult{}, err
	}
	// Check the copy that will be installed, not the source.
	info, err := verifyDatabase(ctx, candidate)
	if err != nil {
		return RestoreResult{}, err
	}
	src, err := describeFile(from, info, encrypted)
	if err != nil {
		return RestoreResult{}, err
	}
	result := RestoreResult{Restored: src}

	if st, err := os.Stat(dbPath); err == nil && st.Size() > 0 {
		if err := settleWAL(ctx, dbPath); err != nil {
			return RestoreResult{}, err
		}
		result.Previous = dbPath + ".before-restore-" + now.Format(backupStampLayout)
		if err := keepCopy(dbPath, result.Previous); err != nil {
			return RestoreResult{}, fmt.Errorf("keep a copy of the current database: %w", err)
		}
	}
	// The WAL is empty after settleWAL; a stale one must not be replayed
	// into the restored file.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !os.IsNotExist(err) {
			return RestoreResult{}, err
		}
	}
	if err := safefile.Commit(candidate, dbPath); err != nil {
		return RestoreResult{}, fmt.Errorf("replace the database: %w", err)
	}
	return result, nil
}

// settleWAL moves everything in the write-ahead log into the database file
// and empties the log, so the file alone is the whole database. It first
// takes SQLite's exclusive lock, which fails while any other connection,
// here or in another process, has the database open.
func settleWAL(ctx context.Context, dbPath string) error {
	db, err := sql.Open("sqlite", "file:"+escapePath(dbPath)+"?_pragma=busy_timeout(2000)&_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		return fmt.Errorf("%w (%v)", store.ErrDatabaseInUse, err)
	}
	if _, err := db.ExecContext(ctx, "COMMIT"); err != nil {
		return err
	}
	var busy, logFrames, checkpointed int
	err = db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &checkpointed)
	if err != nil {
		return fmt.Errorf("settle the database: %w", err)
	}
	if busy != 0 {
		return store.ErrDatabaseInUse
	}
	if err := db.Close(); err != nil {
		return err
	}
	if st, err := os.Stat(dbPath + "-wal"); err == nil && st.Size() > 0 {
		return store.ErrDatabaseInUse
	}
	return nil
}

// keepCopy copies the settled database file to keep (0600), completely or
// not at all.
func keepCopy(dbPath, keep string) error {
	if err := safefile.RefuseExisting(keep); err != nil {
		return err
	}
	partial, err := safefile.Partial(filepath.Dir(keep))
	if err != nil {
		return err
	}
	defer os.Remove(partial)
	if err := safefile.CopyInto(partial, dbPath); err != nil {
		return err
	}
	return safefile.Commit(partial, keep)
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
