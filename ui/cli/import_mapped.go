package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"backtrack/store/interchange"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
)

// listFlags are how import clients or sessions is told to read a list
// whose columns are not Backtrack's own: a preset, a mapping, or both (the
// mapping over the preset).
type listFlags struct {
	kind               *interchange.ListKind
	spec, file, preset string
}

// mapExamples show --map for each kind of list.
var mapExamples = map[string]string{
	"clients":  "first=Given,last=Family,dob=Birth date,phone=Mobile,dates=day-first",
	"sessions": "client=Patient,dob=DOB,date=Visit,before=Pain in,after=Pain out,muscles=Muscles,notes=Notes,dates=day-first",
}

func (l *listFlags) add(fs *flag.FlagSet, kind *interchange.ListKind) {
	l.kind = kind
	presets := make([]string, len(kind.Presets))
	for i, p := range kind.Presets {
		presets[i] = p.Name
	}
	fs.StringVar(&l.spec, "map", "", "which column is which: "+mapExamples[kind.Name])
	fs.StringVar(&l.file, "map-file", "", "a file of field=Column lines, as --map takes them")
	fs.StringVar(&l.preset, "preset", "", "the columns of another app's export: "+strings.Join(presets, ", "))
}

func (l listFlags) given() bool { return l.spec != "" || l.file != "" || l.preset != "" }

// mapping is how to read the list at path: the guess from its header, the
// preset and the mapping given over it, or, with none given, the mapping
// the desk remembered for this header (found false when there is none).
func (l listFlags) mapping(path string) (m interchange.Mapping, found bool, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return m, false, fmt.Errorf("open %s: %w", path, err)
	}
	head, _ := interchange.ReadListHead(bytes.NewReader(data), 5)
	if head.Header == nil {
		return m, false, nil // the import says what is wrong with the file
	}
	m = l.kind.Guess(head.Header, head.Rows)
	spec := l.spec
	if l.file != "" {
		text, err := os.ReadFile(l.file)
		if err != nil {
			return m, false, fmt.Errorf("open the mapping file: %w", err)
		}
		spec = string(text) + "\n" + spec
	}
	if !l.given() {
		remembered, err := settings.ReadValue(settings.PreferencesPath(), settings.ListMappingKey(l.kind.Name, head.Header))
		if err != nil || remembered == "" {
			return m, false, err
		}
		m, err = l.kind.Remembered(head.Header, remembered)
		return m, err == nil, err
	}
	if l.preset != "" {
		p, err := l.kind.PresetNamed(l.preset)
		if err != nil {
			return m, false, usageError("--preset: %v", err)
		}
		m = m.WithPreset(p)
	}
	rules, order, err := l.kind.ParseSpec(spec)
	if err != nil {
		return m, false, usageError("--map: %v", err)
	}
	if m, err = m.WithRules(rules); err != nil {
		return m, false, usageError("--map: %v", err)
	}
	m.DateOrder = order
	return m, true, nil
}

// readThrough is the import of a list read through m.
func readThrough(m interchange.Mapping) func(context.Context, *sqlstore.Store, io.Reader, interchange.ImportOptions) (interchange.ImportSummary, error) {
	return func(ctx context.Context, s *sqlstore.Store, r io.Reader, opts interchange.ImportOptions) (interchange.ImportSummary, error) {
		return interchange.ImportMappedCSV(ctx, s, r, m, opts)
	}
}

// hint is said under a list refused for its column names: how its columns
// would be read, to check and give back.
func (l listFlags) hint(w io.Writer, path string) {
	m, _, err := listFlags{kind: l.kind}.mapping(path)
	if err != nil || m.Header == nil {
		return
	}
	presets := make([]string, len(l.kind.Presets))
	for i, p := range l.kind.Presets {
		presets[i] = p.Name
	}
	fmt.Fprintf(w, "Its columns are not Backtrack's own. Read them with --preset %s, or say which is which; as guessed:\n  --map '%s'\nCheck with --dry-run first.\n",
		strings.Join(presets, "|"), m.Spec())
}

// printOutcomes lists, row by row, the clients a check found new and the
// ones it found recorded already, or the client each visit is for.
func printOutcomes(w io.Writer, sum interchange.ImportSummary) {
	for _, o := range sum.Outcomes {
		if o.Visit {
			fmt.Fprintf(w, "  row %d: %s: matches %s\n", o.Row, o.Name, o.Match)
			continue
		}
		if o.Match == "" {
			fmt.Fprintf(w, "  row %d: %s: new\n", o.Row, o.Name)
		} else {
			fmt.Fprintf(w, "  row %d: %s: already recorded (%s)\n", o.Row, o.Name, o.Match)
		}
	}
}

var importUndoUsage = `backtrack import undo [--db PATH] [--dry-run]
  takes back the last import of clients, or of visits read through a mapping, as one step, while nothing has been recorded on its clients since`

// runImportUndo takes back the last import of clients.
func runImportUndo(ctx context.Context, env Env, args []string) error {
	var db string
	var dry bool
	fs := newFlags("import undo", &db)
	fs.BoolVar(&dry, "dry-run", false, "say which import would be undone, and undo nothing")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	s, err := openExisting(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	if dry {
		batch, found, err := s.LastImport(ctx)
		switch {
		case err != nil:
			return err
		case !found:
			return sqlstore.ErrNoImportToUndo
		}
		fmt.Fprintf(env.Stdout, "Would undo %s. Nothing was changed.\n", batch.Words())
		return nil
	}
	batch, err := s.UndoLastImport(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Undid %s: what it added is removed; the record's history keeps the import and the undo.\n", batch.Words())
	return nil
}
