package cli

import (
	"backtrack/store/sqlstore"
	"context"
	"errors"
	"fmt"
)

var checkCommand = command{
	summary: "check the database: integrity, foreign keys, and that nothing was changed outside Backtrack",
	usage:   "backtrack check [--db PATH|postgres://…]",
	run:     runCheck,
}

// errProblemsFound makes check exit 1 after it has listed the problems.
var errProblemsFound = errors.New("problems found")

func runCheck(ctx context.Context, env Env, args []string) error {
	var db string
	fs := newFlags("check", &db)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var problems []string
	var err error
	if onServer(db) {
		// the server checks its own pages: what is left is the history
		problems, err = verifyHistory(ctx, db)
	} else {
		problems, err = sqlstore.CheckFile(ctx, db)
	}
	if err != nil {
		return err
	}
	if len(problems) == 0 && !onServer(db) {
		// the file is sound: now the record's history, read-only
		history, err := verifyHistory(ctx, db)
		if errors.Is(err, sqlstore.ErrOlderSchema) {
			fmt.Fprintln(env.Stdout, "ok")
			fmt.Fprintln(env.Stdout, "The record's history starts when this Backtrack first opens the database.")
			return nil
		}
		if err != nil {
			return err
		}
		problems = history
	}
	if len(problems) == 0 {
		fmt.Fprintln(env.Stdout, "ok")
		return nil
	}
	for _, p := range problems {
		fmt.Fprintln(env.Stdout, p)
	}
	return fmt.Errorf("%d %w", len(problems), errProblemsFound)
}

// verifyHistory checks the audit log's chain, every record against it and
// every signed note against its seal, without writing anything.
func verifyHistory(ctx context.Context, db string) ([]string, error) {
	s, err := sqlstore.OpenReadOnly(ctx, db)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.VerifyRecord(ctx)
}
