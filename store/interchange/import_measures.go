package interchange

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// Columns the measures CSV reads: one row per answer. The rows of one
// client, date and measure make one completed measure.
var (
	measureCSVColumns     = []string{"client_id", "client", "client_date_of_birth", "date", "measure", "item", "score"}
	measureImportRequired = []string{"client|client_id", "date", "measure", "item", "score"}
)

// ImportMeasuresCSV brings a practice's paper forms in from a CSV of
// client,date,measure,item,score in one transaction: all of them, or none
// when any cell has a problem, each named by its row and column. An ODI
// section with no row is skipped; a measure already recorded for the
// client on that date is not added again.
func ImportMeasuresCSV(ctx context.Context, s *sqlstore.Store, r io.Reader, opts ImportOptions) (ImportSummary, error) {
	var sum ImportSummary
	table, problems := openCSVTable(r, measureCSVColumns, measureImportRequired)
	if table == nil {
		sum.Problems = problems
		return sum, &ImportError{Problems: problems}
	}
	table.dates = newCSVDates(table, opts.DateOrder, csvDateColumns...)
	err := runImport(ctx, s, opts, &sum, func(im *importer) error {
		rows, err := table.readAll(im.problem)
		if err != nil {
			return err
		}
		for _, row := range table.rows {
			table.dates.see(table, row)
		}
		if problems := table.dates.problems(); len(problems) > 0 {
			for _, p := range problems {
				im.problem(p)
			}
			return nil
		}
		if !rows && len(sum.Problems) == 0 {
			im.problem(noRows)
		}
		sum.Rows = len(table.rows)
		return im.measureRows(table)
	})
	return sum, err
}

// measureForm is the rows of one completed measure.
type measureForm struct {
	m    store.Measure
	rows []int // row numbers, in file order
	ok   bool
}

func (im *importer) measureRows(t *csvTable) error {
	var order []string
	forms := map[string]*measureForm{}
	for _, row := range t.rows {
		report := func(column, msg string) { im.problem(ImportProblem{Row: row.number, Column: column, Message: msg}) }
		ok := true
		client, column, problem, err := im.sessionClient(t, row)
		if err != nil {
			return fmt.Errorf("row %d: %w", row.number, err)
		}
		if problem != nil {
			report(column, problem.Error())
			ok = false
		}
		taken, err := t.dates.read("date", t.get(row, "date"))
		if err != nil {
			report("date", err.Error())
			ok = false
		}
		kind, known := store.ParseMeasureKind(t.get(row, "measure"))
		if !known {
			report("measure", fmt.Sprintf("%q is not a measure: write odi, rmdq or psfs", store.Clip(t.get(row, "measure"))))
			ok = false
		}
		score, err := strconv.Atoi(t.get(row, "score"))
		if err != nil {
			report("score", fmt.Sprintf("%q is not a whole number", store.Clip(t.get(row, "score"))))
			ok = false
		}
		item := store.MeasureItem{Item: t.get(row, "item"), Score: score}
		if known {
			if _, part, msg := kind.CheckItem(item); msg != "" && (part == "item" || err == nil) {
				report(part, msg)
				ok = false
			}
		}
		day := taken.Format(store.DateLayout)
		key := fmt.Sprintf("%d|%s|%s", client.ID, day, kind)
		f := forms[key]
		if f == nil {
			f = &measureForm{ok: true, m: store.Measure{ClientID: client.ID, Kind: kind}}
			f.m.Taken, _ = store.ParseWallClock(store.DateLayout, day)
			forms[key] = f
			order = append(order, key)
		}
		f.rows = append(f.rows, row.number)
		f.ok = f.ok && ok
		if ok {
			if prev, dup := f.item(item); dup {
				report("item", fmt.Sprintf("%s is answered twice (also on row %d)", kind.ItemName(item), prev))
				f.ok = false
			}
			f.m.Items = append(f.m.Items, item)
		}
	}
	for _, key := range order {
		f := forms[key]
		if !f.ok || im.tooMany() {
			continue
		}
		if msg := f.m.Kind.CheckCount(len(f.m.Items)); msg != "" {
			im.problem(ImportProblem{Row: f.rows[0], Column: "item", Message: fmt.Sprintf("%s (the %s of %s, rows %s)",
				msg, f.m.Kind.Label(), f.m.Taken.Format(store.DateLayout), rowList(f.rows))})
			continue
		}
		present, err := im.measurePresent(f.m)
		if err != nil {
			return err
		}
		if present {
			im.sum.MeasuresPresent++
			continue
		}
		_, err = im.b.SaveMeasure(f.m)
		if reportValidation("", err, func(_, column, msg string) {
			im.problem(ImportProblem{Row: f.rows[0], Column: measureColumnOf(column), Message: msg})
		}) {
			continue
		}
		if err != nil {
			return fmt.Errorf("row %d: %w", f.rows[0], err)
		}
		im.sum.MeasuresAdded++
	}
	return nil
}

// item reports the row of an answer already given in the form.
func (f *measureForm) item(it store.MeasureItem) (int, bool) {
	key, _, _ := f.m.Kind.CheckItem(it)
	for i, have := range f.m.Items {
		if k, _, _ := f.m.Kind.CheckItem(have); k == key {
			return f.rows[i], true
		}
	}
	return 0, false
}

func measureColumnOf(field string) string {
	switch field {
	case "items":
		return "item"
	case "measure", "date":
		return field
	}
	return "client"
}

// measurePresent reports a measure of the same kind already recorded for
// the client on that day.
func (im *importer) measurePresent(m store.Measure) (bool, error) {
	return im.b.MeasureTaken(m.ClientID, m.Kind, m.Taken.Format(store.DateLayout))
}

func rowList(rows []int) string {
	if len(rows) > 1 && rows[len(rows)-1]-rows[0] == len(rows)-1 {
		return fmt.Sprintf("%d-%d", rows[0], rows[len(rows)-1])
	}
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = strconv.Itoa(r)
	}
	return strings.Join(parts, ", ")
}

// writeMeasuresCSV writes every measure in the format the import reads:
// one row per answer.
func writeMeasuresCSV(w io.Writer, r *sqlstore.Snapshot) error {
	return writeCSV(w, measureCSVColumns, func(row func(...string) error) error {
		return eachClient(r, func(c ExportClient) error {
			name := strings.TrimSpace(c.FirstName + " " + c.LastName)
			for _, m := range c.Measures {
				for _, it := range m.Items {
					if err := row(c.ID, name, c.DateOfBirth, m.Date, m.Measure, it.Item, strconv.Itoa(it.Score)); err != nil {
						return err
					}
				}
			}
			return nil
		})
	})
}
