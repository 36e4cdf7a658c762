package clientview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/store/insight"
	"backtrack/ui/kit"
)

// InsightsLine is the brief's one line of what the record shows helps
// ("Stretching: 2.0 points more relief, 6 visits vs 6"), shown only when
// there is a finding, with the way to the details. It is a widget of its
// own so that the brief can place it where its layout wants it.
type InsightsLine struct {
	Line    *widget.Label
	Details *kit.Button
	Content *fyne.Container
}

func newInsightsLine(open func()) *InsightsLine {
	l := &InsightsLine{Line: widget.NewLabel(""), Details: kit.NewButton("Details", open)}
	l.Line.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle("Insights", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Content = container.NewBorder(nil, nil, title, l.Details, l.Line)
	l.Content.Hide()
	return l
}

// show sets the line from the client's insights; it hides without a
// finding, so the brief never says anything the numbers do not bear.
func (l *InsightsLine) show(ci insight.ClientInsights) {
	text := ci.BriefLine()
	l.Line.SetText(text)
	if text == "" {
		l.Content.Hide()
	} else {
		l.Content.Show()
	}
}

// openInsights shows the client's insights in full.
func (v *ClientView) openInsights() {
	v.InsightsView = newInsightsDialog(v, v.insights)
	v.InsightsView.show(v.shell.Window())
	v.InsightsView.dialog.SetOnClosed(func() { v.InsightsView = nil })
}
