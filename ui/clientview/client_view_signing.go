package clientview

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
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

// VoidQuestion asks why a signed note was entered in error; kept on the
// view while open, for tests.
type VoidQuestion struct {
	Reason  *kit.Entry
	Problem *widget.Label
	Void    *kit.Button
	Keep    *kit.Button
}

// askVoid asks why a signed note was entered in error, then voids it: it
// leaves every figure and stays in the record's history. Enter in the
// reason voids; an empty reason is refused in the question itself.
func (v *ClientView) askVoid(s store.Session) {
	by := v.shell.Signer()
	if by == "" {
		v.shell.AskForSignerName()
		return
	}
	win := v.shell.Window()
	q := &VoidQuestion{Reason: kit.NewEntry("For example: recorded on the wrong client"), Problem: widget.NewLabel("")}
	q.Problem.Importance = widget.DangerImportance
	q.Problem.Wrapping = fyne.TextWrapWord
	q.Problem.Hide()
	var dlg *dialog.CustomDialog
	void := func() {
		why := strings.TrimSpace(q.Reason.Text)
		if why == "" {
			q.Problem.SetText("Say why the note was entered in error: the reason stays with the record.")
			q.Problem.Show()
			win.Canvas().Focus(q.Reason)
			return
		}
		dlg.Hide()
		v.change("Could not void the note", v.client.ID, func() viewMode { return ModeOverview },
			func(records Record) error {
				_, err := records.VoidSession(context.Background(), s.ID, why, by)
				return err
			})
	}
	q.Void = kit.NewButton("Void the note", void)
	q.Void.Importance = widget.DangerImportance
	q.Keep = kit.NewButton("Keep it", func() { dlg.Hide() })
	content := container.NewVBox(container.New(layout.NewFormLayout(), kit.FormRowLabel("Reason"), q.Reason), q.Problem)
	dlg = dialog.NewCustomWithoutButtons("Entered in error", content, win)
	dlg.SetButtons([]fyne.CanvasObject{kit.DialogButtons(q.Void, q.Keep)})
	dlg.SetOnClosed(func() {
		if v.VoidAsk == q {
			v.VoidAsk = nil
		}
	})
	dlg.Resize(kit.DialogSize(win, 560, 0))
	v.VoidAsk = q
	kit.ShowLayer(win, "void", dlg, kit.Layer{Enter: void, Focus: q.Reason})
}
