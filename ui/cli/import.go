package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"backtrack/store/dates"
	"backtrack/store/interchange"
	"backtrack/store/safefile"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
)

var importCommand = command{
	summary: "import clients, sessions or outcome measures from CSV, or a Backtrack JSON export; all rows or none",
	usage: `backtrack import clients|sessions|measures|json [--db PATH] [--new] [--check|--dry-run] [--dates day-first|month-first] [--add-terms] FILE
  (measures: client,date,measure,item,score, one row per ODI section, RMDQ item or PSFS activity)
  (a CSV's dates such as 07/12/2026 are read in the order the column's own dates show; where every
   day is 12 or less the import asks for --dates instead of guessing)
  (sessions read "QL" and "massage, stretching" as the desk does; a name still unknown is listed
   and nothing imported until --add-terms says to add it to your vocabulary)
backtrack import clients [--preset cliniko|jane|generic] [--map first=Given,last=Family,...] [--map-file FILE] FILE
  (a client list with any column names; --dry-run lists the new clients, the ones recorded already and the problems)
backtrack import sessions [--preset cliniko|generic] [--map client=Patient,date=Visit,before=Pain in,...] [--map-file FILE] FILE
  (visits with any column names, each for a client recorded already; --dry-run names the client each row matches)
` + importUndoUsage,
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
	if args[0] == "undo" {
		return runImportUndo(ctx, env, args[1:])
	}
	run, ok := importKinds[args[0]]
	if !ok {
		return usageError("cannot import %q: choose clients, sessions, measures or json", args[0])
	}
	var db string
	var check, create, addTerms bool
	var order string
	fs := newFlags("import", &db)
	fs.BoolVar(&addTerms, "add-terms", false, "add the names the file uses that your vocabulary lacks (listed without it, and nothing imported)")
	fs.StringVar(&order, "dates", "", "the order of day and month in the file's dates written with the year last: day-first (25/11/2026) or month-first (11/25/2026)")
	fs.BoolVar(&check, "check", false, "check the file and report problems without writing anything")
	fs.BoolVar(&check, "dry-run", false, "the same as --check")
	fs.BoolVar(&create, "new", false, "create the database if it does not exist yet (to move to a new computer)")
	var list listFlags
	for _, kind := range interchange.ListKinds {
		if args[0] == kind.Name {
			list.add(fs, kind)
		}
	}
	files, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usageError("give exactly one FILE to import")
	}
	dateOrder, err := dates.ParseOrder(order)
	if err != nil {
		return usageError("--dates: %v", err)
	}
	if list.kind != nil {
		m, mapped, err := list.mapping(files[0])
		if err != nil {
			return err
		}
		if mapped {
			if m.DateOrder == dates.Unknown {
				m.DateOrder = dateOrder
			}
			run = readThrough(m)
			fmt.Fprintf(env.Stdout, "Columns read as: %s\n", m.Spec())
		}
	}
	f, err := os.Open(files[0])
	if err != nil {
		return err // "open FILE: no such file or directory" names the file
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
	sum, err := run(ctx, s, f, interchange.ImportOptions{CheckOnly: check, Preview: check, Source: filepath.Base(files[0]), DateOrder: dateOrder,
		KnownTermsOnly: !addTerms && args[0] != "json"})
	printOutcomes(env.Stdout, sum)
	if created != nil {
		// The new database takes its place only when the import landed;
		// otherwise it goes, with the folders made for it.
		err = created.finish(err == nil && !check, err)
	}
	var ie *interchange.ImportError
	if errors.As(err, &ie) {
		fmt.Fprintf(env.Stderr, "%s has %s; nothing was imported:\n", files[0], words.Plural(len(sum.Problems), "problem", "problems"))
		for _, p := range sum.Problems {
			fmt.Fprintf(env.Stderr, "  %s\n", p)
		}
		if list.kind != nil && !list.given() && sum.Problems[0].Row == 1 {
			list.hint(env.Stderr, files[0])
		}
		return fmt.Errorf("%s in %s", words.Plural(len(sum.Problems), "problem", "problems"), files[0])
	}
	if errors.Is(err, interchange.ErrNewTerms) {
		for _, line := range sum.Lines() {
			fmt.Fprintln(env.Stdout, line)
		}
		return fmt.Errorf("nothing was imported: %s names terms your vocabulary lacks (listed above); correct the file, or run the import again with --add-terms to add them", files[0])
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

// newDatabase is a database import --new builds under a partial name
// beside its path, and puts in place only once the import has landed:
// until then no other process can find it, and nothing at the path is ever
// removed, so an import or a desk running beside this one at the same path
// keeps what it made whatever this one does.
type newDatabase struct {
	store   *sqlstore.Store
	path    string
	partial string
	folders []string // the folders this import made for it, innermost first
}

// errCreatedMeanwhile is a database another process created at the path
// while import --new filled its own.
var errCreatedMeanwhile = errors.New("another program created the database while this import ran, so nothing was imported; run the import again without --new to import into it")

// createDatabase creates a new database to be put at path, making the
// folders it needs (and remembering which it made).
func createDatabase(ctx context.Context, path string) (*newDatabase, error) {
	created := &newDatabase{path: path}
	var missing []string
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(dir); err == nil || !errors.Is(err, os.ErrNotExist) {
			break
		}
		missing = append(missing, dir)
		if dir == filepath.Dir(dir) {
			break
		}
	}
	for i := len(missing) - 1; i >= 0; i-- {
		// made here, or by another process at the same moment: only
		// the folders this one made are its to remove
		if err := os.Mkdir(missing[i], 0o700); err == nil {
			created.folders = append([]string{missing[i]}, created.folders...)
		} else if !errors.Is(err, os.ErrExist) {
			created.removeFiles()
			return nil, fmt.Errorf("create folder %s: %w", missing[i], err)
		}
	}
	partial, err := safefile.Partial(filepath.Dir(path))
	if err != nil {
		created.removeFiles()
		return nil, err
	}
	created.partial = partial
	// the partial name is not where the record will live: it is
	// anchored when it is first opened in its place
	s, err := sqlstore.Open(ctx, partial)
	if err != nil {
		created.removeFiles()
		return nil, err
	}
	created.store = s
	return created, nil
}

// finish closes the new database and puts it at its path when keep is
// true; otherwise, or when that fails, it removes the database and the
// folders made for it. It returns err joined with what went wrong.
func (n *newDatabase) finish(keep bool, err error) error {
	if closeErr := n.store.Close(); closeErr != nil {
		keep, err = false, errors.Join(err, closeErr)
	}
	if keep {
		if placeErr := n.place(); placeErr != nil {
			err = errors.Join(err, placeErr)
		}
	}
	if rmErr := n.removeFiles(); rmErr != nil && err == nil && !keep {
		err = rmErr
	}
	return err
}

// place gives the closed database its path, never replacing a file there:
// a hard link fails when the name is taken. Where the disk has no hard
// links (FAT), a rename after a look at the name leaves an instant in
// which another process could create it.
func (n *newDatabase) place() error {
	if wal, err := os.Stat(n.partial + "-wal"); err == nil && wal.Size() > 0 {
		return fmt.Errorf("the new database could not be completed at %s", n.path)
	}
	err := os.Link(n.partial, n.path)
	if errors.Is(err, os.ErrExist) {
		return errCreatedMeanwhile
	}
	if err != nil {
		if _, statErr := os.Lstat(n.path); statErr == nil {
			return errCreatedMeanwhile
		}
		if err := os.Rename(n.partial, n.path); err != nil {
			return fmt.Errorf("put the new database at %s: %w", n.path, err)
		}
	}
	return safefile.SyncDir(filepath.Dir(n.path))
}

// removeFiles removes the partial database, its journal files and the
// folders made for it: only what this import created.
func (n *newDatabase) removeFiles() error {
	var errs []error
	if n.partial != "" {
		for _, f := range []string{n.partial, n.partial + "-wal", n.partial + "-shm", n.partial + "-journal"} {
			if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	// os.Remove leaves a folder something else has put files into since.
	for _, dir := range n.folders {
		os.Remove(dir)
	}
	return errors.Join(errs...)
}
