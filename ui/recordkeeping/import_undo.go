package recordkeeping

import (
	"errors"
	"fmt"
	"strings"

	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// refreshUndo offers Undo last import… while there is an import of
// clients to take back, naming it.
func (d *importDialog) refreshUndo() {
	ctx := d.work.Context()
	d.work.Run(func() func() {
		batch, found, err := d.store.LastImport(ctx)
		return func() {
			d.lastImport = batch
			if err != nil || !found {
				d.Undo.Disable()
				return
			}
			d.Undo.Enable()
		}
	})
}

// confirmUndo asks before taking the last import back.
func (d *importDialog) confirmUndo() {
	batch := d.lastImport
	what := "Its clients are removed from the list"
	if batch.Sessions > 0 {
		what = "The sessions it added are removed from their clients' records"
	}
	kit.ConfirmDanger(d.win, "undo import", "Undo the last import?", fmt.Sprintf(
		"Undo %s? %s, as long as nothing has been recorded on those clients since. "+
			"The record's history keeps the import and the undo.", batch.Words(), what),
		"Undo the import", "Keep it",
		func(yes bool) {
			if yes {
				d.undo()
			}
		})
}

// undo takes the last import of clients back, in the background.
func (d *importDialog) undo() {
	ctx := d.work.Context()
	setBusy(d.Busy, true, d.Undo, d.Choose)
	d.work.Run(func() func() {
		batch, err := d.store.UndoLastImport(ctx)
		return func() {
			setBusy(d.Busy, false, d.Undo, d.Choose)
			d.refreshUndo()
			if err != nil {
				showOrHide(d.Problem, undoErrorText(err))
				d.fit()
				return
			}
			d.dialog.Hide()
			kit.Inform(d.win, "Import undone", fmt.Sprintf("Undid %s: what it added is removed.", batch.Words()))
			if d.onImported != nil {
				d.onImported()
			}
		}
	})
}

// undoErrorText says why an import was not undone: the store's own
// sentence when something was recorded since, the desk's words otherwise.
func undoErrorText(err error) string {
	var refused *sqlstore.ImportUndoRefused
	if errors.As(err, &refused) || errors.Is(err, sqlstore.ErrNoImportToUndo) {
		text := err.Error()
		return strings.ToUpper(text[:1]) + text[1:] + "."
	}
	return words.FileTaskErrorText(err)
}

// previewCounts adds the rows a check found new and recorded already to
// its summary of problems.
func previewCounts(sum interchange.ImportSummary) string {
	if len(sum.Outcomes) == 0 {
		return ""
	}
	matched := 0
	for _, o := range sum.Outcomes {
		if o.Visit {
			return fmt.Sprintf("\nThe other rows: %s, each for a client recorded.", words.Plural(len(sum.Outcomes), "visit", "visits"))
		}
		if o.Match != "" {
			matched++
		}
	}
	recorded := "none"
	if matched > 0 {
		recorded = words.Plural(matched, "client", "clients")
	}
	return fmt.Sprintf("\nThe other rows: %s, %s recorded already.", words.Plural(len(sum.Outcomes)-matched, "new client", "new clients"), recorded)
}

// showMatches names the rows that are clients recorded already (or rows
// repeated in the file): they are not added again; or the client each
// visit of a sessions list is for.
func (d *importDialog) showMatches(sum interchange.ImportSummary) {
	var lines []string
	heading := "Recorded already, not added again:\n"
	for _, o := range sum.Outcomes {
		switch {
		case o.Visit:
			heading = "Each visit's client:\n"
			lines = append(lines, fmt.Sprintf("row %d, %s: matches %s", o.Row, o.Name, o.Match))
		case o.Match != "":
			lines = append(lines, fmt.Sprintf("row %d, %s: %s", o.Row, o.Name, o.Match))
		}
	}
	if len(lines) == 0 {
		d.Matches.Hide()
		return
	}
	const shown = 8
	more := ""
	if len(lines) > shown {
		more = fmt.Sprintf("\n… and %d more", len(lines)-shown)
		lines = lines[:shown]
	}
	d.Matches.SetText(heading + strings.Join(lines, "\n") + more)
	d.Matches.Show()
}
