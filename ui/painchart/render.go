package painchart

import (
	"image"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"backtrack/report/chart"
)

// chartRenderer draws a Chart from report/chart's geometry: its lines and
// dots into one raster (see raster.go), its words as canvas texts, laid
// out again on every resize.
type chartRenderer struct {
	c       *Chart
	ink     chartInk
	size    fyne.Size
	objects []fyne.CanvasObject

	// Label widths by text, for the tick chooser; cleared when the text
	// size changes.
	widths     map[string]float32
	widthsSize float32

	message *widget.Label
	focus   *canvas.Rectangle
	raster  *canvas.Raster // every stroke and dot below, drawn by shapeLayers

	// Layers, back to front.
	grid, ticks, legendLines, dashes, connectors, after, before strokes
	legendMarks, afterMarks, beforeMarks, draftMarks            dots
	adherenceMarks                                              dots
	adherenceNone                                               strokes
	labels, legendTexts                                         pool[*canvas.Text]
	selection                                                   selectionOverlay
}

func newRenderer(c *Chart) *chartRenderer {
	r := &chartRenderer{
		c:           c,
		message:     widget.NewLabel(""),
		focus:       &canvas.Rectangle{},
		legendLines: strokes{round: true}, connectors: strokes{round: true},
		after: strokes{round: true}, before: strokes{round: true},
		labels: newTextPool(), legendTexts: newTextPool(),
		selection: newSelectionOverlay(),
	}
	r.raster = canvas.NewRaster(func(w, h int) image.Image { return paintShapes(w, h, r.size, r.shapeLayers()) })
	r.message.Alignment = fyne.TextAlignCenter
	r.message.Wrapping = fyne.TextWrapWord
	return r
}

func (r *chartRenderer) Destroy() {}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize leaves room for the legend, five pain gridlines and a date row.
func (r *chartRenderer) MinSize() fyne.Size {
	k := inkFrom(r.c.Theme())
	row := 1.35 * k.textSize
	if r.c.series != nil { // a measure's chart sits beside pain, smaller
		return fyne.NewSize(14*row, 8*row)
	}
	return fyne.NewSize(18*row, 10*row)
}

// Refresh re-reads the theme and the points and draws again.
func (r *chartRenderer) Refresh() {
	r.Layout(r.c.Size())
}

// Layout fits the chart to size: the chrome (legend, pain labels, date
// rows) is measured from the theme's text size and padding, and the plot
// takes the rest.
func (r *chartRenderer) Layout(size fyne.Size) {
	r.size = size
	r.ink = inkFrom(r.c.Theme())
	k := r.ink
	for _, p := range []*strokes{&r.grid, &r.ticks, &r.legendLines, &r.dashes, &r.connectors, &r.after, &r.before, &r.adherenceNone} {
		p.reset()
	}
	for _, p := range []*dots{&r.legendMarks, &r.afterMarks, &r.beforeMarks, &r.draftMarks, &r.adherenceMarks} {
		p.reset()
	}
	r.labels.reset()
	r.legendTexts.reset()
	r.c.layout = chart.Chart{}

	r.focus.StrokeColor, r.focus.StrokeWidth, r.focus.CornerRadius = k.focus, 2*k.thin, k.radius
	r.focus.FillColor = color.Transparent
	r.focus.Resize(size)
	r.focus.Hidden = !r.c.focused
	r.raster.Move(fyne.NewPos(0, 0))
	r.raster.Resize(size)

	if r.c.message != "" {
		r.showMessage(r.c.message)
	} else if !r.layoutChart(size) {
		r.showMessage("Make the window larger to see the pain chart.")
	} else {
		r.message.Hide()
	}
	r.selection.layout(r)
	r.objects = r.collect()
	canvas.Refresh(r.c)
}

func (r *chartRenderer) showMessage(text string) {
	pad := r.ink.pad
	r.message.SetText(text)
	r.message.Show()
	w := max(r.size.Width-4*pad, 0)
	r.message.Resize(fyne.NewSize(w, r.size.Height))
	h := r.message.MinSize().Height
	r.message.Resize(fyne.NewSize(w, h))
	r.message.Move(fyne.NewPos(2*pad, (r.size.Height-h)/2))
}

// layoutChart places everything but the selection; false when the size
// leaves no room for a plot. A legend that wraps in a narrow chart takes
// its rows from the plot, which is then laid out again.
func (r *chartRenderer) layoutChart(size fyne.Size) bool {
	k := r.ink
	row := 1.35 * k.textSize
	left := r.measure(chart.FormatScore(r.c.scale().Max)) + 2*k.pad
	right := r.measure("30 Sep")/2 + k.pad
	bottom := k.pad + 2*row // tick, date row, year row
	adherence := r.c.series == nil && hasAdherence(r.c.points)
	for legendRows := 1; ; {
		top := float32(legendRows)*row + k.pad + row/2 // half a row so "10" is whole
		if adherence {
			top += 2 * row // the home exercises: their label, then their marks
		}
		plotW, plotH := size.Width-left-right, size.Height-top-bottom
		if plotW < 8*k.marker || plotH < 4*k.marker {
			return false
		}
		c := r.c.layoutIn(chart.Frame{
			Width: float64(plotW), Height: float64(plotH),
			Inset: float64(2 * k.marker), MarkerRadius: float64(k.marker),
			MeasureLabel: func(s string) float64 { return float64(r.measure(s)) },
			LabelGap:     float64(3 * k.pad), MinPainTickGap: float64(row),
		})
		r.c.layout, r.c.plot = c, fyne.NewPos(left, top)
		r.legendLines.reset()
		r.legendMarks.reset()
		r.legendTexts.reset()
		if rows := r.layoutLegend(left, 0, size.Width-left, row, !c.Dense); rows > legendRows {
			legendRows = rows
			continue
		}
		if r.c.selected >= len(c.Visits) {
			r.c.selected = -1
		}
		r.layoutAxes(c, left, top, row)
		r.layoutReference(c, left, top)
		r.layoutSeries(c, left, top)
		if adherence {
			r.layoutAdherence(c, left, float32(legendRows)*row+k.pad, row)
		}
		return true
	}
}

