package bodymap

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	geo "backtrack/report/bodymap"
	"backtrack/store"
)

// BenchmarkTapUpdatesTheChart is a tap on a region as the form handles it:
// the mark toggled, the chart refreshed and drawn again at 424×488.
func BenchmarkTapUpdatesTheChart(b *testing.B) {
	test.NewTempApp(b).Settings().SetTheme(theme.LightTheme())
	c := New()
	w := test.NewTempWindow(b, c)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(424, 488))
	f := geo.Layout(0, 0, 424, 488)
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

// BenchmarkBareCanvasOfTheSameShapes is the baseline: the same regions and
// outline filled into an image of the same size, nothing else.
func BenchmarkBareCanvasOfTheSameShapes(b *testing.B) {
	f := geo.Layout(0, 0, 424, 488)
	shapes := f.Shapes()
	outlines := f.Outlines()
	for b.Loop() {
		img := newCanvasImage(424, 488)
		img.clear(color.White)
		for _, o := range outlines {
			img.fill(color.Gray{230}, o.Body, o.Head)
		}
		for _, s := range shapes {
			img.fill(color.Gray{200}, s.Polys...)
		}
	}
}
