package interchange

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"backtrack/store"
	"backtrack/store/dates"
	"backtrack/store/sqlstore"
)

// ImportMappedSessionsCSV adds the visits of a list with any column names,
// read through m (SessionList.Guess, a preset, the therapist's choices),
// each for a client recorded already and found by the list's client
// columns: each row becomes a row of the sessions CSV's own columns and
// goes through the same checks, the same notes (unsigned drafts, as the
// plain sessions import leaves them) and the same one transaction as
// ImportSessionsCSV; the sessions added are one import that can be undone
// while nothing has been recorded on their clients since. A muscle name the vocabulary does not know, even by
// its short forms, is a problem on its row with the nearest names; never
// added or dropped unsaid.
func ImportMappedSessionsCSV(ctx context.Context, s *sqlstore.Store, r io.Reader, m Mapping, opts ImportOptions) (ImportSummary, error) {
	opts.undoable = true
	return importMapped(ctx, s, r, m, opts, Mapping.translateSession, func(im *importer, t *csvTable, row csvRow) error {
		im.readShortForms, im.knownMusclesOnly = true, true
		return im.sessionRow(t, row)
	})
}

// sessionColumnOfField is the column of the sessions CSV each list field
// fills; lists are joined with "; ", notes with a blank line.
var sessionColumnOfField = map[Field]string{
	ClientID: "client_id", ClientBirth: "client_date_of_birth", Duration: "duration_min",
	PainBefore: "pain_before", PainAfter: "pain_after", PainType: "pain_types", Region: "locations",
	Triggers: "triggers", Muscles: "muscles", Techniques: "techniques", Notes: "notes",
	Subjective: "subjective", Objective: "objective", Assessment: "assessment", Plan: "plan",
}

// translateSession turns a row of the file into a row of our session
// columns; a cell that cannot be read is reported, by the file's column,
// and the row is left out (ok false).
func (m Mapping) translateSession(row csvRow, problem func(ImportProblem) bool) (csvRow, bool) {
	cells := make([]string, len(sessionImportColumns))
	add := func(col, v, sep string) {
		i := columnIndexIn(sessionImportColumns, col)
		if cells[i] != "" {
			cells[i] += sep
		}
		cells[i] += v
	}
	ok := true
	report := func(i int, msg string) {
		problem(ImportProblem{Row: row.number, Column: columnName(m.Header, i), Message: msg})
		ok = false
	}
	var full, first, last, email, day, clock string
	var kept []string
	for i, f := range m.Fields {
		if i >= len(row.cells) || row.cells[i] == "" {
			continue
		}
		v := row.cells[i]
		switch f {
		case ClientFullName:
			full = v
			if f, l, split := SplitFullName(v); split && strings.Contains(v, ",") {
				full = f + " " + l // "Doe, Jane" names Jane Doe
			}
		case ClientFirst:
			first = v
		case ClientLast:
			last = v
		case ClientEmail:
			email = v
		case ClientBirth:
			d, err := readDate(v, m.DateOrder)
			if err != nil {
				report(i, err.Error())
				continue
			}
			add("client_date_of_birth", d, "")
		case VisitDate:
			d, c, err := readVisitDate(v, m.DateOrder)
			if err != nil {
				report(i, err.Error())
				continue
			}
			day = d
			if c != "" && clock == "" {
				clock = c
			}
		case VisitTime:
			c, err := readClock(v)
			if err != nil {
				report(i, err.Error())
				continue
			}
			clock = c
		case Duration:
			add("duration_min", strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(v), "min"), "minutes")), "")
		case PainType, Region, Triggers, Muscles, Techniques:
			add(sessionColumnOfField[f], v, "; ")
		case Notes, Subjective, Objective, Assessment, Plan:
			add(sessionColumnOfField[f], v, "\n\n")
		case PainBefore, PainAfter, ClientID:
			add(sessionColumnOfField[f], v, "")
		case KeepAsNote:
			kept = append(kept, columnName(m.Header, i)+": "+v)
		}
	}
	client := full
	if client == "" {
		client = strings.TrimSpace(first + " " + last)
	}
	if client == "" {
		client = email // found by email when the list names no one
	}
	add("client", client, "")
	if day != "" {
		add("date", strings.TrimSpace(day+" "+clock), "")
	}
	if len(kept) > 0 {
		add("notes", strings.Join(kept, "\n"), "\n\n")
	}
	return csvRow{number: row.number, cells: cells}, ok
}

