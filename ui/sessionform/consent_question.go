package sessionform

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
)

// ConsentQuestion is the question a save asks when a session treats an
// area without consent on file, kept for tests.
type ConsentQuestion struct {
	dialog   *dialog.CustomDialog
	Message  *widget.Label
	GivenNow *widget.Button
	Without  *widget.Button
	Back     *widget.Button
}

// AskConsent asks, over win, what to do with a session of client treating
// areas without consent on file, and returns the question shown; answer
// gets the choice, or ok false to go back to the note.
func AskConsent(win fyne.Window, client store.Client, missing []store.AreaWithoutConsent,
	answer func(a store.ConsentAnswer, ok bool)) *ConsentQuestion {
	q := &ConsentQuestion{}
	var lines string
	for _, m := range missing {
		lines += "\n• " + m.Area.Label() + " (" + joinNames(m.Muscles) + ")"
	}
	q.Message = widget.NewLabel(client.FullName() + " has no consent on file for:" + lines +
		"\n\nDid the client consent to treatment there at this visit? The answer is kept in the record's history.")
	q.Message.Wrapping = fyne.TextWrapWord
	done := func(a store.ConsentAnswer, ok bool) func() {
		return func() {
			q.dialog.Hide()
			answer(a, ok)
		}
	}
	q.GivenNow = widget.NewButtonWithIcon("Yes, verbally: record it and save", theme.ConfirmIcon(), done(store.ConsentGivenNow, true))
	q.GivenNow.Importance = widget.HighImportance
	q.Without = widget.NewButton("Save without consent on file", done(store.ConsentNotRecorded, true))
	q.Without.Importance = widget.DangerImportance
	q.Back = widget.NewButton("Back to the note", done("", false))
	q.dialog = dialog.NewCustomWithoutButtons("Consent for this area?", q.Message, win)
	q.dialog.SetButtons([]fyne.CanvasObject{q.Back, q.Without, q.GivenNow})
	q.dialog.Resize(fyne.NewSize(min(560, win.Canvas().Size().Width-40), 0))
	q.dialog.Show()
	return q
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}
