package ui

import (
	"context"
	"errors"
	"io/fs"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
)

// safetyErrorText says what went wrong with a backup, restore, export or
// import in words a therapist can act on. Only the innermost error goes to
// the log: the outer context can quote a file name or a client.
func safetyErrorText(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, store.ErrPassphraseRequired):
		return "This backup is encrypted: type its passphrase."
	case errors.Is(err, store.ErrWrongPassphrase):
		return "That passphrase does not open this backup. Check it and try again."
	case errors.Is(err, store.ErrNotBackup):
		return "This file is not a Backtrack backup. Choose a file from the backups folder or one you saved."
	case errors.Is(err, store.ErrBackupDamaged):
		return "This backup is damaged and cannot be used. Choose another one."
	case errors.Is(err, store.ErrDatabaseInUse):
		return "The records are open in another Backtrack window or program. Close it, then try again."
	case errors.Is(err, store.ErrNewerSchema):
		return "This file was written by a newer Backtrack. Update Backtrack to use it."
	case errors.Is(err, fs.ErrExist):
		return "A file of that name is already there. Choose another name."
	case errors.Is(err, context.Canceled):
		return "Stopped."
	}
	if text := fileErrorText(err); text != "" {
		return text + " Choose another place."
	}
	fyne.LogError("safety", innermost(err))
	return "That did not work. Check that the disk is not full, then try again."
}

// problemLabel is a red, wrapping label for what is wrong, hidden when
// nothing is.
func problemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// showOrHide sets a label's text and shows it only when there is some.
func showOrHide(l *widget.Label, text string) {
	l.SetText(text)
	if strings.TrimSpace(text) == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// busyBar is a stopped, hidden progress bar for work in the background.
func busyBar() *widget.ProgressBarInfinite {
	b := widget.NewProgressBarInfinite()
	b.Stop()
	b.Hide()
	return b
}

func setBusy(bar *widget.ProgressBarInfinite, busy bool, buttons ...*widget.Button) {
	for _, b := range buttons {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if busy {
		bar.Show()
		bar.Start()
		return
	}
	bar.Stop()
	bar.Hide()
}

// dialogFrame is what the file-task dialogs (backup, restore, export and
// import) share: their window, the dialog with its buttons, and the width
// it keeps as parts show and hide.
type dialogFrame struct {
	win    fyne.Window
	dialog *dialog.CustomDialog
	width  float32 // the most it takes; less on a small window
}

// build makes the dialog around content, with buttons at its foot.
func (f *dialogFrame) build(title string, content fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	f.dialog = dialog.NewCustomWithoutButtons(title, content, f.win)
	f.dialog.SetButtons(buttons)
}

func (f *dialogFrame) show() {
	f.dialog.Show()
	f.fit()
}

// fit grows or shrinks the dialog to its content after parts were shown or
// hidden, keeping its width: a dialog keeps the size it was shown at, and
// new lines would otherwise be drawn over the others.
func (f *dialogFrame) fit() {
	f.dialog.Resize(fyne.NewSize(min(f.width, f.win.Canvas().Size().Width-40), 0))
}
