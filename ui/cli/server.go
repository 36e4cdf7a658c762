package cli

import "backtrack/store/sqlstore"

// onServer reports whether --db names a practice server (a postgres://
// DSN) rather than a file.
func onServer(db string) bool { return sqlstore.IsServerAddress(db) }

// shown is --db as a command may print it: a file's path, or a server's
// DSN without its password.
func shown(db string) string {
	if onServer(db) {
		return sqlstore.RedactServerAddress(db)
	}
	return db
}
