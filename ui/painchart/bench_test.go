package painchart

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"backtrack/report/chart/charttest"
)

// The chart's cost is read against a bare canvas holding the same number of
// lines, circles and texts, moved and refreshed the same way: the ratio is
// what the chart adds (geometry, tick choice, its raster) beside drawing
// the same shapes as canvas objects, as it did before it drew them into
// one raster.

var benchSizes = [2]fyne.Size{{Width: 900, Height: 320}, {Width: 880, Height: 300}}

func benchChart(b *testing.B) (*Chart, fyne.Window) {
	test.NewTempApp(b)
	fyne.CurrentApp().Settings().SetTheme(theme.LightTheme())
	c := New(func(int64) {})
	c.SetPoints(charttest.Thousand())
	w := test.NewTempWindow(b, c)
	w.SetPadded(false)
	w.Resize(benchSizes[0])
	return c, w
}

// bareCopy is a container of fresh lines, circles and texts drawn exactly
// as the chart drew them at each bench size, with no chart logic.
type bareCopy struct {
	box   *fyne.Container
	shape [2][]shape // per size, per object
}

type shape struct{ a, b fyne.Position } // ends of a line, corners of a circle, or a text's position and size

func newBareCopy(b *testing.B) *bareCopy {
	c, w := benchChart(b)
	bare := &bareCopy{box: container.NewWithoutLayout()}
	lines, circles, texts := 0, 0, 0
	for i, size := range benchSizes {
		w.Resize(size)
		for _, o := range drawnObjects(c) {
			if !o.Visible() {
				continue
			}
			switch o := o.(type) {
			case *canvas.Line:
				bare.shape[i] = append(bare.shape[i], shape{o.Position1, o.Position2})
				if i == 0 {
					bare.box.Add(&canvas.Line{StrokeColor: o.StrokeColor, StrokeWidth: o.StrokeWidth})
					lines++
				}
			case *canvas.Circle:
				bare.shape[i] = append(bare.shape[i], shape{o.Position1, o.Position2})
				if i == 0 {
					bare.box.Add(&canvas.Circle{FillColor: o.FillColor, StrokeColor: o.StrokeColor, StrokeWidth: o.StrokeWidth})
					circles++
				}
			case *canvas.Text:
				bare.shape[i] = append(bare.shape[i], shape{o.Position(), fyne.NewPos(o.Size().Width, o.Size().Height)})
				if i == 0 {
					bare.box.Add(canvas.NewText(o.Text, o.Color))
					texts++
				}
			}
		}
	}
	b.Logf("baseline: %d lines, %d circles, %d texts", lines, circles, texts)
	return bare
}

// drawnObjects is what the chart shows at its size as canvas objects: its
// raster's strokes and dots as lines and circles, then its texts.
func drawnObjects(c *Chart) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, layer := range c.renderer.shapeLayers() {
		switch layer := layer.(type) {
		case *strokes:
			for _, l := range layer.items[:layer.used] {
				out = append(out, &canvas.Line{Position1: l.Position1, Position2: l.Position2, StrokeColor: l.StrokeColor, StrokeWidth: l.StrokeWidth})
			}
		case *dots:
			for _, d := range layer.items[:layer.used] {
				out = append(out, &canvas.Circle{Position1: d.Position1, Position2: d.Position2, FillColor: d.FillColor, StrokeColor: d.StrokeColor, StrokeWidth: d.StrokeWidth})
			}
		}
	}
	for _, o := range test.WidgetRenderer(c).Objects() {
		if _, ok := o.(*canvas.Text); ok {
			out = append(out, o)
		}
	}
	return out
}

// move draws every object as at size i and refreshes once.
func (bare *bareCopy) move(i int) {
	shapes := bare.shape[i]
	for j, o := range bare.box.Objects {
		s := shapes[j%len(shapes)]
		switch o := o.(type) {
		case *canvas.Line:
			o.Position1, o.Position2 = s.a, s.b
		case *canvas.Circle:
			o.Position1, o.Position2 = s.a, s.b
		default:
			o.Move(s.a)
			o.Resize(fyne.NewSize(s.b.X, s.b.Y))
		}
	}
	canvas.Refresh(bare.box)
}

