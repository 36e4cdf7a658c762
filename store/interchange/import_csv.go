package interchange

import (
	"backtrack/store"
	"backtrack/store/sqlstore"
	"bufio"
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

// csvTable is a CSV file being read for import: the columns it has, by
// their normalised names, and its rows read one at a time, numbered as a
// spreadsheet shows them.
type csvTable struct {
	columns map[string]int
	header  []string
	cr      *csv.Reader
	rows    []csvRow // the rows read by readAll
	dates   *csvDates
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

// csvHeadBytes is how much of a file is looked at before it is read as
// CSV: enough for any header line.
const csvHeadBytes = 64 << 10

// openCSVTable reads the header of a CSV file whose columns come from
// known, all of required among them (known nil: any columns, read by
// position through a Mapping). It returns nil and every problem of
// the file as a whole or of its header (row 1), or the table ready to read
// its rows.
func openCSVTable(r io.Reader, known, required []string) (*csvTable, []ImportProblem) {
	br := bufio.NewReaderSize(r, csvHeadBytes)
	head, err := br.Peek(csvHeadBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, []ImportProblem{{Message: "The file cannot be read: " + err.Error()}}
	}
	if p := textFileProblem(head); p != "" {
		return nil, []ImportProblem{{Message: p}}
	}
	if bytes.HasPrefix(head, []byte(utf8BOM)) {
		br.Discard(len(utf8BOM))
		head = head[len(utf8BOM):]
	}
	cr := csv.NewReader(br)
	cr.Comma = guessDelimiter(head)
	cr.FieldsPerRecord = -1 // counted below, with a clearer message
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, []ImportProblem{{Message: "The file is empty."}}
	}
	if err != nil {
		return nil, []ImportProblem{csvParseProblem(err, 1)}
	}
	t := &csvTable{columns: map[string]int{}, header: header, cr: cr}
	var problems []ImportProblem
	var unknown []string
	for i, name := range header {
		col := normaliseColumn(name)
		switch {
		case known == nil:
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
	return t, nil
}

// eachRow reads the rows one at a time and calls use with each; a row
// with too few or many values is reported through problem instead, and a
// value that is not UTF-8 is reported and read as empty. It stops at a row the file cannot be read past, or when
// use returns an error or problem returns false. It reports false when the
// file had no row at all.
func (t *csvTable) eachRow(use func(csvRow) error, problem func(ImportProblem) bool) (rows bool, err error) {
	for number := 2; ; number++ {
		cells, err := t.cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			problem(csvParseProblem(err, number))
			return true, nil
		}
		if blankRow(cells) {
			continue
		}
		rows = true
		if len(cells) != len(t.header) {
			if !problem(ImportProblem{Row: number, Message: fmt.Sprintf(
				"The row has %d values but the header has %d columns; a value that contains %q must be in double quotes.",
				len(cells), len(t.header), string(t.cr.Comma))}) {
				return rows, nil
			}
			continue
		}
		for i, cell := range cells {
			if !utf8.ValidString(cell) {
				problem(ImportProblem{Row: number, Column: normaliseColumn(t.header[i]),
					Message: "The value is not UTF-8 text; save the file as \"CSV UTF-8\"."})
				cells[i] = ""
				continue
			}
			cells[i] = unguardFormula(strings.TrimSpace(cell))
		}
		if err := use(csvRow{number: number, cells: cells}); err != nil {
			return rows, err
		}
	}
}

// readAll reads every whole row into t.rows, for an import that looks at
// rows together (a measure's form spans several).
func (t *csvTable) readAll(problem func(ImportProblem) bool) (bool, error) {
	return t.eachRow(func(row csvRow) error {
		t.rows = append(t.rows, row)
		return nil
	}, problem)
}

// noRows is said of a file with a header and nothing under it.
var noRows = ImportProblem{Message: "The file has a header but no rows to import."}

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

// importCSV reads a CSV file with the given columns and runs addRow on
// every row as it is read, in one import transaction: all rows or none.
func importCSV(ctx context.Context, s *sqlstore.Store, r io.Reader, opts ImportOptions, columns, required []string,
	addRow func(*importer, *csvTable, csvRow) error) (ImportSummary, error) {
	var sum ImportSummary
	table, problems := openCSVTable(r, columns, required)
	if table == nil {
		sum.Problems = problems
		return sum, &ImportError{Problems: problems}
	}
	table.dates = newCSVDates(table, opts.DateOrder, csvDateColumns...)
	err := importRows(ctx, s, opts, &sum, table, func(im *importer, row csvRow) error {
		return addRow(im, table, row)
	})
	return sum, err
}

// importRows gives every row of table to use inside one import
// transaction, kept only when no row had a problem: the one row loop of
// every CSV import, plain or mapped, clients or sessions. eachRow passes
// over blank rows and reads each cell (UTF-8, a formula's guard); when
// table.dates is set, rows wait there until their date columns show their
// order. Reading stops once there are too many problems to list.
func importRows(ctx context.Context, s *sqlstore.Store, opts ImportOptions, sum *ImportSummary, table *csvTable,
	use func(*importer, csvRow) error) error {
	return runImport(ctx, s, opts, sum, func(im *importer) error {
		rows, err := table.eachRow(func(row csvRow) error {
			ready := []csvRow{row}
			if table.dates != nil {
				ready = table.dates.see(table, row)
			}
			for _, r := range ready {
				if im.tooMany() {
					return errTooMany
				}
				sum.Rows++
				if err := use(im, r); err != nil {
					return err
				}
			}
			return nil
		}, im.problem)
		if table.dates != nil {
			for _, p := range table.dates.problems() {
				im.problem(p)
			}
		}
		if !rows && len(sum.Problems) == 0 {
			im.problem(noRows)
		}
		if errors.Is(err, errTooMany) {
			return nil
		}
		return err
	})
}

// errTooMany stops reading a file once there are too many problems to list.
var errTooMany = errors.New("too many problems")
