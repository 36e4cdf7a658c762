package postgres

import (
	"context"
	_ "embed"
	"fmt"
)

// Role is the role this connection acts as (current_user): on a practice
// server, the therapist.
func (db *DB) Role(ctx context.Context) (string, error) {
	var role string
	if err := db.pool.QueryRowContext(ctx, `SELECT current_user`).Scan(&role); err != nil {
		return "", fmt.Errorf("open the practice server: %w", Classify(err))
	}
	return role, nil
}

//go:embed clinic_roles.sql
var clinicRoles string

// The clinic's group roles; each person logs in as a role of their own
// that is a member of one of them.
const (
	TherapistRole = "backtrack_therapist"  // reads and writes the clinical record
	FrontDeskRole = "backtrack_front_desk" // clients' names and contact details only
	AuditorRole   = "backtrack_auditor"    // reads everything, the history included; writes nothing
)

// InitClinic creates the clinic's group roles and grants them what each
// may do, on a database whose schema is up to date (Open). It is run by
// the database's owner and may be run again: it changes nothing twice.
func (db *DB) InitClinic(ctx context.Context) error {
	if _, err := db.pool.ExecContext(ctx, clinicRoles); err != nil {
		return fmt.Errorf("create the clinic's roles: %w", Classify(err))
	}
	return nil
}

// ReadsNotes reports whether this connection's role may read the clinical
// notes: a therapist or an auditor may, the front desk may not (its grants
// give clients' names and contact details only).
func (db *DB) ReadsNotes(ctx context.Context) (bool, error) {
	var may bool
	if err := db.pool.QueryRowContext(ctx, `SELECT has_table_privilege(current_user, 'sessions', 'SELECT')`).Scan(&may); err != nil {
		return false, fmt.Errorf("open the practice server: %w", Classify(err))
	}
	return may, nil
}
