package reportdialog

import (
	"errors"
	"io/fs"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	win      fyne.Window
	store    *sqlstore.Store
	Work     *kit.Tasks
	client   store.Client
	practice store.Practice
	prefs    fyne.Preferences
	Now      func() time.Time

	Paper   *widget.RadioGroup
	Folder  *kit.FolderRow
	Save    *kit.Button
	Cancel  *kit.Button
	Problem *widget.Label
	Done    *widget.Label // where the copy went, once written
	// Written is the copy's folder and files, once written (for tests).
	Written clientcopy.Result
	dialog  *dialog.CustomDialog
}

// NewClientCopyDialog builds the dialog for one client.
func NewClientCopyDialog(win fyne.Window, s *sqlstore.Store, t *kit.Tasks, client store.Client, practice store.Practice) *ClientCopyDialog {
	prefs := fyne.CurrentApp().Preferences()
	c := &ClientCopyDialog{win: win, store: s, Work: t, client: client, practice: practice, prefs: prefs, Now: time.Now}
	c.Paper = kit.NewPaperChoice(prefs)
	c.Folder = kit.NewFolderRow(win, kit.DefaultReportFolder(prefs), nil)
	c.Problem = widget.NewLabel("")
	c.Problem.Importance = widget.DangerImportance
	c.Problem.Wrapping = fyne.TextWrapWord
	c.Problem.Hide()
	c.Done = widget.NewLabel("")
	c.Done.Wrapping = fyne.TextWrapWord
	c.Done.Hide()
	c.Save = kit.NewButtonWithIcon("Write the copy", theme.DocumentSaveIcon(), c.write)
	c.Save.Importance = widget.HighImportance
	c.Cancel = kit.NewButton("Cancel", func() { c.dialog.Hide() })

	about := widget.NewLabel("Everything the record holds about this client, as privacy law gives them the right to see it: " +
		"a readable PDF (intake, consents, measures, charts, body maps, every note with its signature and amendments, " +
		"the record's history), the same record as data (JSON) and as HL7 FHIR for another health system. " +
		"They go in a new private folder, and the copy is noted in the record's history.")
	about.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(),
		widget.NewLabelWithStyle("Client", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(kit.NameWithDetail(client), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, row := range [][2]fyne.CanvasObject{Pair(kit.FormRow("Paper", c.Paper)), Pair(kit.FormRow("Save in", c.Folder.Box))} {
		form.Add(row[0])
		form.Add(row[1])
	}
	c.dialog = dialog.NewCustomWithoutButtons("Client's copy of their record", container.NewVBox(about, form, c.Problem, c.Done), win)
	c.dialog.SetButtons([]fyne.CanvasObject{c.Cancel, c.Save})
	return c
}

// Show opens the dialog.
func (c *ClientCopyDialog) Show() {
	c.dialog.Resize(fyne.NewSize(min(660, c.win.Canvas().Size().Width-40), 0))
	kit.ShowLayer(c.win, "client's copy", c.dialog, kit.Layer{Save: c.write, Close: c.Cancel.OnTapped})
}

// write writes the copy in the background; the dialog stays open and then
// says where it went.
func (c *ClientCopyDialog) write() {
	if c.Save.Disabled() {
		return
	}
	c.Problem.Hide()
	if !kit.IsDir(c.Folder.Path) {
		c.Problem.SetText("The folder " + c.Folder.Path + " does not exist. Choose another folder.")
		c.Problem.Show()
		return
	}
	opts := report.Options{Practice: c.practice, PageSize: settings.PageSize(c.Paper.Selected), Date: c.Now()}
	already := "A copy made today is already in this folder (" + clientcopy.FolderName(c.client, opts.Date) +
		"): give that one, or choose another folder."
	if kit.Exists(filepath.Join(c.Folder.Path, clientcopy.FolderName(c.client, opts.Date))) {
		c.Problem.SetText(already)
		c.Problem.Show()
		return
	}
	c.prefs.SetString(settings.KeyPageSize, c.Paper.Selected)
	c.prefs.SetString(kit.PrefReportFolder, c.Folder.Path)
	c.Save.Disable()
	dir, id := c.Folder.Path, c.client.ID
	c.Work.Run(func() func() {
		res, err := clientcopy.Write(c.Work.Context(), c.store, id, dir, opts, time.Local)
		return func() {
			if err != nil {
				c.Save.Enable()
				c.Problem.SetText(words.ReportErrorText(err))
				if errors.Is(err, fs.ErrExist) {
					c.Problem.SetText(already)
				}
				c.Problem.Show()
				return
			}
			c.Written = res
			c.Done.SetText("Written in " + res.Dir + ": give the client the whole folder.")
			c.Done.Show()
			c.Save.Hide()
			c.Cancel.SetText("Close")
		}
	})
}
