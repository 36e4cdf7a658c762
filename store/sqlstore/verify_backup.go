package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"backtrack/store"
	"backtrack/store/sqlite"
)

// ErrBackupTampered refuses a backup whose history or seals do not hold.
var ErrBackupTampered = errors.New("the backup was changed outside Backtrack")

// Restore replaces the records in the database file at dbPath with the
// backup at from (sqlite.Restore), after verifying the backup's own record
// as check does: its history's chain, every record against it and every
// signed note against its seal. A backup that fails is refused with one
// sentence saying what failed, naming no client, and nothing is replaced.
// The restored record is then opened with opts (the closed store's
// Options) to record the restore in its history and make its head the one
// Backtrack knows: the restore is the user's act, not tampering.
func Restore(ctx context.Context, dbPath, from, passphrase string, now time.Time, opts ...Option) (RestoreResult, error) {
	res, err := sqlite.Restore(ctx, dbPath, from, passphrase, now, verifyBackupCopy)
	if err != nil {
		return res, err
	}
	s, err := Open(ctx, dbPath, opts...)
	if err != nil {
		return res, fmt.Errorf("the backup was restored, but recording it failed: %w", err)
	}
	defer s.Close()
	detail := "Restored from " + from
	if res.Previous != "" {
		detail += "; the records it replaced are kept as " + res.Previous
	}
	if err := s.LogEvent(ctx, store.RecordsRestored, "", detail); err != nil {
		return res, fmt.Errorf("the backup was restored, but recording it failed: %w", err)
	}
	return res, s.AcceptHead(ctx, nil)
}

// verifyBackupCopy verifies the private copy of a backup that a restore
// is about to install.
func verifyBackupCopy(ctx context.Context, path string) error {
	s, err := OpenReadOnly(ctx, path)
	if errors.Is(err, sqlite.ErrOlderSchema) {
		// A backup from an older Backtrack: bring the private copy up to
		// date, as the first open after the restore would, and verify that.
		s, err = Open(ctx, path)
	}
	if err != nil {
		return err
	}
	defer s.Close()
	return s.verifyAsBackup(ctx)
}

// verifyAsBackup is VerifyRecord's verdict in words fit for a refusal:
// what failed, counted, with no client's name or words in it.
func (s *Store) verifyAsBackup(ctx context.Context) error {
	var chain []string
	var records, seals int
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		problems, found, err := checkHistory(ctx, tx, nil) // a backup is a file: no server answers for it
		chain, seals, records = problems, found.brokenSeals, len(found.problems)-found.brokenSeals
		return err
	})
	if err != nil {
		return fmt.Errorf("verify the backup: %w", err)
	}
	var failed []string
	if len(chain) > 0 {
		// the chain's problems name entries by number, action and time only
		failed = append(failed, "its history's chain is broken ("+chain[0]+")")
	}
	if seals > 0 {
		failed = append(failed, plural(seals, "signed note does not match its seal", "signed notes do not match their seals"))
	}
	if records > 0 {
		failed = append(failed, plural(records, "record differs from its history", "records differ from their history"))
	}
	if len(failed) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s; nothing was replaced", ErrBackupTampered, strings.Join(failed, "; "))
}

// plural is "1 thing" or "3 things".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
