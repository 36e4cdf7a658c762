package reportdialog

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/ui/kit"
)

// folderDialog is a dialog that writes a client's papers on the reports'
// paper into the reports' folder, and stays open to say where they went:
// the client's copy and the blank forms.
type folderDialog struct {
	win   fyne.Window
	Work  *kit.Tasks
	prefs fyne.Preferences
	Now   func() time.Time

	Paper   *widget.RadioGroup
	Folder  *kit.FolderRow
	Save    *kit.Button
	Cancel  *kit.Button
	Problem *widget.Label
	Done    *widget.Label // where the papers went, once written
	dialog  *dialog.CustomDialog
}

// init builds the dialog's parts in place (Cancel hides this dialog), the
// paper and folder the last report's; Save calls write.
func (f *folderDialog) init(win fyne.Window, t *kit.Tasks, saveLabel string, write func()) {
	prefs := fyne.CurrentApp().Preferences()
	*f = folderDialog{win: win, Work: t, prefs: prefs, Now: time.Now}
	f.Paper = kit.NewPaperChoice(prefs)
	f.Folder = kit.NewFolderRow(win, kit.DefaultReportFolder(prefs), nil)
	f.Problem = widget.NewLabel("")
	f.Problem.Importance = widget.DangerImportance
	f.Problem.Wrapping = fyne.TextWrapWord
	f.Problem.Hide()
	f.Done = widget.NewLabel("")
	f.Done.Wrapping = fyne.TextWrapWord
	f.Done.Hide()
	f.Save = kit.NewButtonWithIcon(saveLabel, theme.DocumentSaveIcon(), write)
	f.Save.Importance = widget.HighImportance
	f.Cancel = kit.NewButton("Cancel", func() { f.dialog.Hide() })
}

// layOut is the dialog's content: what it writes, the client, rows of its
// own, then the paper and the folder.
func (f *folderDialog) layOut(about string, client store.Client, rows ...[2]fyne.CanvasObject) fyne.CanvasObject {
	aboutLabel := widget.NewLabel(about)
	aboutLabel.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(),
		widget.NewLabelWithStyle("Client", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(kit.NameWithDetail(client), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	rows = append(rows, Pair(kit.FormRow("Paper", f.Paper)), Pair(kit.FormRow("Save in", f.Folder.Box)))
	for _, row := range rows {
		form.Add(row[0])
		form.Add(row[1])
	}
	return container.NewVBox(aboutLabel, form, f.Problem, f.Done)
}

// buttons are the dialog's Cancel and Save.
func (f *folderDialog) buttons() []fyne.CanvasObject { return []fyne.CanvasObject{f.Cancel, f.Save} }

// sized fits the dialog to the window, at most width wide, and is its
// layer: Ctrl+S writes.
func (f *folderDialog) sized(width float32) kit.Layer {
	f.dialog.Resize(fyne.NewSize(min(width, f.win.Canvas().Size().Width-40), 0))
	return kit.Layer{Save: f.Save.OnTapped, Close: f.Cancel.OnTapped}
}

// ready says whether to write now: not while writing, not into a folder
// that is gone (it says so).
func (f *folderDialog) ready() bool {
	if f.Save.Disabled() {
		return false
	}
	f.Problem.Hide()
	if !kit.IsDir(f.Folder.Path) {
		f.say("The folder " + f.Folder.Path + " does not exist. Choose another folder.")
		return false
	}
	return true
}

// say shows what stops the writing; the dialog stays open.
func (f *folderDialog) say(problem string) {
	f.Problem.SetText(problem)
	f.Problem.Show()
}

// writing keeps the paper and folder for the next report and holds Save.
func (f *folderDialog) writing() {
	f.prefs.SetString(settings.KeyPageSize, f.Paper.Selected)
	f.prefs.SetString(kit.PrefReportFolder, f.Folder.Path)
	f.Save.Disable()
}

// failed gives Save back with what went wrong.
func (f *folderDialog) failed(problem string) {
	f.Save.Enable()
	f.say(problem)
}

// written says where the papers went; Cancel becomes Close.
func (f *folderDialog) written(where string) {
	f.Done.SetText(where)
	f.Done.Show()
	f.Save.Hide()
	f.Cancel.SetText("Close")
}
