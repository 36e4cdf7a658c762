// Package cli is Backtrack's command-line face: the commands scripts, tests
// and CI use on the same database as the desk. It never imports Fyne.
package cli

import (
	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/ui/internal/words"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// ExitUsage is the exit code for an unknown command or flag.
const ExitUsage = 2

// Env is what a command reads and writes besides its arguments.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
}

// command is one subcommand: its one-line summary, its usage line, and
// what it does with its arguments.
type command struct {
	summary string
	usage   string
	run     func(ctx context.Context, env Env, args []string) error
}

// commands lists every subcommand; help prints them in name order.
var commands = map[string]command{
	"demo":    demoCommand,
	"audit":   auditCommand,
	"check":   checkCommand,
	"clients": clientsCommand,
	"clinic":  clinicCommand,
	"report":  reportCommand,
	"backup":  backupCommand,
	"restore": restoreCommand,
	"export":  exportCommand,
	"import":  importCommand,
	"migrate": migrateCommand,
}

// IsCommand reports whether name is a subcommand (help included).
func IsCommand(name string) bool {
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		return true
	}
	_, ok := commands[name]
	return ok
}

// errUsage marks a mistake in the command line: usage is printed, exit 2.
var errUsage = errors.New("usage")

// usageError is a command-line mistake with what to say about it.
func usageError(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, a...)...)
}

// Run runs the subcommand in args[0] and returns the process exit code:
// 0 done, 1 failed, 2 wrong usage.
func Run(ctx context.Context, env Env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			if cmd, ok := commands[args[1]]; ok {
				fmt.Fprintf(env.Stdout, "%s\n\n  %s\n", cmd.summary, cmd.usage)
				return 0
			}
		}
		PrintUsage(env.Stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "backtrack: unknown command %q\n\n", args[0])
		PrintUsage(env.Stderr)
		return ExitUsage
	}
	err := cmd.run(ctx, env, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(env.Stdout, "%s\n\n  %s\n", cmd.summary, cmd.usage)
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(env.Stderr, "backtrack %s: %s\nusage: %s\n", args[0],
			sayOnce(args[0], strings.TrimPrefix(err.Error(), errUsage.Error()+": ")), cmd.usage)
		return ExitUsage
	case errors.Is(err, store.ErrDiskFull):
		// the desk's sentence, not the engine's "database or disk is full (13)"
		fmt.Fprintf(env.Stderr, "backtrack %s: %s\n", args[0], words.DiskFull)
		return 1
	default:
		// An error the store names reads as it does on the desk.
		if text, ok := words.CommandLineText(err); ok {
			fmt.Fprintf(env.Stderr, "backtrack %s: %s\n", args[0], sayOnce(args[0], text))
			return 1
		}
		fmt.Fprintf(env.Stderr, "backtrack %s: %s\n", args[0], sayOnce(args[0], err.Error()))
		return 1
	}
}

// PrintUsage describes the desk and every command.
func PrintUsage(w io.Writer) {
	fmt.Fprintf(w, `Backtrack: session notes, pain trends and progress reports for massage therapists.

usage:
  backtrack [--db PATH]            open the desk (default database: %s)
  backtrack COMMAND [flags]        run a command on the database

commands:
`, settings.DefaultDBPath())
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-8s %s\n", name, commands[name].summary)
	}
	fmt.Fprintf(w, "\nEvery command takes --db PATH (default as above). 'backtrack help COMMAND' shows its flags.\n")
}

// newFlags returns a flag set that reports mistakes as usage errors instead
// of printing and exiting, with the shared --db flag.
func newFlags(name string, db *string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(db, "db", settings.DefaultDBPath(), "database file, or a practice server (postgres://role@host/db?sslmode=verify-full)")
	return fs
}

// parseFlags parses args and refuses leftover arguments.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	return nil
}
