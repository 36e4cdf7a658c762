package interchange

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"backtrack/store"
	"backtrack/store/dates"
)

// csvDates reads a CSV file's date columns, each in the order its own
// values show (a day over 12 in the first place: day-first), or in the
// order the importer was told (ImportOptions.DateOrder); never in the
// order of this computer's locale, since a file may come from anywhere,
// and never guessed: a column whose every date could be read both ways is
// a problem naming its first such row.
//
// Rows stream through while no date waits for its column's order; from the
// first that does, rows are held until a later row of that column shows
// the order, and then go on in file order.
type csvDates struct {
	columns []string // the date columns the file has
	given   dates.Order
	order   map[string]dates.Order
	shownBy map[string]csvCell // the row that showed a column's order
	unsure  map[string]csvCell // the first row waiting for its column's order
	held    []csvRow
}

// csvDateColumns are the date columns of every CSV import.
var csvDateColumns = []string{"date", "date_of_birth", "client_date_of_birth"}

// csvCell is a value and the row it stands in.
type csvCell struct {
	row   int
	value string
}

// newCSVDates reads the columns among names that t has, in given order
// when it is not dates.Unknown.
func newCSVDates(t *csvTable, given dates.Order, names ...string) *csvDates {
	d := &csvDates{given: given, order: map[string]dates.Order{}, shownBy: map[string]csvCell{}, unsure: map[string]csvCell{}}
	for _, name := range names {
		if t.has(name) {
			d.columns = append(d.columns, name)
		}
	}
	return d
}

// see takes a row in and returns the rows that may now be read, in file
// order: none while some date column's order is still to be shown.
func (d *csvDates) see(t *csvTable, row csvRow) []csvRow {
	if d.given != dates.Unknown {
		return []csvRow{row}
	}
	for _, col := range d.columns {
		if d.order[col] != dates.Unknown {
			continue
		}
		value, _ := dayPart(t.get(row, col))
		switch o, err := dates.OrderOfColumn([]string{value}); {
		case o != dates.Unknown:
			d.order[col], d.shownBy[col] = o, csvCell{row.number, value}
			delete(d.unsure, col)
		case errors.Is(err, dates.ErrAmbiguous):
			if _, waiting := d.unsure[col]; !waiting {
				d.unsure[col] = csvCell{row.number, value}
			}
		}
	}
	d.held = append(d.held, row)
	if len(d.unsure) > 0 {
		return nil
	}
	ready := d.held
	d.held = nil
	return ready
}

// problems are the columns whose order no row showed, each named at its
// first date that could be read both ways; the rows held for them are not
// read.
func (d *csvDates) problems() []ImportProblem {
	var out []ImportProblem
	for _, col := range d.columns {
		if c, waiting := d.unsure[col]; waiting {
			out = append(out, ImportProblem{Row: c.row, Column: col, Message: fmt.Sprintf(
				"%q could be day-first or month-first, and no date in the column has a day over 12 to tell which: "+
					"say which comes first (Dates in the import dialog, or --dates day-first|month-first on the command line); nothing was guessed",
				store.Clip(c.value))})
		}
	}
	return out
}

// read reads a date of column in the column's order; a value against that
// order says which row showed it.
func (d *csvDates) read(column, value string) (time.Time, error) {
	order := d.given
	if order == dates.Unknown {
		order = d.order[column]
	}
	t, err := dates.Read(value, order)
	if err != nil && d.given == dates.Unknown && order != dates.Unknown {
		shown := d.shownBy[column]
		return t, fmt.Errorf("%v; this column writes dates %s, as row %d shows (%s)", err, order, shown.row, store.Clip(shown.value))
	}
	return t, err
}

// dayPart is the date of a date and time ("07/12/2026 14:00",
// "2026-12-07T14:00"); the rest is its time.
func dayPart(s string) (day, clock string) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexAny(s, " T"); i > 0 && strings.Contains(s[i:], ":") {
		return strings.TrimSpace(s[:i]), s[i+1:]
	}
	return s, ""
}

// startTimeLayouts are the times a session date may carry after its day.
var startTimeLayouts = []string{"15:04", "15:04:05"}

// readStart reads a session's date, with or without a time after it, as
// the wall clock of its start (store.WallClock); readDay reads the date.
func readStart(s string, readDay func(string) (time.Time, error)) (time.Time, error) {
	date, clock := dayPart(s)
	day, err := readDay(date)
	if err != nil || clock == "" {
		return store.WallClock(day), err
	}
	for _, layout := range startTimeLayouts {
		if c, err := time.Parse(layout, clock); err == nil {
			return time.Date(day.Year(), day.Month(), day.Day(), c.Hour(), c.Minute(), c.Second(), 0, time.UTC), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time like 14:00", store.Clip(clock))
}
