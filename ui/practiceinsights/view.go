package practiceinsights

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"backtrack/store/insight"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// View shows the practice's insights. Busy says the record is being read
// (at clinic scale that takes a moment) and gives way to Text.
type View struct {
	Busy   *widget.Label
	Text   *widget.Label
	dialog *dialog.CustomDialog
}

// Show opens the view over win and reads the record in the background.
func Show(win fyne.Window, rec Record, work *kit.Tasks) *View {
	v := &View{Busy: widget.NewLabel("Reading every episode of care…"), Text: widget.NewLabel("")}
	v.Text.Wrapping = fyne.TextWrapWord
	v.Text.Hide()
	body := container.NewBorder(v.Busy, nil, nil, nil, container.NewVScroll(v.Text))
	v.dialog = kit.ShowView(win, "practice insights", insight.PracticeTitle, body, kit.DialogSize(win, 820, 600))
	work.Run(func() func() {
		pr, err := rec.PracticeInsights(work.Context())
		return func() { v.show(pr, err) }
	})
	return v
}

func (v *View) show(pr insight.Practice, err error) {
	if err != nil {
		v.Busy.SetText(words.ErrorText(err))
		return
	}
	v.Busy.Hide()
	v.Text.SetText(words.InsightsText(pr.Sections()))
	v.Text.Show()
}

// Close closes the view.
func (v *View) Close() { v.dialog.Hide() }
