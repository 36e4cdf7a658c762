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
// (at clinic scale that takes a moment) and gives way to Sections.
type View struct {
	Busy     *widget.Label
	Sections *fyne.Container // a bold heading and its list, section by section
	body     *fyne.Container
	dialog   *dialog.CustomDialog
}

// Show opens the view over win and reads the record in the background.
func Show(win fyne.Window, rec Record, work *kit.Tasks) *View {
	v := &View{Busy: widget.NewLabel("Reading every episode of care…"), Sections: container.NewVBox()}
	v.body = container.NewBorder(v.Busy, nil, nil, nil, container.NewVScroll(v.Sections))
	v.dialog = kit.ShowView(win, "practice insights", insight.PracticeTitle, v.body, kit.DialogSize(win, 900, 700))
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
	// a label a line: the padding between them sets each share apart
	for _, sec := range pr.Sections() {
		v.Sections.Add(widget.NewLabelWithStyle(sec.Heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, line := range sec.Lines {
			l := widget.NewLabel(words.InsightLine(line))
			l.Wrapping = fyne.TextWrapWord
			v.Sections.Add(l)
		}
	}
	v.Busy.Hide()
	v.body.Refresh() // the busy line's room goes to the sections
}

// Close closes the view.
func (v *View) Close() { v.dialog.Hide() }
