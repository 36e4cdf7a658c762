package sqlite

import (
	"backtrack/store"
	"backtrack/store/safefile"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// BackupInfo describes a verified database file: what a restore would bring
// back.
type BackupInfo struct {
	Path          string
	Encrypted     bool
	SchemaVersion int
	Clients       int
	Sessions      int
	LastSession   time.Time // zero when there is none
	Size          int64
	Modified      time.Time
	// Head is the latest entry of the copy's history, the head the backup
	// anchors (zero before the history existed, schema version 3).
	Head store.LogHead
}

// Backup writes a consistent copy of the open database to dest, which must
// not exist yet. The copy is checked (integrity, foreign keys, schema
// version) before it takes its name: a file at dest is always a good backup.
func (db *DB) Backup(ctx context.Context, dest string) (BackupInfo, error) {
	info, err := db.backup(ctx, dest, "")
	if err != nil {
		return BackupInfo{}, fmt.Errorf("back up: %w", err)
	}
	return info, nil
}

// BackupEncrypted is Backup with the copy encrypted to a passphrase (age,
// scrypt). It is decrypted again and checked before it counts.
func (db *DB) BackupEncrypted(ctx context.Context, dest, passphrase string) (BackupInfo, error) {
	if passphrase == "" {
		return BackupInfo{}, errors.New("back up: the passphrase is empty")
	}
	info, err := db.backup(ctx, dest, passphrase)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("back up: %w", err)
	}
	return info, nil
}

func (db *DB) backup(ctx context.Context, dest, passphrase string) (BackupInfo, error) {
	dir := filepath.Dir(dest)
	if err := safefile.PrivateDir(dir); err != nil {
		return BackupInfo{}, err
	}
	safefile.SweepPartials(dir)
	if err := safefile.RefuseExisting(dest); err != nil {
		return BackupInfo{}, err
	}
	// An encrypted backup may go to a stick that leaves the practice: its
	// plain snapshot is made beside the database, never in the destination.
	plainDir := dir
	if passphrase != "" {
		plainDir = filepath.Dir(db.path)
	}
	plain, err := safefile.Partial(plainDir)
	if err != nil {
		return BackupInfo{}, err
	}
	defer os.Remove(plain)
	if err := db.snapshot(ctx, plain); err != nil {
		return BackupInfo{}, Classify(err) // a full disk is named as one
	}
	info, err := verifyDatabase(ctx, plain)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("check the new backup: %w", err)
	}
	final := plain
	if passphrase != "" {
		sealed, err := safefile.Partial(dir)
		if err != nil {
			return BackupInfo{}, err
		}
		defer os.Remove(sealed)
		if err := encryptFile(sealed, plain, passphrase); err != nil {
			return BackupInfo{}, Classify(err)
		}
		if err := verifyEncrypted(ctx, sealed, plainDir, passphrase, info); err != nil {
			return BackupInfo{}, fmt.Errorf("check the new backup: %w", err)
		}
		final = sealed
	}
	if err := safefile.RefuseExisting(dest); err != nil {
		return BackupInfo{}, err
	}
	if err := safefile.Commit(final, dest); err != nil {
		return BackupInfo{}, fmt.Errorf("save %s: %w", dest, err)
	}
	return describeFile(dest, info, passphrase != "")
}

