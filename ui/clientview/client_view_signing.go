package clientview

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/kit"
)

// SignNote signs the draft on screen with the therapist's name from
// Settings, and shows it again signed.
func (v *ClientView) SignNote(s store.Session) {
	by := v.shell.Signer()
	if by == "" {
		v.shell.AskForSignerName()
		return
	}
	v.openNext = s.ID
	v.change("Could not sign the note", v.client.ID, func() viewMode { return ModeOverview },
		func(records Record) error {
			_, err := records.SignSession(context.Background(), s.ID, by)
			return err
		})
}

// askVoid asks why a signed note was entered in error, then voids it: it
// leaves every figure and stays in the record's history.
func (v *ClientView) askVoid(s store.Session) {
	by := v.shell.Signer()
	if by == "" {
		v.shell.AskForSignerName()
		return
	}
	reason := kit.NewEntry("For example: recorded on the wrong client")
	form := []*widget.FormItem{widget.NewFormItem("Reason", reason)}
	var dlg *dialog.FormDialog
	dlg = dialog.NewForm("Entered in error", "Void the note", "Keep it", form, func(ok bool) {
		if !ok {
			return
		}
		why := strings.TrimSpace(reason.Text)
		if why == "" {
			dialog.ShowInformation("A reason is needed", "Say why the note was entered in error: the reason stays with the record.", v.shell.Window())
			return
		}
		v.change("Could not void the note", v.client.ID, func() viewMode { return ModeOverview },
			func(records Record) error {
				_, err := records.VoidSession(context.Background(), s.ID, why, by)
				return err
			})
	}, v.shell.Window())
	dlg.Resize(kit.DialogSize(v.shell.Window(), 560, 200))
	dlg.Show()
	v.shell.Window().Canvas().Focus(reason)
}
