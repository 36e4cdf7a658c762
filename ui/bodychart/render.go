package bodychart

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"backtrack/report/bodymap"
	"backtrack/store"
)

// Ink is the theme's colours as the chart uses them.
type Ink struct {
	Paper, Body, Line, Seam, Focus, Muscle color.Color
	// Mark, when set, fills a mark without a pain type: the client's own
	// chart, whose marks are only "it hurts here", shows them in the
	// theme's accent rather than the therapist's untyped grey.
	Mark color.Color
}

// InkOf reads a theme in one variant.
func InkOf(th fyne.Theme, v fyne.ThemeVariant) Ink {
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	return Ink{Paper: c(theme.ColorNameBackground), Body: c(theme.ColorNameInputBackground),
		Line: c(theme.ColorNameForeground), Seam: c(theme.ColorNameSeparator), Focus: c(theme.ColorNameFocus),
		Muscle: c(theme.ColorNamePrimary)}
}

func rgba(c bodymap.RGB) color.NRGBA { return color.NRGBA{c.R, c.G, c.B, 255} }

// rgbOf is a theme colour as the geometry's RGB, alpha dropped.
func rgbOf(c color.Color) bodymap.RGB {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return bodymap.RGB{R: n.R, G: n.G, B: n.B}
}

// Render draws the chart into a w×h image: body, seams between regions,
// marks tinted and symbolled (or the heat map), muscles, the outline.
func Render(w, h int, ink Ink, marks []store.BodyMark, muscles []store.Tag, heat map[store.RegionID]int, heatMax int, focused store.RegionID) image.Image {
	// The paper is left clear, so the chart sits on whatever it is drawn
	// over (a popup's lighter background on dark); tints and rims are
	// mixed toward the theme's paper.
	img := newCanvasImage(w, h)
	f := bodymap.Layout(0, 0, float64(w), float64(h))
	line := math.Max(1, f.Scale*0.6)
	outlines := f.Outlines()
	for _, o := range outlines {
		img.fill(ink.Body, o.Body, o.Head)
	}
	shapes := f.Shapes()
	paper := rgbOf(ink.Paper)
	byRegion := map[store.RegionID]store.BodyMark{}
	for _, m := range marks {
		byRegion[m.Region] = m
	}
	for _, s := range shapes {
		if m, ok := byRegion[s.Region]; ok && ink.Mark != nil && m.PainType.Name == "" {
			img.fill(ink.Mark, s.Polys...)
		} else if ok {
			img.fill(rgba(bodymap.FillOver(m, paper)), s.Polys...)
		} else if n := heat[s.Region]; n > 0 {
			img.fill(rgba(bodymap.HeatShadeOver(n, heatMax, paper)), s.Polys...)
		}
		img.stroke(ink.Seam, line*0.6, 0, s.Polys...)
	}
	for _, o := range f.MuscleOutlines(muscles) {
		img.stroke(ink.Muscle, line*1.4, 2.2*line, o.Poly)
	}
	for _, o := range outlines {
		img.stroke(ink.Line, line, 0, o.Body, o.Head)
	}
	r := math.Max(3, f.Scale*3.2)
	for _, s := range shapes {
		m, ok := byRegion[s.Region]
		if !ok {
			continue
		}
		drawSymbol(img, ink, bodymap.SymbolOf(m.PainType), s.Centre, r)
	}
	if sh, ok := f.ShapeOf(focused); ok && focused != "" {
		img.stroke(ink.Focus, line*2.5, 0, sh.Polys...)
	}
	return img.img
}

// drawSymbol draws a pain type's symbol around c: filled in its colour with
// a rim of paper so it stands off the tint, or, for a region without a
// type, a ring in the line colour.
func drawSymbol(img *canvasImage, ink Ink, sym bodymap.Symbol, c bodymap.Point, r float64) {
	if sym.Outlined() {
		img.stroke(ink.Line, math.Max(1, r*0.3), 0, sym.Path(c, r)...)
		return
	}
	img.stroke(ink.Paper, math.Max(1, r*0.35), 0, sym.Path(c, r)...)
	img.fill(rgba(sym.Colour()), sym.Path(c, r)...)
}

// Baseline is what any drawing of the figure costs at least: its body
// and region polygons filled flat into a w×h image with the same
// rasterizer, nothing else. Benchmarks measure the chart beside it.
func Baseline(w, h int) image.Image {
	f := bodymap.Layout(0, 0, float64(w), float64(h))
	img := newCanvasImage(w, h)
	img.clear(color.White)
	for _, o := range f.Outlines() {
		img.fill(color.Gray{Y: 230}, o.Body, o.Head)
	}
	for _, s := range f.Shapes() {
		img.fill(color.Gray{Y: 200}, s.Polys...)
	}
	return img.img
}
