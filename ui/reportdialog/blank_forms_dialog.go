package reportdialog

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
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
	folderDialog
	client   store.Client
	practice store.Practice
	forms    []store.FormKind
	areas    []store.ConsentArea
	// Written is the PDF's path, once written (for tests).
	Written string
}

// NewBlankFormsDialog builds the dialog for one client's forms, the
// consent asking each of areas one by one.
func NewBlankFormsDialog(win fyne.Window, t *kit.Tasks, client store.Client, practice store.Practice,
	forms []store.FormKind, areas []store.ConsentArea) *BlankFormsDialog {
	b := &BlankFormsDialog{client: client, practice: practice, forms: forms, areas: areas}
	b.init(win, t, "Save PDF", b.write)
	labels := make([]string, len(forms))
	for i, f := range forms {
		labels[i] = f.Label()
	}
	b.dialog = dialog.NewCustomWithoutButtons("Print blank forms", b.layOut("The forms, blank, in the words of the client's screen, with the client's name, "+
		"a line to sign and the date. Answers typed in from the filled-in paper are marked as from the paper form of its date.",
		client, Pair(kit.FormRow("Forms", widget.NewLabel(strings.Join(labels, ", "))))), win)
	b.dialog.SetButtons(b.buttons())
	return b
}

// Show opens the dialog.
func (b *BlankFormsDialog) Show() {
	kit.ShowLayer(b.win, "blank forms", b.dialog, b.sized(620))
}

// write saves the PDF in the background; the dialog stays open and then
// says where it went. A file of the same name is not replaced: the one
// already there is the same blank forms, printed today.
func (b *BlankFormsDialog) write() {
	if !b.ready() {
		return
	}
	opts := report.Options{Document: report.BlankForms, Practice: b.practice, PageSize: settings.PageSize(b.Paper.Selected),
		Date: b.Now(), Forms: b.forms, Areas: b.areas}
	path := filepath.Join(b.Folder.Path, report.BlankFormsFileName(b.client, opts.Date))
	if kit.Exists(path) {
		b.say(filepath.Base(path) + " is already in this folder: print that one, or choose another folder.")
		return
	}
	b.writing()
	client := b.client
	b.Work.Run(func() func() {
		err := report.WriteFile(b.Work.Context(), path, report.Data{Client: client}, opts)
		return func() {
			if err != nil {
				b.failed(words.ReportErrorText(err))
				return
			}
			b.Written = path
			b.written(filepath.Base(path) + " was saved in " + filepath.Dir(path) + ": print it for the client.")
		}
	})
}