func (r *chartRenderer) layoutAxes(c chart.Chart, px, py, row float32) {
	k := r.ink
	w, h := float32(c.Frame.Width), float32(c.Frame.Height)
	for _, t := range c.PainTicks {
		y := py + float32(t.Pos)
		if t.Pos < c.Frame.Height { // the baseline is drawn as the axis
			r.grid.add(px, y, px+w, y, k.grid, k.thin)
		}
		lw := r.measure(t.Label)
		r.text(t.Label, px-k.pad-lw, y-row/2, k.text)
	}
	r.grid.add(px, py+h, px+w, py+h, k.axis, k.thin)
	for _, t := range c.DateTicks {
		x := px + float32(t.Pos)
		r.ticks.add(x, py+h, x, py+h+k.pad, k.axis, k.thin)
		for i, s := range []string{t.Label, t.Context} {
			if s == "" {
				continue
			}
			lw := r.measure(s)
			lx := min(max(x-lw/2, 0), r.size.Width-lw)
			r.text(s, lx, py+h+k.pad+float32(i)*row, k.text)
		}
	}
}

// layoutReference dashes the clinically important change level, under the
// series unless they are dense; the legend gives its value.
func (r *chartRenderer) layoutReference(c chart.Chart, px, py float32) {
	if !c.Important.Shown {
		return
	}
	k := r.ink
	y := py + float32(c.Important.Y)
	end := px + float32(c.Frame.Width)
	dash, gap := 2*k.pad, k.pad
	for x := px; x < end; x += dash + gap {
		r.dashes.add(x, y, min(x+dash, end), y, k.important, 1.5*k.thin)
	}
}

// layoutSeries draws the relief connectors, the two broken lines and their
// markers: filled before, hollow after. A dense chart keeps only the lines
// and the markers of isolated scores that no line shows.
func (r *chartRenderer) layoutSeries(c chart.Chart, px, py float32) {
	k := r.ink
	if !c.Dense {
		for _, v := range c.Visits {
			if v.HasRelief() {
				x := px + float32(v.X)
				r.connectors.add(x, py+float32(v.BeforeY), x, py+float32(v.AfterY), k.relief, 1.5*k.thin)
			}
		}
	}
	series := func(lines []chart.Line, segs *strokes, marks *dots, ink, fill color.Color) {
		for _, l := range lines {
			for i := 1; i < len(l); i++ {
				segs.add(px+float32(l[i-1].X), py+float32(l[i-1].Y), px+float32(l[i].X), py+float32(l[i].Y), ink, k.series)
			}
			if c.Dense && len(l) > 1 {
				continue
			}
			for _, p := range l {
				marks.add(px+float32(p.X), py+float32(p.Y), k.marker, fill, ink, 1.5*k.thin)
			}
		}
	}
	series(c.After, &r.after, &r.afterMarks, k.after, k.paper)
	series(c.Before, &r.before, &r.beforeMarks, k.before, k.before)
	// A note not signed yet: a grey ring around its visit's first score.
	for _, v := range c.Visits {
		if !v.Draft {
			continue
		}
		y := v.BeforeY
		if !v.Before.Recorded {
			if !v.After.Recorded {
				continue
			}
			y = v.AfterY
		}
		r.draftMarks.add(px+float32(v.X), py+float32(y), 1.8*k.marker, color.Transparent, k.muted, k.thin)
	}
}

// text places a pooled label with its top left at (x, y).
func (r *chartRenderer) text(s string, x, y float32, c color.Color) *canvas.Text {
	t := r.labels.next()
	t.Text, t.Color, t.TextSize, t.TextStyle = s, c, r.ink.textSize, fyne.TextStyle{}
	t.Alignment = fyne.TextAlignLeading
	t.Move(fyne.NewPos(x, y))
	t.Resize(fyne.NewSize(r.measure(s), 1.35*r.ink.textSize))
	t.Hidden = false
	return t
}

// measure is a label's width at the chart's text size, remembered because
// the tick chooser asks about the same few labels many times.
func (r *chartRenderer) measure(s string) float32 {
	if r.widths == nil || r.widthsSize != r.ink.textSize {
		r.widths, r.widthsSize = map[string]float32{}, r.ink.textSize
	}
	if w, ok := r.widths[s]; ok {
		return w
	}
	w := fyne.MeasureText(s, r.ink.textSize, fyne.TextStyle{}).Width
	r.widths[s] = w
	return w
}

// shapeLayers lists the raster's layers back to front.
func (r *chartRenderer) shapeLayers() []shapes {
	layers := []shapes{&r.grid, &r.ticks, &r.legendLines, &r.dashes, &r.connectors, &r.after, &r.before}
	if r.c.layout.Dense {
		// A dense history would bury the level; dashed, it hides nothing.
		layers = append(slices.Delete(layers, 3, 4), &r.dashes)
	}
	return append(layers, &r.legendMarks, &r.afterMarks, &r.beforeMarks, &r.draftMarks, &r.adherenceMarks, &r.adherenceNone)
}

// collect lists the objects back to front.
func (r *chartRenderer) collect() []fyne.CanvasObject {
	o := r.objects[:0]
	o = append(o, r.focus, r.raster)
	o = r.labels.appendTo(o)
	o = r.legendTexts.appendTo(o)
	o = r.selection.appendTo(o)
	return append(o, r.message)
}
