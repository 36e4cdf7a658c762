package cli

import (
	"backtrack/store/sqlite"
	"context"
	"errors"
	"fmt"
)

var checkCommand = command{
	summary: "check the database file: SQLite integrity and foreign keys",
	usage:   "backtrack check [--db PATH]",
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
	problems, err := sqlite.Check(ctx, db)
	if err != nil {
		return err
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
