package sessionform

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/kit"
)

// FlagQuestion is asked when a note is saved or signed while the client
// has an open red-flag screen: the safe answer, back to the note, is the
// default (Enter and Escape); saving anyway is a deliberate second
// choice. Shown over the client's page, kept for tests.
type FlagQuestion struct {
	dialog     *dialog.CustomDialog
	Message    *widget.Label
	Back       *kit.Button
	SaveAnyway *kit.Button
}

// AskFlags asks over win about the open screens; answer gets true when the
// therapist saves anyway.
func AskFlags(win fyne.Window, open []store.RedFlagScreen, answer func(saveAnyway bool)) *FlagQuestion {
	q := &FlagQuestion{}
	var lines []string
	for _, s := range open {
		line := s.Level().Words() + " (screen of " + kit.LongDate(s.On) + "): " + s.PositiveWords() + ".\n" + s.Level().Action()
		if s.Referred() {
			line += "\nSo far: " + s.Outcome() + "; no medical assessment recorded yet."
		}
		lines = append(lines, line)
	}
	q.Message = widget.NewLabel(strings.Join(lines, "\n\n") +
		"\n\nThe flag stays open until a medical assessment is recorded (Red-flag screen…).")
	q.Message.Wrapping = fyne.TextWrapWord
	done := func(save bool) func() {
		return func() {
			q.dialog.Hide()
			answer(save)
		}
	}
	q.Back = kit.NewButtonWithIcon("Back to the note", theme.NavigateBackIcon(), done(false))
	q.Back.Importance = widget.HighImportance
	q.SaveAnyway = kit.NewButton("Save anyway, with the flag open", done(true))
	q.SaveAnyway.Importance = widget.DangerImportance
	worst := store.NoFlag
	for _, s := range open {
		worst = max(worst, s.Level())
	}
	title := "Open red flag: " + worst.Words()
	q.dialog = dialog.NewCustomWithoutButtons(title, q.Message, win)
	q.dialog.SetButtons([]fyne.CanvasObject{q.SaveAnyway, q.Back})
	q.dialog.Resize(kit.DialogSize(win, 620, 0))
	kit.ShowLayer(win, "flag question", q.dialog, kit.Layer{Escape: done(false), Enter: done(false), Focus: q.Back})
	return q
}
