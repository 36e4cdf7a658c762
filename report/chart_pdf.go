package report

import (
	"strings"

	"github.com/jung-kurt/gofpdf"

	"backtrack/report/chart"
	"backtrack/store"
)

// Print colours. Blue and orange stay apart for colour-blind readers; the
// filled and hollow markers and the dashed reference keep the chart
// readable in black and white.
var (
	inkBefore    = rgb{0x1F, 0x5F, 0xA8}
	inkAfter     = rgb{0xD9, 0x76, 0x0F}
	inkImportant = rgb{0x1B, 0x7F, 0x5A}
	inkRelief    = rgb{0x9A, 0xA0, 0xA6}
	inkGrid      = rgb{0xDD, 0xDF, 0xE2}
	inkAxis      = rgb{0x5F, 0x63, 0x68}
	inkText      = rgb{0x3C, 0x40, 0x43}
	inkPaper     = rgb{0xFF, 0xFF, 0xFF}
)

type rgb struct{ r, g, b int }

// chartFontPt is the size of the chart's labels, a step below body text.
const chartFontPt = 8

// DrawPainChart draws a client's pain trend as vectors (lines, circles and
// text, no bitmap) into the box at (x, y), w wide and h high, in the
// document's unit. Points are the visits as store.PainTrend returns them.
// With fewer than two scored visits it draws a framed note saying so.
//
// Labels use the font family currently set on pdf, at 8 pt. Set a UTF-8
// font first (AddUTF8FontFromBytes): the legend says "≤". With no
// font set at all it falls back to core Helvetica and ASCII labels.
//
// The pdf's colours, line width and font size are as before afterwards;
// line cap, join and dash are left at gofpdf's defaults (butt, miter,
// solid). Errors are gofpdf's sticky ones: check pdf.Error() before Output.
func DrawPainChart(pdf *gofpdf.Fpdf, x, y, w, h float64, points []store.TrendPoint) {
	drawPainChartFrom(pdf, x, y, w, h, points, store.Pain{})
}

// drawPainChartFrom draws the reference from the episode's baseline.
func drawPainChartFrom(pdf *gofpdf.Fpdf, x, y, w, h float64, points []store.TrendPoint, baseline store.Pain) {
	drawChart(pdf, x, y, w, h, chart.Message(points), chart.PainScale,
		func(f chart.Frame) chart.Chart { return chart.Layout(points, f).FromBaseline(baseline) })
}

// DrawMeasureChart draws an outcome measure's trend as DrawPainChart draws
// pain, from the same geometry: one series on the measure's own scale,
// with its clinically important change from the first score dashed.
func DrawMeasureChart(pdf *gofpdf.Fpdf, x, y, w, h float64, s chart.Series) {
	drawChart(pdf, x, y, w, h, chart.SeriesMessage(s), chart.ScaleOf(s.Kind),
		func(f chart.Frame) chart.Chart { return chart.LayoutSeries(s, f) })
}

func drawChart(pdf *gofpdf.Fpdf, x, y, w, h float64, msg string, scale chart.Scale, layout func(chart.Frame) chart.Chart) {
	if pdf.Err() {
		return
	}
	saved := savePDFState(pdf)
	defer saved.restore(pdf)
	pdf.TransformBegin() // q ... Q keeps cap and join styles local to the chart
	defer pdf.TransformEnd()

	d := pdfChart{pdf: pdf}
	if pdf.GetFontDesc("", "").Ascent == 0 {
		pdf.SetFont("Helvetica", "", chartFontPt)
		d.ascii = true
	}
	pdf.SetFontSize(chartFontPt)
	_, d.em = pdf.GetFontSize()
	d.pt = 1 / pdf.GetConversionRatio()
	if msg != "" {
		d.note(x, y, w, h, msg)
		return
	}
	d.draw(x, y, w, h, scale, layout)
}

type pdfChart struct {
	pdf   *gofpdf.Fpdf
	em    float64 // the label font size in the document's unit
	pt    float64 // one point in the document's unit
	ascii bool
}

