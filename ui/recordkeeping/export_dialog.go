package recordkeeping

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store/interchange"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
	"backtrack/ui/reportdialog"
)

// The export choices as the dialog words them.
const (
	exportChoiceJSON = "Everything, to move to another computer or Backtrack (JSON)"
	exportChoiceCSV  = "Tables for a spreadsheet or another program (CSV)"
)

// exportDialog writes every client, session and vocabulary entry into a
// new folder inside the one chosen, off the UI goroutine. It keeps its
// widgets so tests can use it as a therapist would.
type exportDialog struct {
	dialogFrame
	store Record
	now   func() time.Time

	Format  *widget.RadioGroup
	Folder  *kit.FolderRow
	Problem *widget.Label
	Busy    *widget.ProgressBarInfinite
	Export  *kit.Button
	Cancel  *kit.Button

	work *kit.Tasks // the desk's: quitting stops an export and waits for its clean-up
}

func NewExportDialog(win fyne.Window, s Record, t *kit.Tasks) *exportDialog {
	e := &exportDialog{dialogFrame: dialogFrame{win: win, width: 680}, store: s, work: t, now: time.Now}
	e.Format = widget.NewRadioGroup([]string{exportChoiceJSON, exportChoiceCSV}, nil)
	e.Format.SetSelected(exportChoiceJSON)
	e.Format.Required = true
	e.Folder = kit.NewFolderRow(win, kit.DefaultReportFolder(fyne.CurrentApp().Preferences()), nil)
	e.Problem = problemLabel()
	e.Busy = busyBar()
	e.Export = kit.NewButtonWithIcon("Export", theme.DocumentSaveIcon(), e.export)
	e.Export.Importance = widget.HighImportance
	e.Cancel = kit.NewButton("Cancel", func() { e.dialog.Hide() })
	where := widget.NewLabel("A new folder, “" + e.folderName() + "”, is made there for the files.")
	where.Importance = widget.LowImportance
	note := widget.NewLabel("The files hold your clients' health records: keep them as safe as the records themselves. " +
		"They are readable only by your user account on this computer.")
	note.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout())
	for _, row := range [][2]fyne.CanvasObject{reportdialog.Pair(kit.FormRow("Export", e.Format)), reportdialog.Pair(kit.FormRow("Into", e.Folder.Box)),
		reportdialog.Pair(layout.NewSpacer(), where)} {
		form.Add(row[0])
		form.Add(row[1])
	}
	e.build("export", "Export records", container.NewVBox(form, note, e.Problem, e.Busy), e.Cancel, e.Export)
	return e
}

// folderName is the new folder an export goes into, dated, so exports
// never mix.
func (e *exportDialog) folderName() string {
	return "Backtrack export " + e.now().Format("2006-01-02 1504")
}

func (e *exportDialog) export() {
	e.Problem.Hide()
	if !kit.IsDir(e.Folder.Path) {
		showOrHide(e.Problem, "The folder "+e.Folder.Path+" does not exist. Choose another folder.")
		e.fit()
		return
	}
	format := interchange.ExportJSON
	if e.Format.Selected == exportChoiceCSV {
		format = interchange.ExportCSV
	}
	dir := filepath.Join(e.Folder.Path, e.folderName())
	setBusy(e.Busy, true, e.Export)
	ctx := e.work.Context()
	e.work.Run(func() func() {
		files, err := e.store.ExportTo(ctx, dir, format)
		return func() {
			setBusy(e.Busy, false, e.Export)
			if err != nil {
				showOrHide(e.Problem, words.FileTaskErrorText(err))
				e.fit()
				return
			}
			names := make([]string, len(files))
			for i, f := range files {
				names[i] = "  " + filepath.Base(f)
			}
			e.dialog.Hide()
			done := fmt.Sprintf("Saved in %s:\n%s", dir, strings.Join(names, "\n"))
			kit.Inform(e.win, "Export saved", done)
		}
	})
}
