package interchange

import (
	"backtrack/store"
	"backtrack/store/recordjson"
	"backtrack/store/safefile"
	"backtrack/store/sqlstore"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ExportFileFormat is the kind of files an export writes.
type ExportFileFormat string

// The export formats: one JSON file that imports back losslessly, or CSV
// files for spreadsheets and other systems.
const (
	ExportJSON ExportFileFormat = "json"
	ExportCSV  ExportFileFormat = "csv"
)

// The files an export writes into its folder.
const (
	ExportJSONName       = "backtrack.json"
	ExportClientsName    = "clients.csv"
	ExportSessionsName   = "sessions.csv"
	ExportVocabularyName = "vocabulary.csv"
	ExportMeasuresName   = "measures.csv"
	// ExportHeadName is beside the CSV files: the head of the record's
	// history as exported, so the copy anchors the history as a backup and a
	// printed report do (a JSON export holds the whole history).
	ExportHeadName = "history-head.txt"
)

// utf8BOM lets spreadsheet programs recognise the CSV files as UTF-8.
const utf8BOM = "\ufeff"

// ExportTo writes everything as JSON or CSV into the folder dir, which must
// not exist yet or be empty, and returns the files written (0600 in a 0700
// folder). The folder appears whole or not at all: the files are written
// into a partial folder beside it, which takes dir's name once every file
// is complete.
func ExportTo(ctx context.Context, s *sqlstore.Store, dir string, format ExportFileFormat) ([]string, error) {
	if format != ExportJSON && format != ExportCSV {
		return nil, fmt.Errorf("export: unknown format %q (json or csv)", format)
	}
	if err := refuseFilledDir(dir); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	parent := filepath.Dir(dir)
	if err := safefile.PrivateDir(parent); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	safefile.SweepPartials(parent)
	partial, err := safefile.PartialDir(parent)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	defer os.RemoveAll(partial)
	var names []string
	// every file from one snapshot, each written by walking it again
	err = s.Snapshot(ctx, func(r *sqlstore.Snapshot) error {
		writers := map[string]func(io.Writer) error{}
		if format == ExportJSON {
			writers[ExportJSONName] = func(w io.Writer) error { return writeJSON(r, w) }
		} else {
			writers[ExportClientsName] = func(w io.Writer) error { return writeClientsCSV(w, r) }
			writers[ExportSessionsName] = func(w io.Writer) error { return writeSessionsCSV(w, r) }
			writers[ExportVocabularyName] = func(w io.Writer) error { return writeVocabularyCSV(w, r) }
			writers[ExportMeasuresName] = func(w io.Writer) error { return writeMeasuresCSV(w, r) }
			writers[ExportHeadName] = func(w io.Writer) error { return writeHead(w, r) }
		}
		for _, name := range []string{ExportJSONName, ExportClientsName, ExportSessionsName, ExportMeasuresName, ExportVocabularyName, ExportHeadName} {
			write, ok := writers[name]
			if !ok {
				continue
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := safefile.WriteAtomic(filepath.Join(partial, name), write); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if err := refuseFilledDir(dir); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	os.Remove(dir) // empty, or not there: the whole folder takes its place
	if err := os.Rename(partial, dir); err != nil {
		return nil, fmt.Errorf("export: save %s: %w", dir, err)
	}
	if err := safefile.SyncDir(parent); err != nil {
		return nil, fmt.Errorf("export: save %s: %w", dir, err)
	}
	written := make([]string, len(names))
	for i, name := range names {
		written[i] = filepath.Join(dir, name)
	}
	return written, nil
}

// refuseFilledDir keeps an export from mixing with files already in dir.
func refuseFilledDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		if st, statErr := os.Stat(dir); statErr == nil && !st.IsDir() {
			return fmt.Errorf("%s is a file, not a folder", dir)
		}
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s already has files in it; choose a new or empty folder: %w", dir, os.ErrExist)
	}
	return nil
}

// Column names of the CSV files; imports read the same names.
var (
	clientCSVColumns = []string{"id", "first_name", "last_name", "date_of_birth", "phone", "email",
		"medical_history", "medications", "contraindications", "archived"}
	sessionCSVColumns = []string{"id", "client_id", "client", "client_date_of_birth", "date", "duration_min",
		"pain_before", "pain_after", "pain_types", "locations", "triggers", "trigger_other",
		"muscles", "techniques", "subjective", "objective", "assessment", "plan", "home_care", "body_map",
		"home_programme", "adherence"}
	vocabularyCSVColumns = []string{"kind", "name", "builtin", "retired"}
)

func writeClientsCSV(w io.Writer, r *sqlstore.Snapshot) error {
	return writeCSV(w, clientCSVColumns, func(row func(...string) error) error {
		return eachClient(r, func(c ExportClient) error {
			return row(c.ID, c.FirstName, c.LastName, c.DateOfBirth, c.Phone, c.Email,
				c.MedicalHistory, c.Medications, c.Contraindications, yesNo(c.Archived))
		})
	})
}

func writeSessionsCSV(w io.Writer, r *sqlstore.Snapshot) error {
	return writeCSV(w, sessionCSVColumns, func(row func(...string) error) error {
		return eachClient(r, func(c ExportClient) error {
			name := strings.TrimSpace(c.FirstName + " " + c.LastName)
			for _, s := range c.Sessions {
				if s.VoidedAt != "" {
					continue // entered in error: a spreadsheet would read it as a visit
				}
				if err := row(s.ID, c.ID, name, c.DateOfBirth, s.Start, strconv.Itoa(s.DurationMin),
					painText(s.PainBefore), painText(s.PainAfter), tagList(s.PainTypes),
					locationsCell(s), tagList(s.Triggers), s.TriggerOther, tagList(s.Muscles),
					tagList(s.Techniques), s.Subjective, s.Objective, s.Assessment, s.Plan,
					s.HomeCare, bodyMapCell(s.BodyMap), programmeCell(s.Programme), adherenceCell(s.Adherence)); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

func writeVocabularyCSV(w io.Writer, r *sqlstore.Snapshot) error {
	vocabulary, err := exportTerms(r)
	if err != nil {
		return err
	}
	return writeCSV(w, vocabularyCSVColumns, func(row func(...string) error) error {
		for _, t := range vocabulary {
			if err := row(string(t.Kind), t.Name, yesNo(t.Builtin), yesNo(t.Retired)); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeCSV writes a BOM, the header and the rows, every text cell guarded
// against being read as a spreadsheet formula.
func writeCSV(w io.Writer, header []string, rows func(row func(...string) error) error) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180, as Excel writes and expects on every system
	if err := cw.Write(header); err != nil {
		return err
	}
	err := rows(func(cells ...string) error {
		for i := range cells {
			cells[i] = guardFormula(cells[i])
		}
		return cw.Write(cells)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// formulaStarts are first characters that make a spreadsheet evaluate a
// cell ("=HYPERLINK(...)" in a client's name must stay text).
const formulaStarts = "=+-@\t\r"

// cellSeparators are the characters a spreadsheet may split a line at,
// whatever separator the file was written with: a semicolon-locale
// spreadsheet reads "a;=1+1" as two cells, the second a formula.
const cellSeparators = ",;\t\r\n"

// guardFormula puts an apostrophe at every place a spreadsheet could
// start a cell, the cell's start and after each separator (spaces
// skipped), where what follows begins with a formula character, or is an
// apostrophe before one: unguardFormula, on import, then takes away
// exactly what was added.
func guardFormula(cell string) string {
	if _, err := strconv.Atoi(cell); err == nil {
		return cell // a plain negative number is a number, not a formula
	}
	var b strings.Builder
	atStart := true
	for i := 0; i < len(cell); i++ {
		if atStart && cell[i] != ' ' {
			atStart = false
			if evaluates(cell[i:]) || guarded(cell[i:]) {
				b.WriteByte('\'')
			}
		}
		b.WriteByte(cell[i])
		atStart = atStart || strings.IndexByte(cellSeparators, cell[i]) >= 0
	}
	return b.String()
}

func unguardFormula(cell string) string {
	var b strings.Builder
	atStart := true
	for i := 0; i < len(cell); i++ {
		if atStart && cell[i] != ' ' {
			atStart = false
			if guarded(cell[i:]) {
				continue // the apostrophe guardFormula added
			}
		}
		b.WriteByte(cell[i])
		atStart = atStart || strings.IndexByte(cellSeparators, cell[i]) >= 0
	}
	return b.String()
}

// evaluates reports whether s starts with a formula character.
func evaluates(s string) bool { return s != "" && strings.IndexByte(formulaStarts, s[0]) >= 0 }

// guarded reports whether s starts with an apostrophe before a formula
// character or another apostrophe: what guardFormula writes.
func guarded(s string) bool { return len(s) > 1 && s[0] == '\'' && (evaluates(s[1:]) || s[1] == '\'') }

// tagList writes tags the way the sessions import reads them:
// "Gluteus medius (left); Stiffness".
func tagList(tags []recordjson.Tag) string {
	parts := make([]string, len(tags))
	for i, t := range tags {
		parts[i] = t.Name
		if t.Side != store.NoSide {
			parts[i] += " (" + string(t.Side) + ")"
		}
	}
	return strings.Join(parts, "; ")
}

func painText(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// writeHead writes the head of the record's history as this export read it.
func writeHead(w io.Writer, r *sqlstore.Snapshot) error {
	seq, hash, err := r.AuditHead()
	if err != nil {
		return err
	}
	head := store.LogHead{Seq: seq, Hash: hash}
	if head.Short() == "" {
		_, err = fmt.Fprintln(w, "The record's history was empty when this export was taken.")
		return err
	}
	_, err = fmt.Fprintf(w, "The record's history, when this export was taken, ended at %s.\nEntry: %d\nHash: %s\n"+
		"A history that lacks this entry later was cut short or replaced (backtrack check says so).\n", head.Short(), seq, hash)
	return err
}