func (d pdfChart) draw(x, y, w, h float64, scale chart.Scale, layout func(chart.Frame) chart.Chart) {
	pdf := d.pdf
	line := 1.3 * d.em
	legendH := 2.4 * line
	tickLen := 0.35 * line
	left := pdf.GetStringWidth(chart.FormatScore(scale.Max)) + 0.6*line
	right := pdf.GetStringWidth("30 Sep") / 2
	bottom := tickLen + 2*line
	plotX, plotY := x+left, y+legendH
	r := 2.2 * d.pt
	frame := chart.Frame{
		Width: w - left - right, Height: h - legendH - bottom,
		Inset: 2 * r, MarkerRadius: r,
		MeasureLabel: pdf.GetStringWidth, LabelGap: line,
		MinPainTickGap: 1.2 * line,
	}
	if frame.Width <= 0 || frame.Height <= 0 {
		return
	}
	c := layout(frame)
	pdf.SetLineCapStyle("round")
	pdf.SetLineJoinStyle("round")

	d.legend(plotX, y+0.5*line, frame.Width, !c.Dense, c)
	d.axes(c, plotX, plotY, tickLen, line, x, x+w)
	if !c.Dense {
		d.referenceLine(c, plotX, plotY)
	}
	if !c.Dense {
		d.stroke(inkRelief, 0.9)
		for _, v := range c.Visits {
			if v.HasRelief() {
				pdf.Line(plotX+v.X, plotY+v.BeforeY, plotX+v.X, plotY+v.AfterY)
			}
		}
	}
	d.series(c.After, plotX, plotY, inkAfter)
	d.series(c.Before, plotX, plotY, inkBefore)
	d.markers(c.After, c.Dense, plotX, plotY, r, false)
	d.markers(c.Before, c.Dense, plotX, plotY, r, true)
	if c.Dense { // a dense history would bury the level; dashed, it hides nothing
		d.referenceLine(c, plotX, plotY)
	}
}

// axes draws the gridlines with pain labels, the baseline and the date ticks
// with their labels, which are kept inside [minX, maxX].
func (d pdfChart) axes(c chart.Chart, px, py, tickLen, line, minX, maxX float64) {
	pdf := d.pdf
	w := c.Frame.Width
	d.stroke(inkGrid, 0.5)
	for _, t := range c.PainTicks {
		pdf.Line(px, py+t.Pos, px+w, py+t.Pos)
	}
	d.ink(inkText)
	for _, t := range c.PainTicks {
		pdf.Text(px-0.4*line-pdf.GetStringWidth(t.Label), py+t.Pos+0.35*d.em, t.Label)
	}
	base := py + c.Frame.Height
	d.stroke(inkAxis, 0.8)
	pdf.Line(px, base, px+w, base)
	for _, t := range c.DateTicks {
		pdf.Line(px+t.Pos, base, px+t.Pos, base+tickLen)
		for row, s := range []string{t.Label, t.Context} {
			if s == "" {
				continue
			}
			sw := pdf.GetStringWidth(s)
			lx := min(max(px+t.Pos-sw/2, minX), maxX-sw)
			pdf.Text(lx, base+tickLen+float64(row+1)*line-0.25*line, s)
		}
	}
}

// referenceLine draws the clinically important change level dashed; the
// legend gives its value.
func (d pdfChart) referenceLine(c chart.Chart, px, py float64) {
	if !c.Important.Shown {
		return
	}
	d.stroke(inkImportant, 0.9)
	d.pdf.SetDashPattern([]float64{4 * d.pt, 2.5 * d.pt}, 0)
	d.pdf.Line(px, py+c.Important.Y, px+c.Frame.Width, py+c.Important.Y)
	d.pdf.SetDashPattern([]float64{}, 0)
}

func (d pdfChart) series(lines []chart.Line, px, py float64, ink rgb) {
	pdf := d.pdf
	d.stroke(ink, 1.3)
	for _, l := range lines {
		if len(l) < 2 {
			continue
		}
		pdf.MoveTo(px+l[0].X, py+l[0].Y)
		for _, p := range l[1:] {
			pdf.LineTo(px+p.X, py+p.Y)
		}
		pdf.DrawPath("D")
	}
}

// markers draws a marker per visit, or in a dense chart only those of
// isolated scores that no line shows. Before is filled, after is hollow.
func (d pdfChart) markers(lines []chart.Line, dense bool, px, py, r float64, filled bool) {
	pdf := d.pdf
	d.stroke(ink(filled), 1)
	if filled {
		pdf.SetFillColor(inkBefore.r, inkBefore.g, inkBefore.b)
	} else {
		pdf.SetFillColor(inkPaper.r, inkPaper.g, inkPaper.b)
	}
	for _, l := range lines {
		if dense && len(l) > 1 {
			continue
		}
		for _, p := range l {
			pdf.Circle(px+p.X, py+p.Y, r, "FD")
		}
	}
}

func ink(before bool) rgb {
	if before {
		return inkBefore
	}
	return inkAfter
}

