package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

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
	return newChartPlaceholder()
}

// chartPlaceholder keeps the chart's place until the chart widget lands.
type chartPlaceholder struct {
	widget.BaseWidget
	label *widget.Label
}

func newChartPlaceholder() *chartPlaceholder {
	c := &chartPlaceholder{label: widget.NewLabel("")}
	c.label.Importance = widget.LowImportance
	c.ExtendBaseWidget(c)
	return c
}

func (c *chartPlaceholder) SetPoints(points []store.TrendPoint) {
	c.label.SetText(fmt.Sprintf("Pain chart (%s)", plural(len(points), "visit", "visits")))
}

func (c *chartPlaceholder) MinSize() fyne.Size { return fyne.NewSize(320, 200) }

func (c *chartPlaceholder) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewCenter(c.label))
}
