package sqlstore

import "backtrack/store/postgres"

// What the desk and the command line ask of a practice server's address,
// through the record's own API rather than the engine's (see backups.go).

// IsServerAddress reports whether s names a practice server rather than a
// file.
func IsServerAddress(s string) bool { return postgres.IsDSN(s) }

// RedactServerAddress is a server's address with its password taken out,
// fit for a window's title or an error.
func RedactServerAddress(dsn string) string { return postgres.Redact(dsn) }

// CheckServerAddress checks an address as typed for keeping: a postgres://
// address without a password.
func CheckServerAddress(dsn string) error { return postgres.CheckAddress(dsn) }

// The server's roles, which its administrator grants (backtrack clinic).
const (
	TherapistRole = postgres.TherapistRole
	FrontDeskRole = postgres.FrontDeskRole
	AuditorRole   = postgres.AuditorRole
)
