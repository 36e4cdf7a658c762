package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

var auditCommand = command{
	summary: "print the record's history: every change, who made it and when",
	usage:   "backtrack audit [--db PATH] [--client ID|NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD]",
	run:     runAudit,
}

func runAudit(ctx context.Context, env Env, args []string) error {
	var db, client, from, to string
	fs := newFlags("audit", &db)
	fs.StringVar(&client, "client", "", "one client's history: their number, identifier or full name")
	fs.StringVar(&from, "from", "", "first day (YYYY-MM-DD)")
	fs.StringVar(&to, "to", "", "last day (YYYY-MM-DD)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var q store.AuditQuery
	var err error
	if from != "" {
		if q.From, err = parseDay("--from", from); err != nil {
			return err
		}
	}
	if to != "" {
		if q.To, err = parseDay("--to", to); err != nil {
			return err
		}
	}
	if err := needFile(db); err != nil {
		return err
	}
	s, err := sqlstore.OpenReadOnly(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	if client != "" {
		c, err := findAuditClient(ctx, s, client)
		if err != nil {
			return err
		}
		q.ClientUID = c.UID
	}
	entries, err := s.AuditLog(ctx, q)
	if err != nil {
		return err
	}
	labels, err := s.RecordNames(ctx)
	if err != nil {
		return err
	}
	for _, e := range entries {
		fmt.Fprintln(env.Stdout, auditLine(e, labels))
	}
	if len(entries) == 0 {
		fmt.Fprintln(env.Stdout, "No entries.")
	}
	return nil
}

// auditLine is one entry as a plain line: when, who, what, which record
// named by its client, and the detail. Only a record that no longer exists
// is said to be gone, still named by its client where the entry says whose.
func auditLine(e store.AuditEntry, labels map[string]string) string {
	parts := []string{e.At.Format(store.StampLayout), e.Actor, e.Action.Words()}
	switch label, client := labels[e.Record], labels[e.Client]; {
	case e.Record == "":
	case label != "":
		parts = append(parts, label)
	case client != "":
		parts = append(parts, client+", a record no longer in the file")
	default:
		parts = append(parts, "a record no longer in the file ("+e.Record+")")
	}
	if e.Detail != "" {
		parts = append(parts, e.Detail)
	}
	if e.Origin != "" {
		parts = append(parts, "(brought by an import)")
	}
	return strings.Join(parts, " · ")
}

// findAuditClient finds the one client --client names.
func findAuditClient(ctx context.Context, s *sqlstore.Store, ref string) (store.Client, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return s.Client(ctx, id)
	}
	all, err := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	if err != nil {
		return store.Client{}, err
	}
	var found []store.Client
	for _, c := range all {
		if strings.EqualFold(c.UID, ref) || store.Fold(c.FullName()) == store.Fold(ref) {
			found = append(found, c.Client)
		}
	}
	switch len(found) {
	case 0:
		return store.Client{}, fmt.Errorf("no client is called %q or has that identifier", ref)
	case 1:
		return found[0], nil
	}
	return store.Client{}, errors.New(strconv.Itoa(len(found)) + " clients are called " + strconv.Quote(ref) + "; give the client's number or identifier instead")
}
