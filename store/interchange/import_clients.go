package interchange

import (
	"backtrack/store"
	"backtrack/store/dates"
	"backtrack/store/sqlstore"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Columns the clients CSV import reads. "notes" is another system's general
// note; it goes into the medical history, which a therapist reads first.
var (
	clientImportColumns = []string{"id", "first_name", "last_name", "date_of_birth", "phone", "email",
		"notes", "medical_history", "medications", "contraindications", "archived"}
	clientImportRequired = []string{"first_name", "last_name"}
)

// ImportClientsCSV adds the clients in a CSV file in one transaction: all
// of them or, when any row has a problem, none. A row is a client already
// recorded only when it cannot be anyone else (its id, or the rules in
// import_identity.go); a name that could be several people is a problem
// named by row and column, never a merge.
func ImportClientsCSV(ctx context.Context, s *sqlstore.Store, r io.Reader, opts ImportOptions) (ImportSummary, error) {
	opts.undoable = true
	return importCSV(ctx, s, r, opts, clientImportColumns, clientImportRequired, (*importer).clientRow)
}

// clientRow checks and adds one client row.
func (im *importer) clientRow(t *csvTable, row csvRow) error {
	report := func(column, msg string) { im.problem(ImportProblem{Row: row.number, Column: column, Message: msg}) }
	c := store.Client{
		FirstName: t.get(row, "first_name"), LastName: t.get(row, "last_name"),
		Phone: t.get(row, "phone"), Email: t.get(row, "email"),
		MedicalHistory:    joinNotes(t.get(row, "notes"), t.get(row, "medical_history")),
		Medications:       t.get(row, "medications"),
		Contraindications: t.get(row, "contraindications"),
	}
	historyColumn := "medical_history"
	if t.get(row, "medical_history") == "" && t.has("notes") {
		historyColumn = "notes"
	}
	ok := true
	if dob := t.get(row, "date_of_birth"); dob != "" {
		d, err := t.dates.read("date_of_birth", dob)
		if err != nil {
			report("date_of_birth", err.Error())
			ok = false
		}
		c.DateOfBirth = d
	}
	if a := t.get(row, "archived"); a != "" {
		archived, err := parseYesNo(a)
		if err != nil {
			report("archived", err.Error())
			ok = false
		}
		c.Archived = archived
	}
	uid, err := store.CheckUID(t.get(row, "id"))
	if err != nil {
		report("id", err.Error())
		ok = false
	}
	if !ok {
		// a cell that did not read still leaves the row's other
		// problems to tell, all at once
		var ve *store.ValidationError
		if err := c.Validate(im.b.Now()); errors.As(err, &ve) {
			for _, p := range ve.Problems {
				if p.Field == "medical_history" {
					p.Field = historyColumn
				}
				report(p.Field, p.Message)
			}
		}
		return nil
	}
	who, err := im.identify(c, uid)
	if err != nil {
		return fmt.Errorf("row %d: %w", row.number, err)
	}
	switch {
	case who.problem != "":
		column := "date_of_birth"
		if uid != "" {
			column = "id"
		}
		report(column, who.problem)
		return nil
	case who.found:
		im.sum.ClientsPresent++
		im.outcome(row.number, c, who.client)
		return nil
	}
	c.UID = uid
	added, err := im.b.CreateClient(c)
	var ve *store.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			column := p.Field
			if column == "medical_history" {
				column = historyColumn
			}
			report(column, p.Message)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("row %d: %w", row.number, err)
	}
	im.added(added, "row", row.number)
	im.outcome(row.number, c, store.Client{})
	im.sum.ClientsAdded++
	return nil
}

// parseImportStart reads a JSON session start: ISO, with or without a
// time.
func parseImportStart(s string) (time.Time, error) {
	return readStart(s, func(day string) (time.Time, error) { return dates.Read(day, dates.Unknown) })
}

func parseYesNo(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "yes", "y", "true", "1", "x":
		return true, nil
	case "no", "n", "false", "0":
		return false, nil
	}
	return false, fmt.Errorf("%q is not yes or no", store.Clip(s))
}

// joinNotes joins two notes with a blank line, skipping empty ones.
func joinNotes(notes ...string) string {
	var kept []string
	for _, n := range notes {
		if strings.TrimSpace(n) != "" {
			kept = append(kept, n)
		}
	}
	return strings.Join(kept, "\n\n")
}
