package bodymap

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	geo "backtrack/report/bodymap"
)

// The keys that go beside a chart: each pain type's symbol with its word,
// and the heat map's shades with the visit counts they stand for. They draw
// from report/bodymap as the chart does, so screen and print agree.

// keySize is a key's swatch, in Fyne units.
const keySize = 16

// NewLegend lists the symbols the maps use, each with its pain type.
func NewLegend(entries []geo.LegendEntry) fyne.CanvasObject {
	items := make([]fyne.CanvasObject, 0, len(entries))
	for _, e := range entries {
		sym := e.Symbol
		r := canvas.NewRaster(func(w, h int) image.Image { return symbolImage(sym, w, h) })
		r.SetMinSize(fyne.NewSize(keySize, keySize))
		items = append(items, container.NewHBox(container.NewCenter(r), widget.NewLabel(e.Label)))
	}
	return container.NewGridWrap(fyne.NewSize(maxLabelWidth(entries)+keySize+24, 32), items...)
}

func maxLabelWidth(entries []geo.LegendEntry) float32 {
	var w float32
	for _, e := range entries {
		w = max(w, widget.NewLabel(e.Label).MinSize().Width)
	}
	return w
}

// symbolImage draws one symbol as the chart does: filled in its colour
// with a light halo, or a dark ring for a mark without a type.
func symbolImage(sym geo.Symbol, w, h int) image.Image {
	img := newCanvasImage(w, h)
	c := geo.Point{X: float64(w) / 2, Y: float64(h) / 2}
	r := 0.42 * math.Min(float64(w), float64(h))
	if sym.Outlined() {
		img.stroke(color.NRGBA{40, 40, 40, 255}, math.Max(1, r*0.3), 0, sym.Path(c, r)...)
		return img.img
	}
	img.stroke(color.White, math.Max(1, r*0.35), 0, sym.Path(c, r)...)
	img.fill(rgba(sym.Colour()), sym.Path(c, r)...)
	return img.img
}

// NewHeatKey shows the shades of a heat map whose darkest region hurt at
// most visits, each with its count.
func NewHeatKey(most int) fyne.CanvasObject {
	rows := container.NewVBox()
	for _, n := range geo.HeatSteps(most) {
		sw := canvas.NewRectangle(rgba(geo.HeatShade(n, most)))
		sw.SetMinSize(fyne.NewSize(2*keySize, keySize))
		label := fmt.Sprintf("%d visits", n)
		if n == 1 {
			label = "1 visit"
		}
		rows.Add(container.NewHBox(container.NewCenter(sw), widget.NewLabel(label)))
	}
	return rows
}
