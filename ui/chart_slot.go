package ui

import (
	"fyne.io/fyne/v2"

	"backtrack/store"
)

// painChartView is what the client view needs from the pain chart.
type painChartView interface {
	fyne.CanvasObject
	SetPoints([]store.TrendPoint)
}

// newChartSlot returns the pain-over-visits chart. Tapping a visit calls
// onTapVisit with its session.
func newChartSlot(onTapVisit func(sessionID int64)) painChartView {
	return NewPainChart(onTapVisit)
}