// BenchmarkPainChartLayout resizes a 1,000-visit chart back and forth.
func BenchmarkPainChartLayout(b *testing.B) {
	b.Run("backtrack", func(b *testing.B) {
		c, _ := benchChart(b)
		r := test.WidgetRenderer(c)
		i := 0
		b.ReportAllocs()
		for b.Loop() {
			i ^= 1
			r.Layout(benchSizes[i])
		}
	})
	b.Run("baseline", func(b *testing.B) {
		bare := newBareCopy(b)
		i := 0
		b.ReportAllocs()
		for b.Loop() {
			i ^= 1
			bare.move(i)
		}
	})
}

// BenchmarkPainChartRefresh sets a 1,000-visit trend, as the desk does when
// a client is opened; the baseline recolours and moves every object of the
// bare copy, then refreshes it.
func BenchmarkPainChartRefresh(b *testing.B) {
	b.Run("backtrack", func(b *testing.B) {
		c, _ := benchChart(b)
		points := charttest.Thousand()
		b.ReportAllocs()
		for b.Loop() {
			c.SetPoints(points)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		bare := newBareCopy(b)
		ink := [2]color.Color{color.Black, color.White}
		i := 0
		b.ReportAllocs()
		for b.Loop() {
			i ^= 1
			for _, o := range bare.box.Objects {
				switch o := o.(type) {
				case *canvas.Line:
					o.StrokeColor = ink[i]
				case *canvas.Circle:
					o.FillColor = ink[i]
				case *canvas.Text:
					o.Color = ink[i]
				}
			}
			bare.move(i)
		}
	})
}

// BenchmarkPainChartHover moves the pointer across a 1,000-visit chart: only
// the selection overlay is redrawn. The baseline moves and refreshes the
// same seven objects (guide, two rings, card, three texts) on a bare canvas.
func BenchmarkPainChartHover(b *testing.B) {
	b.Run("backtrack", func(b *testing.B) {
		c, _ := benchChart(b)
		xs := make([]float32, 0, len(c.layout.Visits))
		for _, v := range c.layout.Visits {
			xs = append(xs, c.plot.X+float32(v.X))
		}
		y := c.plot.Y + float32(c.layout.Frame.Height)/2
		i := 0
		b.ReportAllocs()
		for b.Loop() {
			i = (i + 7) % len(xs)
			c.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(xs[i], y)}})
		}
	})
	b.Run("baseline", func(b *testing.B) {
		bare := newBareCopy(b)
		overlay := []fyne.CanvasObject{&canvas.Line{}, &canvas.Circle{}, &canvas.Circle{}, &canvas.Rectangle{},
			canvas.NewText("", color.Black), canvas.NewText("", color.Black), canvas.NewText("", color.Black)}
		for _, o := range overlay {
			bare.box.Add(o)
		}
		i := 0
		b.ReportAllocs()
		for b.Loop() {
			i = (i + 7) % 1000
			for j, o := range overlay {
				o.Move(fyne.NewPos(float32(i%800), float32(j*10)))
				if t, ok := o.(*canvas.Text); ok {
					t.Text = "Tue 1 Sep 2026, 10:00"[:10+i%10]
				}
				canvas.Refresh(o)
			}
		}
	})
}

// BenchmarkPainChartPaint paints a 1,000-visit chart with the test driver's
// software painter, beside the bare copy of its objects.
func BenchmarkPainChartPaint(b *testing.B) {
	b.Run("backtrack", func(b *testing.B) {
		_, w := benchChart(b)
		b.ReportAllocs()
		for b.Loop() {
			w.Canvas().Capture()
		}
	})
	b.Run("baseline", func(b *testing.B) {
		bare := newBareCopy(b)
		bare.move(0)
		w := test.NewTempWindow(b, bare.box)
		w.SetPadded(false)
		w.Resize(benchSizes[0])
		b.ReportAllocs()
		for b.Loop() {
			w.Canvas().Capture()
		}
	})
}
