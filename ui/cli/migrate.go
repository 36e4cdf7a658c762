package cli

import (
	"context"
	"fmt"

	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
)

var migrateCommand = command{
	summary: "move a practice from its SQLite file to an empty practice server, in one transaction, verified",
	usage:   "backtrack migrate --from practice.db --to postgres://role@host/db",
	run:     runMigrate,
}

func runMigrate(ctx context.Context, env Env, args []string) error {
	var unused, from, to string
	fs := newFlags("migrate", &unused)
	fs.StringVar(&from, "from", "", "the practice's SQLite file (only read)")
	fs.StringVar(&to, "to", "", "the practice server's empty database (postgres://…)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case from == "" || to == "":
		return usageError("--from FILE and --to postgres://… are required")
	case onServer(from):
		return usageError("--from is the practice's SQLite file")
	case !onServer(to):
		return usageError("--to is the practice server (postgres://role@host/db); to copy a file, use backup")
	}
	if err := sqlstore.RequireDatabase(from); err != nil {
		return err
	}
	src, err := sqlstore.OpenReadOnly(ctx, from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := sqlstore.Open(ctx, to, anchored())
	if err != nil {
		return err
	}
	defer dst.Close()
	moved, err := interchange.Move(ctx, src, dst)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Moved %s, %s and %s of history from %s to %s; the history verifies on the server.\n",
		words.Plural(moved.Clients, "client", "clients"), words.Plural(moved.Sessions, "session", "sessions"),
		words.Plural(moved.HistoryEntries, "entry", "entries"), from, shown(to))
	fmt.Fprintf(env.Stdout, "%s is unchanged; keep it as a copy, and open the server from now on: backtrack --db %s\n", from, shown(to))
	return nil
}
