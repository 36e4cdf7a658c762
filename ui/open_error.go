package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// NewOpenErrorWindow says, in a window, why the database could not be
// opened: a therapist who starts Backtrack from a menu never sees the
// terminal. The file is named; it is not client data. It is the window
// Prepare readied for the desk.
func NewOpenErrorWindow(start *Start, path string, err error) fyne.Window {
	w := start.Window()
	title := widget.NewLabelWithStyle("Your records could not be opened", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	what := widget.NewLabel(words.OpenErrorText(err))
	what.Wrapping = fyne.TextWrapWord
	where := kit.NewHint("Database file: " + path)
	if sqlstore.IsServerAddress(path) {
		where = kit.NewHint("Practice server: " + sqlstore.RedactServerAddress(path))
	}
	quit := kit.NewButton("Quit", w.Close)
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewPadded(container.NewBorder(
		container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, title), container.NewBorder(nil, nil, nil, quit), nil, nil,
		container.NewVBox(what, where))))
	w.Resize(fyne.NewSize(560, 240))
	return w
}
