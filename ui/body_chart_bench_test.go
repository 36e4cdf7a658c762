package ui

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"backtrack/report/bodymap"
	"backtrack/store"
	"backtrack/ui/bodychart"
	"backtrack/ui/internal/desktest"
)

// BenchmarkTapOnTheSessionFormsChart is a tap on the chart opened over a
// session form at 1280×800, the whole path: the hit test, the mark
// toggled, the form's figure, line and legend updated, the rows rebuilt,
// and both figures (the chart's and the form's small one) drawn again.
// Beside it, in the same run, the bare canvas: the same shapes filled flat
// at the same two sizes.
func BenchmarkTapOnTheSessionFormsChart(b *testing.B) {
	s := desktest.OpenStore(b)
	c := desktest.AddClient(b, s, store.Client{FirstName: "Emma", LastName: "Brennan"})
	d := newTestDesk(b, s, Options{})
	pick(b, d, c.ID)
	press(b, d, shortcutNewSession)
	resizeWindow(d, 1280, 800)
	f := d.view.Form
	act(d, f.OpenChart)
	big, small := f.BodyChart.Chart.Chart, f.BodyChart.Thumb
	shape, _ := bodymap.Layout(0, 0, float64(big.Size().Width), float64(big.Size().Height)).ShapeOf("lumbar-l")
	at := fyne.NewPos(float32(shape.Centre.X), float32(shape.Centre.Y))
	px := func(o fyne.CanvasObject) (int, int) { return int(o.Size().Width), int(o.Size().Height) }
	bw, bh := px(big)
	sw, sh := px(small)
	b.Run("form", func(b *testing.B) {
		for b.Loop() {
			act(d, func() { test.TapAt(big, at) })
			drawChart(big, bw, bh)
			drawChart(small, sw, sh)
		}
	})
	b.Run("bare canvas", func(b *testing.B) {
		for b.Loop() {
			bodychart.Baseline(bw, bh)
			bodychart.Baseline(sw, sh)
		}
	})
}

// drawChart rasterizes a chart as the canvas does on the next frame.
func drawChart(c *bodychart.Chart, w, h int) image.Image {
	return test.WidgetRenderer(c).Objects()[0].(*canvas.Raster).Generator(w, h)
}
