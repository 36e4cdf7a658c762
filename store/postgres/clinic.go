package postgres

import (
	"context"
	_ "embed"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
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
	// Asked first: a login without these rights would otherwise fail
	// half-way with "permission denied", or, granting on tables it does
	// not own, succeed with nothing granted.
	var mayCreateRoles, ownsRecord bool
	var rolesThere int
	err := db.pool.QueryRowContext(ctx, `SELECT r.rolsuper OR r.rolcreaterole,
			pg_has_role(current_user, c.relowner, 'USAGE'),
			(SELECT count(*) FROM pg_roles WHERE rolname IN (?, ?, ?))
		FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'clients'::regclass`,
		TherapistRole, FrontDeskRole, AuditorRole).Scan(&mayCreateRoles, &ownsRecord, &rolesThere)
	if err != nil {
		return fmt.Errorf("create the clinic's roles: %w", Classify(err))
	}
	if !ownsRecord || (rolesThere < 3 && !mayCreateRoles) {
		return ErrCannotSetUpRoles
	}
	if _, err := db.pool.ExecContext(ctx, clinicRoles); err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "42501" { // insufficient_privilege
			return ErrCannotSetUpRoles
		}
		return fmt.Errorf("create the clinic's roles: %w", Classify(err))
	}
	return nil
}

// ErrCannotSetUpRoles is clinic init run by a login that may not create
// roles or grant on the record's tables. Said plainly: the server's own
// "permission denied" would read as a disk that cannot be written.
var ErrCannotSetUpRoles = errors.New("this login may not set up the clinic's roles: run clinic init as the database's owner, with CREATEROLE (a superuser gives it: ALTER ROLE name CREATEROLE)")

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
