package bodychart

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"backtrack/report/bodymap"
	"backtrack/store"
)

// BenchmarkTap is a tap on a region in a 424×488 chart beside the bare
// canvas of the same shapes, in one run so the ratio compares like with
// like on a shared machine.
func BenchmarkTap(b *testing.B) {
	b.Run("chart", benchmarkTapUpdatesTheChart)
	b.Run("bare canvas", func(b *testing.B) {
		for b.Loop() {
			Baseline(424, 488)
		}
	})
}

// benchmarkTapUpdatesTheChart is a tap as the form handles it: the hit
// test, the mark toggled, the chart refreshed and drawn again.
func benchmarkTapUpdatesTheChart(b *testing.B) {
	test.NewTempApp(b).Settings().SetTheme(theme.LightTheme())
	c := New()
	w := test.NewTempWindow(b, c)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(424, 488))
	f := bodymap.Layout(0, 0, 424, 488)
	s, _ := f.ShapeOf("sacroiliac-l")
	at := fyne.NewPos(float32(s.Centre.X), float32(s.Centre.Y))
	marks := aMap
	c.OnTapped = func(id store.RegionID) {
		if len(marks) == len(aMap) {
			marks = marks[:len(marks)-1]
		} else {
			marks = aMap
		}
		c.SetMap(marks, treated)
	}
	r := test.WidgetRenderer(c).(*renderer)
	b.ResetTimer()
	for b.Loop() {
		test.TapAt(c, at)
		r.draw(424, 488)
	}
}
