package reportdialog

import (
	"fyne.io/fyne/v2/widget"

	"backtrack/report"
)

// newInsightsChoice is the check that adds "What has helped" to the
// physician's edition: the findings of the episode of care with their
// numbers and caveats. Off unless asked: it is the physician's to read, and
// only the physician's edition offers it.
func newInsightsChoice(e *ReportDialog) *widget.Check {
	c := widget.NewCheck("Add “What has helped” (insights over the episode of care)", nil)
	prev := e.Edition.OnChanged
	e.Edition.OnChanged = func(s string) {
		if prev != nil {
			prev(s)
		}
		e.showInsightsChoice()
	}
	return c
}

// showInsightsChoice shows the check with the physician's edition only.
func (e *ReportDialog) showInsightsChoice() {
	if e.Insights == nil {
		return
	}
	if editionOf(e.Edition.Selected) == report.ForPhysician && e.document() == report.ProgressReport {
		e.Insights.Show()
	} else {
		e.Insights.Hide()
	}
}

// insightsChosen reports whether the report prints "What has helped".
func (e *ReportDialog) insightsChosen(o report.Options) bool {
	return e.Insights.Checked && o.Document == report.ProgressReport && o.Edition == report.ForPhysician && e.note == nil
}
