package interchange

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"backtrack/store"
	"backtrack/store/dates"
	"backtrack/store/sqlstore"
)

// ImportMappedClientsCSV adds the clients of a list with any column names,
// read through m (made for this file's header: ClientList.Guess, a
// preset, the therapist's choices): each row becomes a row of our own
// columns and goes through the same checks and the same one transaction
// as ImportClientsCSV. Problems name the file's own columns. The clients
// added are one import that can be undone.
func ImportMappedClientsCSV(ctx context.Context, s *sqlstore.Store, r io.Reader, m Mapping, opts ImportOptions) (ImportSummary, error) {
	opts.undoable = true
	return importMapped(ctx, s, r, m, opts, Mapping.translateClient, (*importer).clientRow)
}

// importMapped reads a list through m: each row is translated into a row
// of the kind's own columns and given to addRow, in one transaction.
//
// The file is read twice, so it is held whole: once for the order of its
// dates (a column's order is told by all its values), then to import. A
// client list is a few thousand rows at the most, a practice's visits
// some tens of thousands.
func importMapped(ctx context.Context, s *sqlstore.Store, r io.Reader, m Mapping, opts ImportOptions,
	translate func(Mapping, csvRow, func(ImportProblem) bool) (csvRow, bool),
	addRow func(*importer, *csvTable, csvRow) error) (ImportSummary, error) {
	var sum ImportSummary
	data, err := io.ReadAll(r)
	if err != nil {
		return sum, fmt.Errorf("import: %w", err)
	}
	table, problems := openCSVTable(bytes.NewReader(data), nil, nil)
	if table == nil {
		sum.Problems = problems
		return sum, &ImportError{Problems: problems}
	}
	if !sameHeader(table.header, m.Header) {
		problems = append(problems, ImportProblem{Row: 1, Message: "The columns were chosen for a file with other columns; choose them again for this one."})
	}
	problems = append(problems, m.Check()...)
	if len(problems) == 0 && m.DateOrder == dates.Unknown {
		head, _ := ReadListHead(bytes.NewReader(data), -1)
		if m.DateOrder, err = m.ColumnDateOrder(head); err != nil {
			problems = append(problems, ImportProblem{Column: m.firstDateColumn(), Message: err.Error()})
		}
	}
	if len(problems) > 0 {
		sum.Problems = problems
		return sum, &ImportError{Problems: problems}
	}
	table.dates = nil // read by the mapping, in m.DateOrder
	ours := m.kind().ours
	translated := &csvTable{columns: map[string]int{}, header: ours}
	for i, col := range ours {
		translated.columns[col] = i
	}
	// the rows come with their dates read already, as YYYY-MM-DD
	translated.dates = newCSVDates(translated, dates.Unknown)
	err = importRows(ctx, s, opts, &sum, table, func(im *importer, row csvRow) error {
		ourRow, ok := translate(m, row, im.problem)
		if !ok {
			return nil
		}
		return addRow(im, translated, ourRow)
	})
	m.nameColumns(sum.Problems) // in place: the ImportError holds the same list
	return sum, err
}

// firstDateColumn is the file's first column read as dates.
func (m Mapping) firstDateColumn() string {
	for i, f := range m.Fields {
		if slices.Contains(m.kind().dateFields, f) && i < len(m.Header) {
			return columnName(m.Header, i)
		}
	}
	return ""
}

func sameHeader(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if headerKey(a[i]) != headerKey(b[i]) {
			return false
		}
	}
	return true
}

