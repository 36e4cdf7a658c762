package cli

import (
	"backtrack/store/sqlstore"
	"context"
	"errors"
	"fmt"
	"strings"
)

var checkCommand = command{
	summary: "check the database: integrity, foreign keys, and that nothing was changed outside Backtrack",
	usage:   "backtrack check [--db PATH|postgres://…] [--accept]",
	run:     runCheck,
}

// errProblemsFound makes check exit 1 after it has listed the problems.
var errProblemsFound = errors.New("problems found")

func runCheck(ctx context.Context, env Env, args []string) error {
	var db string
	var accept bool
	fs := newFlags("check", &db)
	fs.BoolVar(&accept, "accept", false, "after the file was replaced on purpose: take its history as it is now as the one Backtrack knows")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var problems []string
	var unread string
	var err error
	if onServer(db) {
		// the server checks its own pages: what is left is the history
		problems, unread, err = verifyHistory(ctx, db)
	} else if err = needFile(db); err == nil {
		problems, err = sqlstore.CheckFile(ctx, db)
	}
	if err != nil {
		return err
	}
	if len(problems) == 0 && !onServer(db) {
		// the file is sound: now the record's history, read-only
		history, _, err := verifyHistory(ctx, db)
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
	if accept && len(problems) > 0 && len(problems) == anchorProblems(problems) {
		return acceptHistory(ctx, env, db)
	}
	if len(problems) == 0 {
		fmt.Fprintln(env.Stdout, "ok")
		if unread != "" {
			fmt.Fprintln(env.Stdout, unread)
		}
		return nil
	}
	for _, p := range problems {
		fmt.Fprintln(env.Stdout, p)
	}
	if anchorProblems(problems) > 0 {
		fmt.Fprintln(env.Stdout, "If the file was put in its place on purpose, 'backtrack check --accept' takes its history as it is now.")
	}
	return fmt.Errorf("%d %w", len(problems), errProblemsFound)
}

// verifyHistory checks the audit log's chain, every record against it and
// every signed note against its seal, without writing anything; unread
// says what this login may not read (a colleague's private notes).
func verifyHistory(ctx context.Context, db string) (problems []string, unread string, err error) {
	s, err := sqlstore.OpenReadOnly(ctx, db)
	if err != nil {
		return nil, "", err
	}
	defer s.Close()
	v, err := s.Verify(ctx)
	if err != nil {
		return nil, "", err
	}
	anchored, err := s.VerifyAnchor(ctx, anchors())
	return append(v.Problems, anchored...), v.Unread, err
}

// anchorProblems counts the problems that are the anchor's alone: the
// history is sound in itself but is not the one Backtrack last saw.
func anchorProblems(problems []string) int {
	n := 0
	for _, p := range problems {
		if strings.HasPrefix(p, sqlstore.AnchorProblemPrefix) {
			n++
		}
	}
	return n
}

// acceptHistory makes the record's history, sound in itself, the one
// Backtrack knows: the user replaced the file on purpose.
func acceptHistory(ctx context.Context, env Env, db string) error {
	s, err := sqlstore.OpenReadOnly(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.AcceptHead(ctx, anchors()); err != nil {
		return err
	}
	head, err := s.LogHead(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "ok\nThe record's history as it is now (%s) is the one Backtrack knows from now on.\n", head.Short())
	return nil
}
