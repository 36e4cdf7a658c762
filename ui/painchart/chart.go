package painchart

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"backtrack/report/chart"
	"backtrack/store"
)

// Chart is the desk's pain-over-visits chart: pain before and after each
// visit against real time, the relief within each visit, and the clinically
// important change level. Hovering (or moving with the arrow keys once
// focused) shows a visit's date and scores; a tap, Enter or Space opens it.
// It draws from report/chart, the same geometry as the printed report.
//
// Like any widget, it is used on Fyne's goroutine: a loader on another
// goroutine hands it data through fyne.Do.
type Chart struct {
	widget.BaseWidget

	onTapVisit func(sessionID int64)
	points     []store.TrendPoint
	series     *chart.Series // a measure's trend instead of pain; nil for pain
	message    string        // shown instead of the chart while there is no trend

	// Kept by the renderer's Layout for the pointer and key handlers.
	layout chart.Chart
	plot   fyne.Position // the plot area's top left within the widget

	selected int // index into layout.Visits under the pointer or keys; -1 for none
	focused  bool
	renderer *chartRenderer
}

var (
	_ fyne.Tappable      = (*Chart)(nil)
	_ fyne.Focusable     = (*Chart)(nil)
	_ desktop.Hoverable  = (*Chart)(nil)
	_ desktop.Cursorable = (*Chart)(nil)
)

// New makes an empty chart; onTapVisit (may be nil) is called with
// the session a therapist taps or picks with the keyboard.
func New(onTapVisit func(sessionID int64)) *Chart {
	c := &Chart{onTapVisit: onTapVisit, selected: -1, message: chart.Message(nil)}
	c.ExtendBaseWidget(c)
	return c
}

// SetPoints shows a client's trend as store.PainTrend returns it.
func (c *Chart) SetPoints(points []store.TrendPoint) {
	c.points, c.series = slices.Clone(points), nil
	c.message = chart.Message(c.points)
	c.selected = -1
	c.Refresh()
}

// SetSeries shows an outcome measure's trend instead of pain, on its own
// scale with its clinically important change, by the same geometry.
func (c *Chart) SetSeries(s chart.Series) {
	s.Points = slices.Clone(s.Points)
	c.series, c.points = &s, nil
	c.message = chart.SeriesMessage(s)
	c.selected = -1
	c.Refresh()
}

// layoutIn lays the chart out in frame: pain, or the measure's series.
func (c *Chart) layoutIn(f chart.Frame) chart.Chart {
	if c.series != nil {
		return chart.LayoutSeries(*c.series, f)
	}
	return chart.Layout(c.points, f)
}

// scale is the chart's value axis.
func (c *Chart) scale() chart.Scale {
	if c.series != nil {
		return chart.ScaleOf(c.series.Kind)
	}
	return chart.PainScale
}

// Message is what the chart says instead of drawing, or "" when it draws.
func (c *Chart) Message() string { return c.message }

// Plotted tells whether the chart drew its visits at its size (not a
// message, not "Make the window larger").
func (c *Chart) Plotted() bool { return c.message == "" && len(c.layout.Visits) > 0 }

// SelectedVisit is the visit whose details are showing, if any.
func (c *Chart) SelectedVisit() (store.TrendPoint, bool) {
	if c.selected < 0 || c.selected >= len(c.layout.Visits) {
		return store.TrendPoint{}, false
	}
	return c.layout.Visits[c.selected].TrendPoint, true
}

// CreateRenderer is called by Fyne.
func (c *Chart) CreateRenderer() fyne.WidgetRenderer {
	c.renderer = newRenderer(c)
	return c.renderer
}

// visitAt is the visit a pointer at pos means, by date first (see
// chart.Nearest), within a few marker widths and near the plot's height.
func (c *Chart) visitAt(pos fyne.Position) (int, bool) {
	if c.message != "" || len(c.layout.Visits) == 0 {
		return -1, false
	}
	x, y := float64(pos.X-c.plot.X), float64(pos.Y-c.plot.Y)
	reach := 3 * c.layout.Frame.MarkerRadius
	if y < -reach || y > c.layout.Frame.Height+reach {
		return -1, false
	}
	return c.layout.Nearest(x, y, reach)
}

func (c *Chart) selectVisit(i int) {
	if i == c.selected {
		return
	}
	c.selected = i
	if c.renderer != nil {
		c.renderer.showSelection()
	}
}

func (c *Chart) open() {
	if v, ok := c.SelectedVisit(); ok && c.onTapVisit != nil {
		c.onTapVisit(v.SessionID)
	}
}

// Tapped shows and opens the visit under the pointer.
func (c *Chart) Tapped(e *fyne.PointEvent) {
	i, ok := c.visitAt(e.Position)
	if !ok {
		return
	}
	c.selectVisit(i)
	c.open()
}

// MouseIn is called by Fyne when the pointer enters the chart.
func (c *Chart) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

// MouseMoved shows the details of the visit under the pointer.
func (c *Chart) MouseMoved(e *desktop.MouseEvent) {
	i, _ := c.visitAt(e.Position)
	if i < 0 && c.focused {
		return // keep the keyboard's choice while the pointer is elsewhere
	}
	c.selectVisit(i)
}

// MouseOut hides the details unless the keyboard is choosing.
func (c *Chart) MouseOut() {
	if !c.focused {
		c.selectVisit(-1)
	}
}

// Cursor is a pointing hand over a visit that can be opened.
func (c *Chart) Cursor() desktop.Cursor {
	if c.selected >= 0 && c.onTapVisit != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// FocusGained starts keyboard choosing at the latest visit.
func (c *Chart) FocusGained() {
	c.focused = true
	if c.selected < 0 {
		c.selectVisit(c.step(len(c.layout.Visits), -1))
	}
	if c.renderer != nil {
		c.renderer.showSelection()
	}
}

// FocusLost hides the keyboard's choice.
func (c *Chart) FocusLost() {
	c.focused = false
	c.selectVisit(-1)
	if c.renderer != nil {
		c.renderer.showSelection()
	}
}

// TypedRune is needed for fyne.Focusable; letters do nothing here.
func (c *Chart) TypedRune(rune) {}

// TypedKey moves between visits with the arrow keys, Home and End, and
// opens the chosen one with Enter or Space.
func (c *Chart) TypedKey(e *fyne.KeyEvent) {
	n := len(c.layout.Visits)
	switch e.Name {
	case fyne.KeyLeft, fyne.KeyUp:
		c.selectVisit(c.step(c.selected, -1))
	case fyne.KeyRight, fyne.KeyDown:
		c.selectVisit(c.step(c.selected, +1))
	case fyne.KeyHome:
		c.selectVisit(c.step(-1, +1))
	case fyne.KeyEnd:
		c.selectVisit(c.step(n, -1))
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		c.open()
	}
}

// step is the next visit from i in direction dir that has a score to show,
// or i itself at the end.
func (c *Chart) step(i, dir int) int {
	if c.message != "" {
		return -1
	}
	if i < 0 && dir < 0 {
		i = len(c.layout.Visits)
	}
	for j := i + dir; j >= 0 && j < len(c.layout.Visits); j += dir {
		if v := c.layout.Visits[j]; v.Before.Recorded || v.After.Recorded {
			return j
		}
	}
	if i >= len(c.layout.Visits) {
		return -1
	}
	return i
}
