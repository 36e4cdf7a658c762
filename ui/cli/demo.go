package cli

import (
	"context"
	"errors"
)

var demoCommand = command{
	summary: "fill a database with realistic, deterministic sample clients and sessions",
	usage:   "backtrack demo --db PATH [--clients N] [--sessions N] [--seed S]",
	run:     runDemo,
}

func runDemo(ctx context.Context, env Env, args []string) error {
	return errors.New("not yet")
}
