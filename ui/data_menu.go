package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// dataMenuItems are the File menu's entries that keep the records safe:
// backup, restore, export and import, each its own dialog.
func (d *Desk) dataMenuItems() []*fyne.MenuItem {
	ownRecords := d.onOwnRecords
	return []*fyne.MenuItem{
		fyne.NewMenuItem("Back up now…", d.backUpNow),
		fyne.NewMenuItem("Restore from backup…", ownRecords(func() {
			newRestoreDialog(d.window, d.store, d.tasks, d.reopen).show()
		})),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Export…", ownRecords(func() { newExportDialog(d.window, d.store, d.tasks).show() })),
		fyne.NewMenuItem("Import…", ownRecords(func() { newImportDialog(d.window, d.store, d.tasks, d.afterImport).show() })),
	}
}

// afterImport shows what an import added: the list, and the client on
// screen if the import touched them.
func (d *Desk) afterImport() {
	d.start()
	d.view.reload()
}

// onOwnRecords wraps a backup, restore, export or import: it works on the therapist's own
// records, so not while the sample practice is open, and only once no
// form holds unsaved changes.
func (d *Desk) onOwnRecords(action func()) func() {
	return func() {
		if d.sample != nil {
			dialog.ShowInformation("Sample data is open",
				"Backups, restore, export and import work on your own records.\nLeave the sample data first.", d.window)
			return
		}
		d.leaveAll(action)
	}
}

// backUpNow opens File › Back up now…; a backup saved there also answers
// a failed automatic one.
func (d *Desk) backUpNow() {
	d.onOwnRecords(func() {
		b := newBackupDialog(d.window, d.store, d.tasks)
		b.OnSaved = func() { d.showBackupResult(d.now(), nil) }
		b.show()
	})()
}
