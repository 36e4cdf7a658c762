package cli

import (
	"context"
	"fmt"
	"time"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/sqlstore"
)

var demoCommand = command{
	summary: "fill a new database with realistic, deterministic sample clients and sessions",
	usage:   "backtrack demo --db PATH [--clients N] [--sessions N] [--seed S]",
	run:     runDemo,
}

func runDemo(ctx context.Context, env Env, args []string) error {
	var db string
	fs := newFlags("demo", &db)
	db = "" // sample data never goes into the real database by default
	clients := fs.Int("clients", 40, "number of clients")
	sessions := fs.Int("sessions", 0, "total visits (0: 1 to 40 per client; from 1000 one client has 500)")
	seed := fs.Int64("seed", 1, "random seed: the same seed on the same day gives the same data")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case db == "":
		return usageError("--db is required (sample data never goes into your real database)")
	case *clients < 1:
		return usageError("--clients must be at least 1 (got %d)", *clients)
	case *sessions < 0:
		return usageError("--sessions must not be negative (got %d)", *sessions)
	}
	s, err := sqlstore.Open(ctx, db, anchored())
	if err != nil {
		return err
	}
	defer s.Close()
	existing, err := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true, Limit: 1})
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		return fmt.Errorf("%s already has clients; sample data goes into a new database only", shown(db))
	}
	began := time.Now()
	sum, err := demo.Fill(ctx, s, demo.Options{Clients: *clients, Sessions: *sessions, Seed: *seed})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "sample practice: %d clients, %d sessions, %d outcome measures, %d plans in %s (%.1fs)\n",
		sum.Clients, sum.Sessions, sum.Measures, sum.Plans, shown(db), time.Since(began).Seconds())
	return nil
}
