package interchange

import (
	"backtrack/store"
	"backtrack/store/sqlstore"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxImportSize bounds an import file: far above any practice's records,
// low enough that a wrong file cannot exhaust memory.
const MaxImportSize = 64 << 20

// csvTable is a CSV file read for import: the columns it has, by their
// normalised names, and its rows numbered as a spreadsheet shows them.
type csvTable struct {
	columns map[string]int
	rows    []csvRow
}

// csvRow is one record; number counts the header as row 1.
type csvRow struct {
	number int
	cells  []string
}

// get returns the trimmed cell of a column, "" when the file lacks it.
func (t *csvTable) get(r csvRow, column string) string {
	i, ok := t.columns[column]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

// has reports whether the file has a column.
func (t *csvTable) has(column string) bool {
	_, ok := t.columns[column]
	return ok
}

// readImportData reads all of r, refusing more than MaxImportSize.
func readImportData(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxImportSize {
		return nil, fmt.Errorf("the file is larger than %d MB; is it the right file?", MaxImportSize>>20)
	}
	return data, nil
}

// readCSVTable parses data as a CSV file whose header names columns from
// known, all of required among them. Every problem is returned with the row
// and column it concerns; a file-level problem has row 0.
func readCSVTable(data []byte, known, required []string) (*csvTable, []ImportProblem) {
	if p := textFileProblem(data); p != "" {
		return nil, []ImportProblem{{Message: p}}
	}
	data = bytes.TrimPrefix(data, []byte(utf8BOM))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = guessDelimiter(data)
	cr.FieldsPerRecord = -1 // counted below, with a clearer message
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, []ImportProblem{{Message: "The file is empty."}}
	}
	if err != nil {
		return nil, []ImportProblem{csvParseProblem(err, 1)}
	}
	t := &csvTable{columns: map[string]int{}}
	var problems []ImportProblem
	var unknown []string
	for i, name := range header {
		col := normaliseColumn(name)
		switch {
		case col == "":
			problems = append(problems, ImportProblem{Row: 1, Message: fmt.Sprintf("Column %d has no name in the header row.", i+1)})
		case !contains(known, col):
			unknown = append(unknown, fmt.Sprintf("%q", store.Clip(strings.TrimSpace(name))))
		case t.has(col):
			problems = append(problems, ImportProblem{Row: 1, Column: col, Message: fmt.Sprintf("Column %q appears twice.", col)})
		default:
			t.columns[col] = i
		}
	}
	// One problem for all unknown columns: a file meant for another import
	// would otherwise fill the list with them.
	switch len(unknown) {
	case 0:
	case 1:
		problems = append(problems, ImportProblem{Row: 1, Message: fmt.Sprintf(
			"Unknown column %s. Columns this import reads: %s.", unknown[0], strings.Join(known, ", "))})
	default:
		problems = append(problems, ImportProblem{Row: 1, Message: fmt.Sprintf(
			"Unknown columns %s. Is this the right kind of file? Columns this import reads: %s.",
			strings.Join(unknown, ", "), strings.Join(known, ", "))})
	}
	for _, col := range required {
		// "a|b": either column will do
		alternatives := strings.Split(col, "|")
		if !slices.ContainsFunc(alternatives, t.has) {
			msg := fmt.Sprintf("The header has no %q column; it is required.", col)
			if len(alternatives) > 1 {
				msg = fmt.Sprintf("The header has no %q or %q column; one of them is required.", alternatives[0], alternatives[1])
			}
			problems = append(problems, ImportProblem{Row: 1, Column: alternatives[0], Message: msg})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	for number := 2; ; number++ {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, append(problems, csvParseProblem(err, number))
		}
		if blankRow(cells) {
			continue
		}
		if len(cells) != len(header) {
			problems = append(problems, ImportProblem{Row: number, Message: fmt.Sprintf(
				"The row has %d values but the header has %d columns; a value that contains %q must be in double quotes.",
				len(cells), len(header), string(cr.Comma))})
			continue
		}
		for i, cell := range cells {
			if !utf8.ValidString(cell) {
				problems = append(problems, ImportProblem{Row: number, Column: normaliseColumn(header[i]),
					Message: "The value is not UTF-8 text; save the file as \"CSV UTF-8\"."})
				cells[i] = ""
				continue
			}
			cells[i] = unguardFormula(strings.TrimSpace(cell))
		}
		t.rows = append(t.rows, csvRow{number: number, cells: cells})
	}
	if len(t.rows) == 0 && len(problems) == 0 {
		problems = append(problems, ImportProblem{Message: "The file has a header but no rows to import."})
	}
	return t, problems
}

// textFileProblem recognises files that are not CSV text at all: empty,
// UTF-16, or binary (a picture or spreadsheet renamed .csv).
func textFileProblem(data []byte) string {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte(utf8BOM)))
	switch {
	case len(trimmed) == 0:
		return "The file is empty."
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "The file is UTF-16 text; save it as \"CSV UTF-8\" and import it again."
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "This is a spreadsheet or zip file, not CSV; save it as \"CSV UTF-8\" and import that."
	case bytes.IndexByte(data, 0) >= 0:
		return "This is not a CSV text file (it contains binary data)."
	}
	line, _, _ := bytes.Cut(data, []byte("\n"))
	if !utf8.Valid(line) {
		return "The first row is not UTF-8 text; is this a CSV file? Save it as \"CSV UTF-8\"."
	}
	return ""
}

// guessDelimiter picks comma, semicolon or tab by what the header line has
// most of outside quotes; spreadsheets in many languages write semicolons.
func guessDelimiter(data []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range string(data) {
		if r == '"' {
			quoted = !quoted
		}
		if r == '\n' && !quoted {
			break
		}
		if !quoted {
			counts[r]++
		}
	}
	best := ','
	for _, d := range []rune{';', '\t'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

// normaliseColumn reads "First Name", " first-name " and "FIRST_NAME" alike.
func normaliseColumn(name string) string {
	name = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, utf8BOM)))
	name = strings.Trim(name, `"'`)
	return strings.Join(strings.FieldsFunc(name, func(r rune) bool {
		return r == ' ' || r == '-' || r == '_'
	}), "_")
}

// csvParseProblem turns a CSV syntax error into a problem on its row.
func csvParseProblem(err error, row int) ImportProblem {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			msg = "a quote (\") is not closed or stands inside an unquoted value"
		}
		return ImportProblem{Row: row, Message: fmt.Sprintf("The file cannot be read from here (line %d): %s.", pe.StartLine, msg)}
	}
	return ImportProblem{Row: row, Message: "The file cannot be read: " + err.Error()}
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// importCSV reads a CSV file into a table with the given columns and runs
// addRow on every row in one import transaction: all rows or none.
func importCSV(ctx context.Context, s *sqlstore.Store, r io.Reader, opts ImportOptions, columns, required []string,
	addRow func(*importer, *csvTable, csvRow) error) (ImportSummary, error) {
	var sum ImportSummary
	data, err := readImportData(r)
	if err != nil {
		sum.Problems = []ImportProblem{{Message: err.Error()}}
		return sum, &ImportError{Problems: sum.Problems}
	}
	table, problems := readCSVTable(data, columns, required)
	if table == nil {
		sum.Problems = problems
		return sum, &ImportError{Problems: problems}
	}
	sum.Problems = problems
	sum.Rows = len(table.rows)
	err = runImport(ctx, s, opts, &sum, func(im *importer) error {
		for _, row := range table.rows {
			if im.tooMany() {
				return nil
			}
			if err := addRow(im, table, row); err != nil {
				return err
			}
		}
		return nil
	})
	return sum, err
}
