package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/kit"
	"backtrack/ui/recordkeeping"
	"backtrack/ui/reportdialog"
)

// dataMenuItems are the File menu's entries that keep the records safe:
// backup, restore, export and import, each its own dialog.
func (d *Desk) dataMenuItems() []*fyne.MenuItem {
	ownRecords, item := d.onOwnRecords, d.menuItem
	return []*fyne.MenuItem{
		item("Back up now…", shortcutBackUp, d.backUpNow),
		item("Restore from backup…", shortcutRestore, ownRecords(func() {
			recordkeeping.NewRestoreDialog(d.window, recordkeeping.RecordOf(d.store), d.tasks, d.reopen).Show()
		})),
		fyne.NewMenuItemSeparator(),
		item("Export…", shortcutExport, ownRecords(func() {
			recordkeeping.NewExportDialog(d.window, recordkeeping.RecordOf(d.store), d.tasks).Show()
		})),
		item("Import…", shortcutImport, ownRecords(func() {
			recordkeeping.NewImportDialog(d.window, recordkeeping.RecordOf(d.store), d.tasks, d.afterImport).Show()
		})),
	}
}

// afterImport shows what an import added: the list, and the client on
// screen if the import touched them.
func (d *Desk) afterImport() {
	d.start()
	d.view.Reload()
}

// onOwnRecords wraps a backup, restore, export or import: it works on the
// therapist's own records, so not while the sample practice is open, and
// only once no form holds unsaved changes.
func (d *Desk) onOwnRecords(action func()) func() {
	return func() {
		if d.sample != nil {
			kit.Inform(d.window, "Sample data is open",
				"Backups, restore, export and import work on your own records.\nLeave the sample data first.")
			return
		}
		d.leaveAll(action)
	}
}

// backUpNow opens File › Back up now…; a backup saved there also answers
// a failed automatic one.
func (d *Desk) backUpNow() {
	d.onOwnRecords(func() {
		b := recordkeeping.NewBackupDialog(d.window, recordkeeping.RecordOf(d.store), d.tasks)
		b.OnSaved = func() { d.showBackupResult(d.now(), nil) }
		b.Show()
	})()
}

// ShowReport opens the report dialog for a client.
func (d *Desk) ShowReport(c store.Client) {
	if c.ID != 0 {
		reportdialog.NewReportDialog(d.window, d.store, d.tasks, c, kit.PracticeFromPreferences(d.app.Preferences())).Show()
	}
}

// GiveClientCopy opens the dialog that writes a client's copy of their
// whole record.
func (d *Desk) GiveClientCopy(c store.Client) {
	if c.ID != 0 {
		reportdialog.NewClientCopyDialog(d.window, d.store, d.tasks, c, kit.PracticeFromPreferences(d.app.Preferences())).Show()
	}
}

// ShowNoteDialog opens the dialog that saves one visit's note as PDF.
func (d *Desk) ShowNoteDialog(c store.Client, s store.Session) {
	if c.ID != 0 && s.ID != 0 {
		reportdialog.NewNoteDialog(d.window, d.store, d.tasks, c, s, kit.PracticeFromPreferences(d.app.Preferences())).Show()
	}
}

// showBatchReports writes a report for every active client into a folder.
func (d *Desk) showBatchReports() {
	reportdialog.NewBatchReportDialog(d.window, d.store, d.tasks, kit.PracticeFromPreferences(d.app.Preferences())).Show()
}

// keyboardHelp lists the desk's keys, for Help › Keyboard shortcuts.
var keyboardHelp = [][2]string{
	{"Ctrl+F", "Find a client (Enter opens the first match, Down goes to the list)"},
	{"Ctrl+N", "New session for the client shown"},
	{"Ctrl+Shift+N", "New client"},
	{"Ctrl+S", "Save the dialog on top, else the open form (never the form beneath a dialog)"},
	{"Esc", "Close the dialog on top (asking first if you typed in it), cancel the form, or go back from a note"},
	{"← →", "In a session note: the earlier or later visit"},
	{"Ctrl+P", "Progress report for the client shown"},
	{"Tab", "Next field (Shift+Tab the one before), notes included"},
	{"Enter", "Press the focused button, open the highlighted row; in a dialog's field, its default answer; in a tag row, pick and go to the next row"},
	{"ql l", "In a tag row: a few letters or initials, then L, R or B for the side; commas pick several"},
	{"Backspace", "In an empty tag row: untick the last term"},
	{"Ctrl+B", "In a session: open the body chart (Esc closes it)"},
	{"Ctrl+Shift+B", "In a session: copy where it hurt last time onto the body chart"},
	{"Ctrl+Shift+L", "In a new session: copy from the last session (tags, map, plan, home care)"},
	{"Alt+← →", "In a session: the date a day earlier or later (Up and Down in the date field)"},
	{"0–10", "On a pain slider, a digit sets the score; on a location or muscle, L, R or B picks the side"},
	{"Ctrl+,", "Settings"},
	{"Alt+F, F10", "The menus as a list: Tab or the arrows to an entry, Enter runs it"},
	{"Ctrl+U", "Back up now"},
	{"Ctrl+Shift+R", "Restore from a backup"},
	{"Ctrl+E", "Export"},
	{"Ctrl+I", "Import"},
	{"Ctrl+H", "Hand the screen to the client"},
	{"Ctrl+Shift+S", "Sign the note"},
	{"Alt+D P W M T N H R", "In a session: go to the date, pain, where it hurts, muscles, techniques, notes, home programme, red-flag screen"},
	{"Ctrl+Q", "Quit"},
}

// showKeyboardHelp shows the keys in a dialog (Help › Keyboard shortcuts).
func (d *Desk) showKeyboardHelp() {
	grid := container.New(layout.NewFormLayout())
	for _, k := range keyboardHelp {
		grid.Add(widget.NewLabelWithStyle(k[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true, Monospace: true}))
		grid.Add(widget.NewLabel(k[1]))
	}
	size := grid.MinSize().AddWidthHeight(60, 140)
	// scrolled on a window lower than the list
	kit.ShowView(d.window, "keyboard shortcuts", "Keyboard shortcuts", container.NewVScroll(grid), kit.DialogSize(d.window, size.Width, size.Height))
}