// snapshot copies the database into the empty file target with VACUUM INTO:
// one consistent read, compacted, without blocking the desk's writes. It
// uses a connection of its own because the read pool is query-only.
func (db *DB) snapshot(ctx context.Context, target string) error {
	conn, err := sql.Open("sqlite", "file:"+escapePath(db.path)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", target); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

// verifyEncrypted decrypts a freshly sealed backup and checks it matches
// what was sealed, so a backup never counts before it is known to open.
func verifyEncrypted(ctx context.Context, sealed, plainDir, passphrase string, want BackupInfo) error {
	plain, err := safefile.Partial(plainDir)
	if err != nil {
		return err
	}
	defer os.Remove(plain)
	if err := decryptFile(plain, sealed, passphrase); err != nil {
		return err
	}
	got, err := verifyDatabase(ctx, plain)
	if err != nil {
		return err
	}
	if got.Clients != want.Clients || got.Sessions != want.Sessions {
		return fmt.Errorf("%w: decrypted copy differs", store.ErrBackupDamaged)
	}
	return nil
}

// InspectBackup checks a backup (or any Backtrack database file) without
// changing it and says what it holds. An encrypted one needs its passphrase.
func InspectBackup(ctx context.Context, path, passphrase string) (BackupInfo, error) {
	encrypted, err := isEncrypted(path)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("read backup: %w", err)
	}
	if !encrypted {
		info, err := verifyDatabase(ctx, path)
		if err != nil {
			return BackupInfo{}, fmt.Errorf("read backup %s: %w", filepath.Base(path), err)
		}
		return describeFile(path, info, false)
	}
	if passphrase == "" {
		return BackupInfo{}, store.ErrPassphraseRequired
	}
	// The decrypted copy lives only in a private (0700) folder of its own,
	// removed as soon as the check is done.
	dir, err := os.MkdirTemp("", "backtrack-inspect-")
	if err != nil {
		return BackupInfo{}, fmt.Errorf("read backup: %w", err)
	}
	defer os.RemoveAll(dir)
	plain, err := safefile.Partial(dir)
	if err != nil {
		return BackupInfo{}, err
	}
	if err := decryptFile(plain, path, passphrase); err != nil {
		return BackupInfo{}, fmt.Errorf("read backup %s: %w", filepath.Base(path), err)
	}
	info, err := verifyDatabase(ctx, plain)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("read backup %s: %w", filepath.Base(path), err)
	}
	return describeFile(path, info, true)
}

// describeFile completes info with the file's own facts.
func describeFile(path string, info BackupInfo, encrypted bool) (BackupInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return BackupInfo{}, err
	}
	info.Path, info.Encrypted = path, encrypted
	info.Size, info.Modified = st.Size(), st.ModTime()
	return info, nil
}

// verifyMagic checks that the file at path starts as a SQLite database
// does: an empty file, or any other, is not a Backtrack database.
func verifyMagic(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteMagic) {
		return store.ErrNotBackup
	}
	return nil
}

// sqliteMagic opens every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// verifyDatabase checks that path is a healthy Backtrack database this
// version can open, and counts what it holds. It never writes to the file.
func verifyDatabase(ctx context.Context, path string) (BackupInfo, error) {
	if err := verifyMagic(path); err != nil {
		return BackupInfo{}, err
	}
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return BackupInfo{}, err
	}
	defer db.Close()
	var info BackupInfo
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&info.SchemaVersion); err != nil {
		return BackupInfo{}, fmt.Errorf("%w: %v", store.ErrBackupDamaged, err)
	}
	switch {
	case info.SchemaVersion > SchemaVersion():
		return BackupInfo{}, store.ErrNewerSchema
	case info.SchemaVersion < 1:
		return BackupInfo{}, store.ErrNotBackup
	}
	problems, err := checkDB(ctx, db)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("%w: %v", store.ErrBackupDamaged, err)
	}
	if len(problems) > 0 {
		return BackupInfo{}, fmt.Errorf("%w: %s", store.ErrBackupDamaged, strings.Join(problems, "; "))
	}
	var last sql.NullString
	err = db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM clients), (SELECT COUNT(*) FROM sessions),
		(SELECT MAX(started_at) FROM sessions)`).Scan(&info.Clients, &info.Sessions, &last)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("%w: %v", store.ErrNotBackup, err)
	}
	if last.Valid {
		info.LastSession, _ = store.ParseWallClock(store.StartLayout, last.String)
	}
	if info.SchemaVersion >= 3 {
		err := db.QueryRowContext(ctx, `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&info.Head.Seq, &info.Head.Hash)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return BackupInfo{}, fmt.Errorf("%w: %v", store.ErrNotBackup, err)
		}
	}
	return info, nil
}
