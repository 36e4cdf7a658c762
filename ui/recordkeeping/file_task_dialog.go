package recordkeeping

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"backtrack/ui/kit"
)

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

func setBusy(bar *widget.ProgressBarInfinite, busy bool, buttons ...*kit.Button) {
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
	name   string // the layer's name (kit.ShowLayer)
	dialog *dialog.CustomDialog
	width  float32 // the most it takes; less on a small window
}

// build makes the dialog around content, with buttons at its foot.
func (f *dialogFrame) build(name, title string, content fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	f.name = name
	f.dialog = dialog.NewCustomWithoutButtons(title, content, f.win)
	f.dialog.SetButtons(buttons)
}

func (f *dialogFrame) Show() {
	kit.ShowLayer(f.win, f.name, f.dialog, kit.Layer{})
	f.fit()
}

// fit grows or shrinks the dialog to its content after parts were shown or
// hidden, keeping its width: a dialog keeps the size it was shown at, and
// new lines would otherwise be drawn over the others.
func (f *dialogFrame) fit() {
	f.dialog.Resize(fyne.NewSize(min(f.width, f.win.Canvas().Size().Width-40), 0))
}
