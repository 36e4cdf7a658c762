package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
)

var importCommand = command{
	summary: "import clients or sessions from CSV, or a Backtrack JSON export; all rows or none",
	usage:   "backtrack import clients|sessions|json [--db PATH] [--new] [--check] FILE",
	run:     runImport,
}

// importKinds maps the import's first argument to what reads the file.
var importKinds = map[string]func(*sqlstore.Store, context.Context, io.Reader, sqlstore.ImportOptions) (sqlstore.ImportSummary, error){
	"clients":  (*sqlstore.Store).ImportClientsCSV,
	"sessions": (*sqlstore.Store).ImportSessionsCSV,
	"json":     (*sqlstore.Store).ImportJSON,
}

func runImport(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		return usageError("say what to import: clients, sessions or json")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		return flag.ErrHelp
	}
	run, ok := importKinds[args[0]]
	if !ok {
		return usageError("cannot import %q: choose clients, sessions or json", args[0])
	}
	var db string
	var check, create bool
	fs := newFlags("import", &db)
	fs.BoolVar(&check, "check", false, "check the file and report problems without writing anything")
	fs.BoolVar(&create, "new", false, "create the database if it does not exist yet (to move to a new computer)")
	files, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usageError("give exactly one FILE to import")
	}
	f, err := os.Open(files[0])
	if err != nil {
		return fmt.Errorf("open %s: %w", files[0], err)
	}
	defer f.Close()
	open := openExisting // a mistyped --db must not quietly create a new file
	if create {
		open = func(ctx context.Context, path string) (*sqlstore.Store, error) { return sqlstore.Open(ctx, path) }
	}
	s, err := open(ctx, db)
	if err != nil {
		if create || !errors.Is(err, errNoDatabase) {
			return err
		}
		return fmt.Errorf("%w (add --new to create it)", err)
	}
	defer s.Close()
	sum, err := run(s, ctx, f, sqlstore.ImportOptions{CheckOnly: check, Source: filepath.Base(files[0])})
	var ie *sqlstore.ImportError
	if errors.As(err, &ie) {
		fmt.Fprintf(env.Stderr, "%s has %s; nothing was imported:\n", files[0], words.Plural(len(sum.Problems), "problem", "problems"))
		for _, p := range sum.Problems {
			fmt.Fprintf(env.Stderr, "  %s\n", p)
		}
		return fmt.Errorf("%s in %s", words.Plural(len(sum.Problems), "problem", "problems"), files[0])
	}
	if err != nil {
		return err
	}
	for _, line := range sum.Lines() {
		fmt.Fprintln(env.Stdout, line)
	}
	if check {
		fmt.Fprintln(env.Stdout, "Checked only: nothing was written.")
	}
	return nil
}

// parseInterspersed parses flags placed before or after the file names.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError("%v", err)
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
