package bodychart

import (
	"image"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/report/bodymap"
	"backtrack/store"
	"backtrack/ui/xlayout"
)

// swatchSize is a legend symbol's box, in Fyne units.
const swatchSize = 14

// Legend is the line under a chart that says which is which: each pain
// type's symbol as drawn on the figure, and the dashed outline of the
// muscles treated.
type Legend struct {
	widget.BaseWidget
	box *xlayout.Flow // wraps in a narrow column
	// Text is the legend in words (for tests and screen readers).
	Text string
}

// NewLegend returns an empty legend.
func NewLegend() *Legend {
	l := &Legend{box: xlayout.NewFlow()}
	l.ExtendBaseWidget(l)
	return l
}

// SetMap lists the symbols of marks and, when any muscle treated has an
// outline on the figure, the outline.
func (l *Legend) SetMap(marks []store.BodyMark, muscles []store.Tag) {
	l.box.Objects = nil
	var words []string
	for _, e := range bodymap.Legend(marks) {
		sym := e.Symbol
		l.add(func(img *canvasImage, ink Ink, px float64) {
			drawSymbol(img, ink, sym, bodymap.Point{X: px / 2, Y: px / 2}, px*0.4)
		}, e.Label)
		words = append(words, e.Label)
	}
	for _, m := range muscles {
		if bodymap.HasOutline(m) {
			l.add(func(img *canvasImage, ink Ink, px float64) {
				a, b := px*0.15, px*0.85
				img.stroke(ink.Muscle, px*0.1, px*0.17, bodymap.Polygon{{X: a, Y: a}, {X: b, Y: a}, {X: b, Y: b}, {X: a, Y: b}})
			}, "muscles treated")
			words = append(words, "muscles treated")
			break
		}
	}
	l.Text = strings.Join(words, " · ")
	l.box.Refresh()
	l.Refresh()
}

// add puts one swatch, drawn by draw in the theme's colours, and its label.
func (l *Legend) add(draw func(img *canvasImage, ink Ink, px float64), label string) {
	r := canvas.NewRaster(func(w, h int) image.Image {
		img := newCanvasImage(w, h)
		ink := InkOf(l.Theme(), fyne.CurrentApp().Settings().ThemeVariant())
		img.clear(ink.Paper)
		draw(img, ink, float64(min(w, h)))
		return img.img
	})
	r.SetMinSize(fyne.NewSize(swatchSize, swatchSize))
	text := widget.NewLabel(label)
	l.box.Add(container.NewHBox(container.NewCenter(r), text))
}

// CreateRenderer implements fyne.Widget.
// An empty legend keeps a line's height, so the chart above it does not
// move when the first mark brings the legend.
func (l *Legend) CreateRenderer() fyne.WidgetRenderer {
	line := canvas.NewRectangle(color.Transparent)
	line.SetMinSize(fyne.NewSize(0, widget.NewLabel("").MinSize().Height))
	return widget.NewSimpleRenderer(container.NewStack(line, l.box))
}