// translateClient turns a row of the file into a row of our client
// columns; a cell that cannot be read is reported, by the file's column,
// and the row is left out (ok false).
func (m Mapping) translateClient(row csvRow, problem func(ImportProblem) bool) (csvRow, bool) {
	cells := make([]string, len(clientImportColumns))
	columnIndex := func(col string) int { return columnIndexIn(clientImportColumns, col) }
	set := func(col, v string) { cells[columnIndex(col)] = v }
	add := func(col, v, sep string) {
		i := columnIndex(col)
		if cells[i] != "" {
			cells[i] += sep
		}
		cells[i] += v
	}
	var kept []string
	var address []string
	ok := true
	report := func(i int, msg string) {
		problem(ImportProblem{Row: row.number, Column: columnName(m.Header, i), Message: msg})
		ok = false
	}
	for i, f := range m.Fields {
		if i >= len(row.cells) || row.cells[i] == "" {
			continue
		}
		v := row.cells[i]
		switch f {
		case FirstName, LastName, Email, Medications, Contraindications, ClientID, Archived:
			set(string(f), v)
		case FullName:
			first, last, split := SplitFullName(v)
			if !split {
				report(i, fmt.Sprintf("%q cannot be split into a first and a last name; write it as \"Last, First\"", store.Clip(v)))
				continue
			}
			set("first_name", first)
			set("last_name", last)
		case DateOfBirth:
			d, err := readDate(v, m.DateOrder)
			if err != nil {
				report(i, err.Error())
				continue
			}
			set("date_of_birth", d)
		case Phone:
			phone, msg := tidyPhone(v)
			switch {
			case msg != "":
				report(i, msg)
			case cells[columnIndex("phone")] == "":
				set("phone", phone)
			default:
				kept = append(kept, columnName(m.Header, i)+": "+phone)
			}
		case Notes:
			add("notes", v, "\n\n")
		case MedicalHistory:
			add("medical_history", v, "\n\n")
		case HealthNumber:
			label := "Health number"
			if name := columnName(m.Header, i); headerKey(name) != "health number" {
				label += " (" + name + ")"
			}
			kept = append(kept, label+": "+v)
		case Address:
			address = append(address, v)
		case KeepAsNote:
			kept = append(kept, columnName(m.Header, i)+": "+v)
		}
	}
	if len(address) > 0 {
		kept = append(kept, "Address: "+strings.Join(address, ", "))
	}
	if len(kept) > 0 {
		add("medical_history", strings.Join(kept, "\n"), "\n\n")
	}
	return csvRow{number: row.number, cells: cells}, ok
}

// columnIndexIn is where col stands among our columns.
func columnIndexIn(columns []string, col string) int {
	i := slices.Index(columns, col)
	if i < 0 {
		panic("no import column " + col)
	}
	return i
}

// nameColumns says each problem's column as the file names it: the
// checks of a client or session speak of our fields.
func (m Mapping) nameColumns(problems []ImportProblem) {
	if m.kind() == SessionList {
		m.nameSessionColumns(problems)
		return
	}
	for i, p := range problems {
		if p.Row < 2 {
			continue
		}
		f := Field(p.Column)
		switch p.Column {
		case "first_name", "last_name":
			if cols := m.Columns(FullName); len(cols) > 0 {
				f = FullName
			}
		case "notes":
			f = Notes
		case "medical_history":
			if len(m.Columns(MedicalHistory)) == 0 {
				f = Notes
			}
		}
		if cols := m.Columns(f); len(cols) > 0 {
			problems[i].Column = cols[0]
		}
		problems[i].Message = strings.ReplaceAll(p.Message, "add date_of_birth or email", "add a date of birth or an email")
	}
}

// readDate reads a date of birth in the column's order, as YYYY-MM-DD.
func readDate(v string, order dates.Order) (string, error) {
	d, err := dates.Read(v, order)
	if err != nil {
		return "", err
	}
	return d.Format(store.DateLayout), nil
}

// shortenedNumber is a phone number a spreadsheet turned into a number and
// wrote in its short form: its digits are lost.
var shortenedNumber = regexp.MustCompile(`^\d(\.\d+)?[eE]\+?\d+$`)

