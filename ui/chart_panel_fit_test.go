package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

// overlaps reports whether two objects' drawn rectangles share any area.
func overlaps(a, b fyne.CanvasObject) bool {
	drv := fyne.CurrentApp().Driver()
	pa, pb := drv.AbsolutePositionForObject(a), drv.AbsolutePositionForObject(b)
	return pa.X < pb.X+b.Size().Width && pb.X < pa.X+a.Size().Width &&
		pa.Y < pb.Y+b.Size().Height && pb.Y < pa.Y+a.Size().Height
}

// On the client's screen at 1024×700 and 1280×800 the chart panel's
// title is drawn whole and clear of its Insights and Body maps buttons,
// and the function chart's dates stand clear of the window's edge.
func TestTheChartPanelsTitleAndDatesAreClearOfButtonsAndEdge(t *testing.T) {
	s := desktest.OpenStore(t)
	c := briefClient(t, s, "Marta")
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	for _, size := range screens {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			resizeWindow(d, size.Width, size.Height)
			act(d, func() { d.view.Page.Refresh() })
			var title *widget.Label
			desktest.EachObject(d.view.Page, func(o fyne.CanvasObject) {
				if l, ok := o.(*widget.Label); ok && l.Text == "PAIN AND FUNCTION" {
					title = l
				}
			})
			if title == nil {
				t.Fatal("no PAIN AND FUNCTION title on the page")
			}
			if title.Size().Width < title.MinSize().Width {
				t.Errorf("the title is given %v of the %v its words need", title.Size().Width, title.MinSize().Width)
			}
			for name, b := range map[string]fyne.CanvasObject{"Insights": d.view.InsightsButton, "Body maps": d.view.MapsButton} {
				if overlaps(title, b) {
					t.Errorf("the title is drawn under %s", name)
				}
			}

			odi := d.view.Function.Charts[store.ODI]
			drv := fyne.CurrentApp().Driver()
			// clear of the edge by the panel's own padding and by the gap
			// the page leaves under the panel, each two paddings
			edge := d.window.Canvas().Size().Height - 4*theme.Padding()
			chartEnd := drv.AbsolutePositionForObject(odi).Y + odi.Size().Height
			lowest := float32(0)
			desktest.EachObject(odi, func(o fyne.CanvasObject) {
				if txt, ok := o.(*canvas.Text); ok && txt.Visible() && txt.Text != "" {
					lowest = max(lowest, drv.AbsolutePositionForObject(txt).Y+txt.MinSize().Height)
				}
			})
			if lowest == 0 {
				t.Fatal("the ODI chart draws no labels")
			}
			if lowest > edge || chartEnd > edge {
				t.Errorf("the ODI chart's labels end at y=%v, the chart at %v: within %v of the window's edge at %v",
					lowest, chartEnd, 4*theme.Padding(), d.window.Canvas().Size().Height)
			}
		})
	}
}