// readVisitDate reads a visit's date, and its time when the cell has one,
// as "2026-12-07" and "14:30": a date in the column's order with a time
// after it ("07/12/2026 2:30 PM"), or a time with its zone
// ("2026-12-07T03:30:00Z", as an app's export writes it), read as this
// computer's local time.
func readVisitDate(v string, order dates.Order) (day, clock string, err error) {
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		local := t.In(time.Local)
		return local.Format(store.DateLayout), local.Format("15:04"), nil
	}
	datePart, timePart := splitDateTime(v)
	d, err := dates.Read(datePart, order)
	if err != nil {
		return "", "", err
	}
	if timePart != "" {
		if clock, err = readClock(timePart); err != nil {
			return "", "", err
		}
	}
	return d.Format(store.DateLayout), clock, nil
}

// splitDateTime is the date of a cell and the time after it: "07/12/2026
// 14:00", "2026-12-07T14:00". A date has no space in any form dates.Read
// takes.
func splitDateTime(v string) (day, clock string) {
	v = strings.TrimSpace(v)
	if i := strings.IndexAny(v, " T"); i > 0 {
		return v[:i], strings.TrimSpace(v[i+1:])
	}
	return v, ""
}

// clockLayouts are the times a visit's time column may be written in.
var clockLayouts = []string{"15:04", "15:04:05", "3:04 PM", "3:04PM", "3 PM", "3PM", "3:04:05 PM", "15h04", "15.04"}

// readClock reads a time of day as "14:30".
func readClock(v string) (string, error) {
	norm := strings.ToUpper(strings.Join(strings.Fields(v), " "))
	norm = strings.NewReplacer("A.M.", "AM", "P.M.", "PM").Replace(norm)
	for _, layout := range clockLayouts {
		if t, err := time.Parse(layout, norm); err == nil {
			return t.Format("15:04"), nil
		}
	}
	return "", fmt.Errorf("%q is not a time of day like 14:30 or 2:30 PM", store.Clip(v))
}

// fieldOfSessionColumn is the list field a problem in our session column
// stands in.
var fieldOfSessionColumn = func() map[string]Field {
	out := map[string]Field{"date": VisitDate, "body_map": Region}
	for f, col := range sessionColumnOfField {
		out[col] = f
	}
	return out
}()

// nameSessionColumns says each problem's column as the file names it.
func (m Mapping) nameSessionColumns(problems []ImportProblem) {
	for i, p := range problems {
		if p.Row < 2 {
			continue
		}
		var candidates []Field
		switch p.Column {
		case "client":
			candidates = []Field{ClientFullName, ClientFirst, ClientLast, ClientEmail}
		case "subjective":
			candidates = []Field{Subjective, Notes, KeepAsNote}
		case "notes":
			candidates = []Field{Notes, KeepAsNote}
		default:
			if f, ok := fieldOfSessionColumn[p.Column]; ok {
				candidates = []Field{f}
			}
		}
		for _, f := range candidates {
			if cols := m.Columns(f); len(cols) > 0 {
				problems[i].Column = cols[0]
				break
			}
		}
		problems[i].Message = strings.ReplaceAll(p.Message, "or add a client_date_of_birth column", "or choose their date of birth's column")
	}
}

// painOutOfTen reads "7/10" and "7 / 10" as 7: a score written with its
// scale, as notes often give it.
func painOutOfTen(s string) string {
	if score, scale, ok := strings.Cut(s, "/"); ok && strings.TrimSpace(scale) == "10" {
		if _, err := strconv.Atoi(strings.TrimSpace(score)); err == nil {
			return strings.TrimSpace(score)
		}
	}
	return s
}

// ImportMappedCSV imports a list of m's kind, clients or sessions, read
// through m.
func ImportMappedCSV(ctx context.Context, s *sqlstore.Store, r io.Reader, m Mapping, opts ImportOptions) (ImportSummary, error) {
	if m.kind() == SessionList {
		return ImportMappedSessionsCSV(ctx, s, r, m, opts)
	}
	return ImportMappedClientsCSV(ctx, s, r, m, opts)
}
