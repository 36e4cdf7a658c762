package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
)

var restoreCommand = command{
	summary: "replace the database with a backup, after checking it; the replaced database is kept beside it",
	usage:   "backtrack restore [--db PATH] --from FILE [--passphrase-file FILE]",
	run:     runRestore,
}

// errServerRestore refuses to restore over a practice server's records.
var errServerRestore = errors.New("these records are on the practice server: it is restored on the server (pg_restore from its pg_dump, or by promoting a replica), not from the desk")

func runRestore(ctx context.Context, env Env, args []string) error {
	var db, from string
	var pass passphraseSource
	fs := newFlags("restore", &db)
	fs.StringVar(&from, "from", "", "backup file to restore")
	pass.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if onServer(db) {
		return errServerRestore
	}
	if from == "" {
		return usageError("--from FILE is required")
	}
	passphrase := ""
	if pass.given() {
		var err error
		if passphrase, err = pass.read(env, false); err != nil {
			return err
		}
	}
	res, err := sqlstore.Restore(ctx, db, from, passphrase, time.Now())
	if errors.Is(err, store.ErrPassphraseRequired) && !pass.given() {
		if passphrase, err = pass.read(env, false); err != nil {
			return err
		}
		res, err = sqlstore.Restore(ctx, db, from, passphrase, time.Now())
	}
	if err != nil {
		return err
	}
	if err := logRestore(ctx, db, from, res); err != nil {
		return err
	}
	info := res.Restored
	fmt.Fprintf(env.Stdout, "Restored %s and %s from %s", words.Plural(info.Clients, "client", "clients"), words.Plural(info.Sessions, "session", "sessions"), from)
	if !info.LastSession.IsZero() {
		fmt.Fprintf(env.Stdout, " (last session %s)", info.LastSession.Format(store.DateLayout))
	}
	fmt.Fprintln(env.Stdout, ".")
	if res.Previous != "" {
		fmt.Fprintf(env.Stdout, "The database it replaced is kept as %s.\n", res.Previous)
	}
	return nil
}

// logRestore records the restore in the restored record's history.
func logRestore(ctx context.Context, db, from string, res sqlstore.RestoreResult) error {
	s, err := sqlstore.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	detail := "Restored from " + from
	if res.Previous != "" {
		detail += "; the records it replaced are kept as " + res.Previous
	}
	return s.LogEvent(ctx, store.RecordsRestored, "", detail)
}
