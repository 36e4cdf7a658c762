package cli

import (
	"context"
	"fmt"
	"net/url"

	"backtrack/store/sqlstore"
)

var clinicCommand = command{
	summary: "set up a practice server for a clinic: the schema and the roles of therapists, front desk and auditors",
	usage:   "backtrack clinic init --db postgres://admin@host/db",
	run:     runClinic,
}

func runClinic(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 || args[0] != "init" {
		return usageError("the clinic command has one action: init")
	}
	var db string
	fs := newFlags("clinic init", &db)
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if !onServer(db) {
		return sqlstore.ErrNotServer
	}
	s, err := sqlstore.Open(ctx, db, anchored()) // creates the schema or brings it up to date
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.InitClinic(ctx); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, `The practice server %s is ready: the schema and three group roles.
  %-21s reads and writes the clinical record
  %-21s clients' names and contact details only, no clinical notes
  %-21s reads everything, the history included, and writes nothing

Add each person as a role of their own (in psql, as this admin), for example:
  CREATE ROLE anna LOGIN PASSWORD '…' IN ROLE %s;
  CREATE ROLE frida LOGIN PASSWORD '…' IN ROLE %s;
  CREATE ROLE otto LOGIN PASSWORD '…' IN ROLE %s;
Their desks open the server as themselves (keep password_encryption = scram-sha-256):
  backtrack --db 'postgres://anna@%s?sslmode=verify-full&sslrootcert=clinic-ca.pem'
A note marked private is visible only to its author and the auditors; the server enforces it.
`, shown(db), sqlstore.TherapistRole, sqlstore.FrontDeskRole, sqlstore.AuditorRole,
		sqlstore.TherapistRole, sqlstore.FrontDeskRole, sqlstore.AuditorRole, hostAndDatabase(db))
	return nil
}

// hostAndDatabase is a DSN's host[:port]/database, for the example line.
func hostAndDatabase(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "server/backtrack"
	}
	return u.Host + u.Path
}
