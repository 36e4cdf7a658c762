package painchart

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// chartInk is the theme's colours and sizes as the pain chart uses them,
// read once per layout so light and dark themes (and a user's own) apply.
type chartInk struct {
	before, after, important, relief color.Color
	grid, axis, text, muted          color.Color
	paper, overlay, border, focus    color.Color

	pad, textSize, tipTextSize float32
	marker, series, thin       float32
	radius                     float32
}

func inkFrom(th fyne.Theme) chartInk {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	pad := th.Size(theme.SizeNamePadding)
	return chartInk{
		// Blue and orange as on paper: apart for colour-blind readers,
		// and told apart again by filled and hollow markers.
		before: c(theme.ColorNamePrimary),
		after:  c(theme.ColorNameWarning),
		// Themes' success green is made for fills; towards the text colour
		// it reads as a thin dashed line and small label on either ground.
		important: blend(c(theme.ColorNameSuccess), c(theme.ColorNameForeground), 0.35),
		relief:    c(theme.ColorNameDisabled),
		grid:      c(theme.ColorNameSeparator),
		axis:      c(theme.ColorNamePlaceHolder),
		text:      c(theme.ColorNameForeground),
		muted:     c(theme.ColorNamePlaceHolder),
		paper:     c(theme.ColorNameBackground),
		overlay:   c(theme.ColorNameOverlayBackground),
		border:    c(theme.ColorNameInputBorder),
		focus:     c(theme.ColorNameFocus),

		pad:         pad,
		textSize:    th.Size(theme.SizeNameCaptionText),
		tipTextSize: th.Size(theme.SizeNameText),
		marker:      pad,
		series:      2 * th.Size(theme.SizeNameSeparatorThickness),
		thin:        th.Size(theme.SizeNameSeparatorThickness),
		radius:      th.Size(theme.SizeNameInputRadius),
	}
}

// pool hands out canvas objects of one kind, reusing last layout's, so a
// relayout allocates nothing once it has run.
type pool[T fyne.CanvasObject] struct {
	items []T
	used  int
	fresh func() T
}

func (p *pool[T]) next() T {
	if p.used == len(p.items) {
		p.items = append(p.items, p.fresh())
	}
	p.used++
	return p.items[p.used-1]
}

func (p *pool[T]) reset() { p.used = 0 }

func (p *pool[T]) appendTo(objects []fyne.CanvasObject) []fyne.CanvasObject {
	for _, o := range p.items[:p.used] {
		objects = append(objects, o)
	}
	return objects
}

func newTextPool() pool[*canvas.Text] {
	return pool[*canvas.Text]{fresh: func() *canvas.Text { return &canvas.Text{} }}
}

// line sets a canvas line's ends and stroke.
func line(l *canvas.Line, x1, y1, x2, y2 float32, c color.Color, width float32) {
	l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	l.StrokeColor, l.StrokeWidth = c, width
	l.Hidden = false
}

// circle centres a canvas circle on (x, y).
func circle(o *canvas.Circle, x, y, r float32, fill, stroke color.Color, width float32) {
	o.Position1, o.Position2 = fyne.NewPos(x-r, y-r), fyne.NewPos(x+r, y+r)
	o.FillColor, o.StrokeColor, o.StrokeWidth = fill, stroke, width
	o.Hidden = false
}

// blend mixes b into a by t (0 keeps a).
func blend(a, b color.Color, t float64) color.Color {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	mix := func(x, y uint32) uint8 { return uint8((float64(x)*(1-t) + float64(y)*t) / 257) }
	return color.RGBA{R: mix(ar, br), G: mix(ag, bg), B: mix(ab, bb), A: mix(aa, ba)}
}
