package reportdialog

import (
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// BlankFormsDialog prints the forms a client would fill in on the screen,
// blank and in the same words, for a client who prefers paper: on the
// paper and in the folder of the other reports.
type BlankFormsDialog struct {
	win      fyne.Window
	Work     *kit.Tasks
	client   store.Client
	practice store.Practice
	prefs    fyne.Preferences
	Now      func() time.Time
	forms    []store.FormKind
	areas    []store.ConsentArea

	Paper   *widget.RadioGroup
	Folder  *kit.FolderRow
	Save    *kit.Button
	Cancel  *kit.Button
	Problem *widget.Label
	Done    *widget.Label // where the forms went, once written
	// Written is the PDF's path, once written (for tests).
	Written string
	dialog  *dialog.CustomDialog
}

// NewBlankFormsDialog builds the dialog for one client's forms, the
// consent asking each of areas one by one.
func NewBlankFormsDialog(win fyne.Window, t *kit.Tasks, client store.Client, practice store.Practice,
	forms []store.FormKind, areas []store.ConsentArea) *BlankFormsDialog {
	prefs := fyne.CurrentApp().Preferences()
	b := &BlankFormsDialog{win: win, Work: t, client: client, practice: practice, prefs: prefs, Now: time.Now,
		forms: forms, areas: areas}
	b.Paper = kit.NewPaperChoice(prefs)
	b.Folder = kit.NewFolderRow(win, kit.DefaultReportFolder(prefs), nil)
	b.Problem = widget.NewLabel("")
	b.Problem.Importance = widget.DangerImportance
	b.Problem.Wrapping = fyne.TextWrapWord
	b.Problem.Hide()
	b.Done = widget.NewLabel("")
	b.Done.Wrapping = fyne.TextWrapWord
	b.Done.Hide()
	b.Save = kit.NewButtonWithIcon("Save PDF", theme.DocumentSaveIcon(), b.write)
	b.Save.Importance = widget.HighImportance
	b.Cancel = kit.NewButton("Cancel", func() { b.dialog.Hide() })

	labels := make([]string, len(forms))
	for i, f := range forms {
		labels[i] = f.Label()
	}
	about := widget.NewLabel("The forms, blank, in the words of the client's screen, with the client's name, a line to sign " +
		"and the date. Answers typed in from the filled-in paper are marked as from the paper form of its date.")
	about.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout())
	for _, row := range [][2]fyne.CanvasObject{
		{widget.NewLabelWithStyle("Client", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
			widget.NewLabelWithStyle(kit.NameWithDetail(client), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})},
		Pair(kit.FormRow("Forms", widget.NewLabel(strings.Join(labels, ", ")))),
		Pair(kit.FormRow("Paper", b.Paper)), Pair(kit.FormRow("Save in", b.Folder.Box))} {
		form.Add(row[0])
		form.Add(row[1])
	}
	b.dialog = dialog.NewCustomWithoutButtons("Print blank forms", container.NewVBox(about, form, b.Problem, b.Done), win)
	b.dialog.SetButtons([]fyne.CanvasObject{b.Cancel, b.Save})
	return b
}

// Show opens the dialog.
func (b *BlankFormsDialog) Show() {
	b.dialog.Resize(fyne.NewSize(min(620, b.win.Canvas().Size().Width-40), 0))
	kit.ShowLayer(b.win, "blank forms", b.dialog, kit.Layer{Save: b.write, Close: b.Cancel.OnTapped})
}

// write saves the PDF in the background; the dialog stays open and then
// says where it went. A file of the same name is not replaced: the one
// already there is the same blank forms, printed today.
func (b *BlankFormsDialog) write() {
	if b.Save.Disabled() {
		return
	}
	b.Problem.Hide()
	if !kit.IsDir(b.Folder.Path) {
		b.Problem.SetText("The folder " + b.Folder.Path + " does not exist. Choose another folder.")
		b.Problem.Show()
		return
	}
	opts := report.Options{Document: report.BlankForms, Practice: b.practice, PageSize: settings.PageSize(b.Paper.Selected),
		Date: b.Now(), Forms: b.forms, Areas: b.areas}
	path := filepath.Join(b.Folder.Path, report.BlankFormsFileName(b.client, opts.Date))
	if kit.Exists(path) {
		b.Problem.SetText(filepath.Base(path) + " is already in this folder: print that one, or choose another folder.")
		b.Problem.Show()
		return
	}
	b.prefs.SetString(settings.KeyPageSize, b.Paper.Selected)
	b.prefs.SetString(kit.PrefReportFolder, b.Folder.Path)
	b.Save.Disable()
	client := b.client
	b.Work.Run(func() func() {
		err := report.WriteFile(b.Work.Context(), path, report.Data{Client: client}, opts)
		return func() {
			if err != nil {
				b.Save.Enable()
				b.Problem.SetText(words.ReportErrorText(err))
				b.Problem.Show()
				return
			}
			b.Written = path
			b.Done.SetText(filepath.Base(path) + " was saved in " + b.Folder.Path + ": print it for the client.")
			b.Done.Show()
			b.Save.Hide()
			b.Cancel.SetText("Close")
		}
	})
}