// tidyPhone keeps a phone number as written, its spaces squeezed; one a
// spreadsheet shortened ("4.16555E+09") is a problem, not a number.
func tidyPhone(v string) (string, string) {
	v = strings.Join(strings.Fields(v), " ")
	if shortenedNumber.MatchString(v) {
		return "", fmt.Sprintf("%q is a phone number a spreadsheet shortened into a number, and its digits are lost; format the column as text in the spreadsheet and save the file again", store.Clip(v))
	}
	if len(store.PhoneDigits(v)) < 3 {
		return "", fmt.Sprintf("%q is not a phone number", store.Clip(v))
	}
	return v, ""
}

// nameParticles begin a last name of several words: "Ludwig van Beethoven"
// is Ludwig, van Beethoven.
var nameParticles = map[string]bool{"van": true, "von": true, "de": true, "del": true, "della": true, "der": true,
	"den": true, "di": true, "da": true, "du": true, "dos": true, "das": true, "la": true, "le": true, "ter": true,
	"ten": true, "bin": true, "al": true, "el": true, "st.": true, "mac": true}

// nameSuffixes end a name without being it: "John Smith Jr." is John,
// Smith Jr.
var nameSuffixes = map[string]bool{"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true}

// SplitFullName splits "Núñez, José" (last name first, before a comma) or
// "José Núñez" (the last word, with the particles before it, is the last
// name) into a first and last name; ok is false for a single word.
func SplitFullName(s string) (first, last string, ok bool) {
	s = strings.Join(strings.Fields(s), " ")
	if before, after, comma := strings.Cut(s, ","); comma {
		last, first = strings.TrimSpace(before), strings.TrimSpace(after)
		return first, last, first != "" && last != "" && !strings.Contains(first, ",")
	}
	words := strings.Fields(s)
	end := len(words)
	if end > 2 && nameSuffixes[strings.ToLower(words[end-1])] {
		end--
	}
	if end < 2 {
		return "", "", false
	}
	cut := end - 1
	for cut > 1 && nameParticles[strings.ToLower(words[cut-1])] {
		cut--
	}
	return strings.Join(words[:cut], " "), strings.Join(words[cut:], " "), true
}

// ListHead is the header and first rows of a client list, for the desk to
// show and ListKind.Guess to read.
type ListHead struct {
	Header []string
	Rows   [][]string // up to the number asked, blank rows left out
	Total  int        // the rows read (all of them when the file is read to its end)
}

// ReadListHead reads a list's header and up to n rows (n < 0: all,
// to read a whole column's dates); a file that cannot be read as CSV gives
// its problems.
func ReadListHead(r io.Reader, n int) (ListHead, []ImportProblem) {
	table, problems := openCSVTable(r, nil, nil)
	if table == nil {
		return ListHead{}, problems
	}
	head := ListHead{Header: table.header}
	stop := fmt.Errorf("enough rows")
	_, err := table.eachRow(func(row csvRow) error {
		if n >= 0 && len(head.Rows) == n {
			return stop
		}
		head.Rows = append(head.Rows, row.cells)
		head.Total++
		return nil
	}, func(p ImportProblem) bool { problems = append(problems, p); return len(problems) < maxProblems })
	if err != nil && err != stop {
		problems = append(problems, ImportProblem{Message: err.Error()})
	}
	return head, problems
}

// ColumnDateOrder is the order of day and month in the date of birth
// column, told by its own values (all of them: head read whole); a column
// whose every date could be read both ways is an error saying so, for the
// therapist to choose (Mapping.DateOrder).
func (m Mapping) ColumnDateOrder(head ListHead) (dates.Order, error) {
	var values []string
	for i, f := range m.Fields {
		if !slices.Contains(m.kind().dateFields, f) {
			continue
		}
		for _, row := range head.Rows {
			if i < len(row) {
				day, _ := splitDateTime(row[i])
				values = append(values, day)
			}
		}
	}
	if values == nil {
		return dates.Unknown, nil
	}
	order, err := dates.OrderOfColumn(values)
	var ambiguous *dates.AmbiguousColumnError
	if errors.As(err, &ambiguous) {
		return order, fmt.Errorf("%s. Say whether its dates are day-first (25/11/1980) or month-first (11/25/1980)", err.Error())
	}
	return order, err
}