// legend names the two series, the relief connector and the reference.
func (d pdfChart) legend(x, y, w float64, relief bool, c chart.Chart) {
	pdf := d.pdf
	ref := c.Important
	type item struct {
		label, short string
		draw         func(x, y float64)
	}
	swatch := 2.2 * d.em
	r := 2.2 * d.pt
	items := []item{
		{"Before treatment", "Before", func(sx, sy float64) {
			d.stroke(inkBefore, 1.3)
			pdf.Line(sx, sy, sx+swatch, sy)
			pdf.SetFillColor(inkBefore.r, inkBefore.g, inkBefore.b)
			pdf.Circle(sx+swatch/2, sy, r, "FD")
		}},
		{"After treatment", "After", func(sx, sy float64) {
			d.stroke(inkAfter, 1.3)
			pdf.Line(sx, sy, sx+swatch, sy)
			pdf.SetFillColor(inkPaper.r, inkPaper.g, inkPaper.b)
			pdf.Circle(sx+swatch/2, sy, r, "FD")
		}},
	}
	if c.Legend.Series != "" { // a measure: its one series
		items = items[:1]
		items[0].label, items[0].short = d.text(c.Legend.Series), d.text(c.Legend.Short)
		relief = false
	}
	if relief {
		items = append(items, item{"Relief in a visit", "Relief in a visit", func(sx, sy float64) {
			d.stroke(inkRelief, 0.9)
			pdf.Line(sx+swatch/2, sy-0.6*d.em, sx+swatch/2, sy+0.6*d.em)
		}})
	}
	if ref.Shown {
		items = append(items, item{d.text(ref.Label), d.text(ref.Short), func(sx, sy float64) {
			d.stroke(inkImportant, 0.9)
			pdf.SetDashPattern([]float64{4 * d.pt, 2.5 * d.pt}, 0)
			pdf.Line(sx, sy, sx+swatch, sy)
			pdf.SetDashPattern([]float64{}, 0)
		}})
	}

	gap := 1.5 * d.em
	total := func(short bool) float64 {
		sum := 0.0
		for _, it := range items {
			label := it.label
			if short {
				label = it.short
			}
			sum += swatch + 0.5*d.em + pdf.GetStringWidth(label) + gap
		}
		return sum - gap
	}
	short := total(false) > w
	cx, cy := x, y+0.5*d.em
	for _, it := range items {
		label := it.label
		if short {
			label = it.short
		}
		it.draw(cx, cy)
		d.ink(inkText)
		pdf.Text(cx+swatch+0.5*d.em, cy+0.35*d.em, label)
		cx += swatch + 0.5*d.em + pdf.GetStringWidth(label) + gap
	}
}

// note stands in for a chart that cannot be drawn yet.
func (d pdfChart) note(x, y, w, h float64, msg string) {
	pdf := d.pdf
	d.stroke(inkGrid, 0.8)
	pdf.Rect(x, y, w, h, "D")
	msg = d.text(msg)
	d.ink(inkText)
	pdf.Text(x+(w-pdf.GetStringWidth(msg))/2, y+h/2+0.35*d.em, msg)
}

func (d pdfChart) stroke(c rgb, widthPt float64) {
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(widthPt * d.pt)
}

func (d pdfChart) ink(c rgb) { d.pdf.SetTextColor(c.r, c.g, c.b) }

// text makes a label safe for a core font when no UTF-8 font was set.
func (d pdfChart) text(s string) string {
	if !d.ascii {
		return s
	}
	return strings.NewReplacer("≤", "<=", "−", "-", "→", "->", "·", "-").Replace(s)
}

// pdfState is what DrawPainChart changes on the caller's pdf.
type pdfState struct {
	draw, fill, text rgb
	lineWidth        float64
	fontPt           float64
}

func savePDFState(pdf *gofpdf.Fpdf) pdfState {
	var s pdfState
	s.draw.r, s.draw.g, s.draw.b = pdf.GetDrawColor()
	s.fill.r, s.fill.g, s.fill.b = pdf.GetFillColor()
	s.text.r, s.text.g, s.text.b = pdf.GetTextColor()
	s.lineWidth = pdf.GetLineWidth()
	s.fontPt, _ = pdf.GetFontSize()
	return s
}

// restore runs after the chart's Q has reset the PDF's own graphics state,
// and brings gofpdf's idea of the state back in line with it.
func (s pdfState) restore(pdf *gofpdf.Fpdf) {
	pdf.SetLineCapStyle("butt")
	pdf.SetLineJoinStyle("miter")
	pdf.SetDashPattern([]float64{}, 0)
	pdf.SetDrawColor(s.draw.r, s.draw.g, s.draw.b)
	pdf.SetFillColor(s.fill.r, s.fill.g, s.fill.b)
	pdf.SetTextColor(s.text.r, s.text.g, s.text.b)
	pdf.SetLineWidth(s.lineWidth)
	pdf.SetFontSize(s.fontPt)
}
