package sessionform

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/kit"
)

// ConsentGate is the question asked the moment a ticked muscle reaches an
// area without consent: before the hands, not after the treatment. Back
// to the note is the default (Enter and Escape), and it unticks the
// muscle; shown over the client's page, kept for tests.
type ConsentGate struct {
	dialog   *dialog.CustomDialog
	Question store.ConsentQuestion
	Message  *widget.Label
	// Reason is asked only when the area was excluded or withdrawn:
	// treating it anyway keeps the reason with the note.
	Reason  *kit.Entry
	Problem *widget.Label
	Choices map[store.ConsentChoice]*kit.Button
}

// choiceWords are the buttons, in words a therapist acts on.
var choiceWords = map[store.ConsentChoice]string{
	store.BackToNote:           "Back to the note",
	store.RecordWrittenConsent: "Client signs written consent now…",
	store.RecordVerbalConsent:  "Client consents verbally: record it",
	store.TreatExcludedAnyway:  "Treat anyway, for the reason given",
}

// AskConsentGate asks q over win; answer gets the choice, checked by the
// domain's rule (store.CheckConsentChoice), and the reason typed.
func AskConsentGate(win fyne.Window, q store.ConsentQuestion,
	answer func(choice store.ConsentChoice, reason string)) *ConsentGate {
	g := &ConsentGate{Question: q, Choices: map[store.ConsentChoice]*kit.Button{}}
	g.Message = widget.NewLabel(q.Status.Words() + "\n\n" + q.Question)
	g.Message.Wrapping = fyne.TextWrapWord
	g.Problem = widget.NewLabel("")
	g.Problem.Importance = widget.DangerImportance
	g.Problem.Wrapping = fyne.TextWrapWord
	g.Problem.Hide()
	g.Reason = kit.NewNoteEntry("Why the client's refusal no longer holds (kept with the note)", 2)
	choose := func(c store.ConsentChoice) {
		reason := strings.TrimSpace(g.Reason.Text)
		if err := store.CheckConsentChoice(q, c, reason); err != nil {
			msg := err.Error()
			g.Problem.SetText(strings.ToUpper(msg[:1]) + msg[1:] + ".")
			g.Problem.Show()
			win.Canvas().Focus(g.Reason)
			return
		}
		g.dialog.Hide()
		answer(c, reason)
	}
	var buttons []fyne.CanvasObject
	for i := len(q.Choices) - 1; i >= 0; i-- { // the default last, where Fyne puts a dialog's confirm
		c := q.Choices[i]
		b := kit.NewButton(choiceWords[c], func() { choose(c) })
		switch c {
		case store.BackToNote:
			b.Icon, b.Importance = theme.NavigateBackIcon(), widget.HighImportance
		case store.TreatExcludedAnyway:
			b.Importance = widget.DangerImportance
		}
		g.Choices[c] = b
		buttons = append(buttons, b)
	}
	content := container.NewVBox(g.Message)
	if q.ReasonNeeded {
		content.Add(g.Reason)
	}
	content.Add(g.Problem)
	title := "Consent for the " + strings.ToLower(q.Area.Label()) + "?"
	if q.Status.State == store.AreaExcluded || q.Status.State == store.AreaWithdrawn {
		title = q.Area.Label() + " is excluded by the client"
		if q.Status.State == store.AreaWithdrawn {
			title = q.Area.Label() + ": consent withdrawn"
		}
	}
	g.dialog = dialog.NewCustomWithoutButtons(title, content, win)
	g.dialog.SetButtons(buttons)
	g.dialog.Resize(kit.DialogSize(win, 600, 0))
	back := func() { choose(store.BackToNote) }
	kit.ShowLayer(win, "consent question", g.dialog, kit.Layer{Close: back, Enter: back, Focus: g.Choices[store.BackToNote]})
	return g
}
