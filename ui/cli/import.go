package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
)

var importCommand = command{
	summary: "import clients, sessions or outcome measures from CSV, or a Backtrack JSON export; all rows or none",
	usage: `backtrack import clients|sessions|measures|json [--db PATH] [--new] [--check] FILE
  (measures: client,date,measure,item,score, one row per ODI section, RMDQ item or PSFS activity)`,
	run: runImport,
}

// importKinds maps the import's first argument to what reads the file.
var importKinds = map[string]func(context.Context, *sqlstore.Store, io.Reader, interchange.ImportOptions) (interchange.ImportSummary, error){
	"clients":  interchange.ImportClientsCSV,
	"sessions": interchange.ImportSessionsCSV,
	"measures": interchange.ImportMeasuresCSV,
	"json":     interchange.ImportJSON,
}

func runImport(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		return usageError("say what to import: clients, sessions, measures or json")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		return flag.ErrHelp
	}
	run, ok := importKinds[args[0]]
	if !ok {
		return usageError("cannot import %q: choose clients, sessions, measures or json", args[0])
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
	s, err := openExisting(ctx, db) // a mistyped --db must not quietly create a new file
	var created *newDatabase
	if create && errors.Is(err, errNoDatabase) {
		created, err = createDatabase(ctx, db)
		if created != nil {
			s = created.store
		}
	}
	if err != nil {
		if create || !errors.Is(err, errNoDatabase) {
			return err
		}
		return fmt.Errorf("%w (add --new to create it)", err)
	}
	defer s.Close()
	sum, err := run(ctx, s, f, interchange.ImportOptions{CheckOnly: check, Source: filepath.Base(files[0])})
	if created != nil && (check || err != nil) {
		// Nothing landed: the database --new made goes, and its folders.
		if rmErr := created.remove(); rmErr != nil {
			err = errors.Join(err, rmErr)
		}
	}
	var ie *interchange.ImportError
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

// newDatabase is a database import --new created, with the folders it
// created for it, so a check or a refused import can leave nothing behind.
type newDatabase struct {
	store   *sqlstore.Store
	path    string
	folders []string // innermost first
}

// createDatabase creates the database at path, remembering which of its
// folders did not exist.
func createDatabase(ctx context.Context, path string) (*newDatabase, error) {
	created := &newDatabase{path: path}
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(dir); err == nil || !errors.Is(err, os.ErrNotExist) {
			break
		}
		created.folders = append(created.folders, dir)
		if dir == filepath.Dir(dir) {
			break
		}
	}
	s, err := sqlstore.Open(ctx, path)
	if err != nil {
		created.removeFiles()
		return nil, err
	}
	created.store = s
	return created, nil
}

// remove closes the new database and deletes it with its journal files
// and the folders made for it.
func (n *newDatabase) remove() error {
	if err := n.store.Close(); err != nil {
		return err
	}
	return n.removeFiles()
}

func (n *newDatabase) removeFiles() error {
	var errs []error
	for _, f := range []string{n.path, n.path + "-wal", n.path + "-shm", n.path + "-journal"} {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	// os.Remove leaves a folder something else has put files into since.
	for _, dir := range n.folders {
		os.Remove(dir)
	}
	return errors.Join(errs...)
}
