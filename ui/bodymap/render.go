package bodymap

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	geo "backtrack/report/bodymap"
	"backtrack/store"
)

// Ink is the theme's colours as the chart uses them.
type Ink struct {
	Paper, Body, Line, Seam, Focus, Muscle color.Color
}

// InkOf reads a theme in one variant.
func InkOf(th fyne.Theme, v fyne.ThemeVariant) Ink {
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	return Ink{Paper: c(theme.ColorNameBackground), Body: c(theme.ColorNameInputBackground),
		Line: c(theme.ColorNameForeground), Seam: c(theme.ColorNameSeparator), Focus: c(theme.ColorNameFocus),
		Muscle: c(theme.ColorNamePrimary)}
}

func rgba(c geo.RGB) color.NRGBA { return color.NRGBA{c.R, c.G, c.B, 255} }

// Render draws the chart into a w×h image: body, seams between regions,
// marks tinted and symbolled (or the heat map), muscles, the outline.
func Render(w, h int, ink Ink, marks []store.BodyMark, muscles []store.Tag, heat map[store.RegionID]int, heatMax int, focused store.RegionID) image.Image {
	img := newCanvasImage(w, h)
	img.clear(ink.Paper)
	f := geo.Layout(0, 0, float64(w), float64(h))
	line := math.Max(1, f.Scale*0.6)
	outlines := f.Outlines()
	for _, o := range outlines {
		img.fill(ink.Body, o.Body, o.Head)
	}
	shapes := f.Shapes()
	byRegion := map[store.RegionID]store.BodyMark{}
	for _, m := range marks {
		byRegion[m.Region] = m
	}
	for _, s := range shapes {
		if m, ok := byRegion[s.Region]; ok {
			img.fill(rgba(geo.Fill(m)), s.Polys...)
		} else if n := heat[s.Region]; n > 0 {
			img.fill(rgba(geo.HeatShade(n, heatMax)), s.Polys...)
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
		sym := geo.SymbolOf(m.PainType)
		if sym.Outlined() {
			img.stroke(color.NRGBA{40, 40, 40, 255}, math.Max(1, r*0.3), 0, sym.Path(s.Centre, r)...)
			continue
		}
		img.stroke(color.White, math.Max(1, r*0.35), 0, sym.Path(s.Centre, r)...)
		img.fill(rgba(sym.Colour()), sym.Path(s.Centre, r)...)
	}
	if sh, ok := f.ShapeOf(focused); ok && focused != "" {
		img.stroke(ink.Focus, line*2.5, 0, sh.Polys...)
	}
	return img.img
}
