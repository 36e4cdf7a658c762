package cli

import (
	"context"
	"fmt"
	"strings"

	"backtrack/store"
	"backtrack/ui/internal/words"
)

var clientsCommand = command{
	summary: "list clients as the desk's list does, one line each with the last visit",
	usage:   "backtrack clients [--db PATH|postgres://…] [--search TEXT] [--archived] [--by visit|name] [--limit N]",
	run:     runClients,
}

func runClients(ctx context.Context, env Env, args []string) error {
	var db, search, by string
	var archived bool
	var limit int
	fs := newFlags("clients", &db)
	fs.StringVar(&search, "search", "", "only clients whose name, phone or email has every word (case and accents ignored)")
	fs.BoolVar(&archived, "archived", false, "include archived clients")
	fs.StringVar(&by, "by", "visit", "order: visit (most recent first, as the desk) or name")
	fs.IntVar(&limit, "limit", 0, "at most N clients (0: all)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	q := store.ClientQuery{Text: search, IncludeArchived: archived, Limit: limit, Order: store.ByLastVisit}
	switch by {
	case "visit":
	case "name":
		q.Order = store.ByName
	default:
		return usageError("--by must be visit or name (got %q)", by)
	}
	if limit < 0 {
		return usageError("--limit must not be negative (got %d)", limit)
	}
	s, err := openExisting(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	rows, err := s.SearchClients(ctx, q)
	if err != nil {
		return err
	}
	for _, c := range rows {
		fmt.Fprintln(env.Stdout, ClientLine(c))
	}
	return nil
}

// ClientLine is one client as the clients command prints it, tab between
// fields for scripts: number, full name, last visit with its pain before
// and after (or "no visit"), how many visits, and "archived" when so.
func ClientLine(c store.ClientSummary) string {
	last := "no visit"
	if !c.LastVisit.IsZero() {
		last = c.LastVisit.Format("2006-01-02 15:04") + " pain " + c.LastPainBefore.String() + "→" + c.LastPainAfter.String()
	}
	fields := []string{fmt.Sprint(c.ID), c.FullName(), last, words.Plural(c.SessionCount, "visit", "visits")}
	if c.Archived {
		fields = append(fields, "archived")
	}
	return strings.Join(fields, "\t")
}
