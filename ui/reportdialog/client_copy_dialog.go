package reportdialog

import (
	"errors"
	"io/fs"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"backtrack/report"
	"backtrack/report/clientcopy"
	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// ClientCopyDialog writes the client's copy of their whole record (the
// readable PDF, the JSON and the FHIR Bundle, in a new private folder) for
// the client who asks for their file, and logs it in the record's history.
type ClientCopyDialog struct {
	folderDialog
	store    *sqlstore.Store
	client   store.Client
	practice store.Practice
	// Written is the copy's folder and files, once written (for tests).
	Written clientcopy.Result
}

// NewClientCopyDialog builds the dialog for one client.
func NewClientCopyDialog(win fyne.Window, s *sqlstore.Store, t *kit.Tasks, client store.Client, practice store.Practice) *ClientCopyDialog {
	c := &ClientCopyDialog{store: s, client: client, practice: practice}
	c.init(win, t, "Write the copy", c.write)
	c.dialog = dialog.NewCustomWithoutButtons("Client's copy of their record", c.layOut("Everything the record holds about this client, as privacy law gives them the right to see it: "+
		"a readable PDF (intake, consents, measures, charts, body maps, every note with its signature and amendments, "+
		"the record's history), the same record as data (JSON) and as HL7 FHIR for another health system. "+
		"They go in a new private folder, and the copy is noted in the record's history.", client), win)
	c.dialog.SetButtons(c.buttons())
	return c
}

// Show opens the dialog.
func (c *ClientCopyDialog) Show() {
	kit.ShowLayer(c.win, "client's copy", c.dialog, c.sized(660))
}

// write writes the copy in the background; the dialog stays open and then
// says where it went.
func (c *ClientCopyDialog) write() {
	if !c.ready() {
		return
	}
	opts := report.Options{Practice: c.practice, PageSize: settings.PageSize(c.Paper.Selected), Date: c.Now()}
	already := "A copy made today is already in this folder (" + clientcopy.FolderName(c.client, opts.Date) +
		"): give that one, or choose another folder."
	if kit.Exists(filepath.Join(c.Folder.Path, clientcopy.FolderName(c.client, opts.Date))) {
		c.say(already)
		return
	}
	c.writing()
	dir, id := c.Folder.Path, c.client.ID
	c.Work.Run(func() func() {
		res, err := clientcopy.Write(c.Work.Context(), c.store, id, dir, opts, time.Local)
		return func() {
			if errors.Is(err, fs.ErrExist) {
				c.failed(already)
				return
			}
			if err != nil {
				c.failed(words.ReportErrorText(err))
				return
			}
			c.Written = res
			c.written("Written in " + res.Dir + ": give the client the whole folder.")
		}
	})
}
