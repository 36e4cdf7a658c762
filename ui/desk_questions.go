package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/ui/kit"
)

// unsavedPrompt is the open "unsaved changes" question, kept on the desk
// so tests can answer it the way a therapist would.
type unsavedPrompt struct {
	dialog  *dialog.CustomDialog
	Keep    *kit.Button
	Discard *kit.Button
	Save    *kit.Button
}

// ConfirmUnsaved asks what to do with unsaved changes before leaving a
// form. Keep editing is the safe answer: closing the question loses
// nothing.
func (d *Desk) ConfirmUnsaved(what string, answer func(kit.UnsavedChoice)) {
	if d.Unsaved != nil {
		return // already asked: a second Escape must not stack a second question
	}
	p := &unsavedPrompt{}
	answered := false
	choose := func(c kit.UnsavedChoice) func() {
		return func() {
			answered = true
			p.dialog.Hide()
			answer(c)
		}
	}
	p.Keep = kit.NewButton("Keep editing", choose(kit.KeepEditing))
	p.Discard = kit.NewButtonWithIcon("Discard changes", theme.DeleteIcon(), choose(kit.DiscardChanges))
	p.Discard.Importance = widget.DangerImportance
	p.Save = kit.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), choose(kit.SaveChanges))
	p.Save.Importance = widget.HighImportance
	msg := widget.NewLabel(what + " has changes that are not saved yet.")
	p.dialog = dialog.NewCustomWithoutButtons("Unsaved changes", msg, d.window)
	p.dialog.SetButtons([]fyne.CanvasObject{p.Keep, p.Discard, p.Save})
	p.dialog.SetOnClosed(func() {
		if d.Unsaved == p {
			d.Unsaved = nil
		}
		if !answered {
			answer(kit.KeepEditing)
		}
	})
	d.Unsaved = p
	// Escape is the safe answer.
	kit.ShowLayer(d.window, "unsaved changes", p.dialog, kit.Layer{Escape: p.dialog.Hide, Focus: p.Keep})
}

// confirmPrompt is an open yes/no question, kept on the desk for tests.
type confirmPrompt struct {
	dialog *dialog.CustomDialog
	OK     *kit.Button
	Cancel *kit.Button
}

// Ask asks before something that cannot be undone or hides data.
// Cancel is the safe answer and the one Escape gives.
func (d *Desk) Ask(title, message, okLabel string, onOK func()) {
	p := &confirmPrompt{}
	close := func() {
		p.dialog.Hide()
		if d.Confirm == p {
			d.Confirm = nil
		}
	}
	p.Cancel = kit.NewButton("Cancel", close)
	p.OK = kit.NewButton(okLabel, func() {
		close()
		onOK()
	})
	p.OK.Importance = widget.DangerImportance
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	p.dialog = dialog.NewCustomWithoutButtons(title, msg, d.window)
	p.dialog.SetButtons([]fyne.CanvasObject{p.Cancel, p.OK})
	p.dialog.Resize(fyne.NewSize(460, 0))
	d.Confirm = p
	kit.ShowLayer(d.window, "are you sure", p.dialog, kit.Layer{Escape: close, Enter: close, Focus: p.Cancel})
}
