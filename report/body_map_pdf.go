package report

import (
	"github.com/jung-kurt/gofpdf"

	"backtrack/report/bodymap"
	"backtrack/store"
)

// Print inks of the body chart. The body is a pale grey on white paper so
// a tinted region stands out; outlines and symbol edges are dark enough to
// survive a black-and-white copier.
var (
	mapBody    = rgb{0xF1, 0xF2, 0xF4}
	mapSeam    = rgb{0xB8, 0xBE, 0xC4}
	mapLine    = rgb{0x3C, 0x40, 0x43}
	mapSymEdge = rgb{0x21, 0x25, 0x29}
	mapMuscle  = rgb{0x1F, 0x4E, 0x79}
)

// BodyMapPicture is what one printed figure shows: a session's marks (and
// the muscles treated, as dashed outlines), or a heat map of how many
// sessions marked each region.
type BodyMapPicture struct {
	Marks   []store.BodyMark
	Muscles []store.Tag
	Heat    map[store.RegionID]int
	HeatMax int
}

// DrawBodyMap draws the body chart's back and front views as vectors
// (filled and stroked paths, no bitmap) into the box at (x, y), w wide and
// h high, in the document's unit, from report/bodymap's geometry: the
// shapes the screen draws. The figure keeps its proportions, centred in
// the box; size the box with bodymap.Aspect.
//
// Labels use the font family currently set on pdf; set a UTF-8 font first.
// Colours, line width and font size are as before afterwards. Errors are
// gofpdf's sticky ones: check pdf.Error() before Output.
func DrawBodyMap(pdf *gofpdf.Fpdf, x, y, w, h float64, pic BodyMapPicture) {
	if pdf.Err() {
		return
	}
	saved := savePDFState(pdf)
	defer saved.restore(pdf)
	pdf.TransformBegin()
	defer pdf.TransformEnd()
	pdf.SetLineJoinStyle("round")

	f := bodymap.Layout(x, y, w, h)
	line := f.Scale * 0.45 // one design unit is about 0.4 mm at report size
	outlines := f.Outlines()
	setFill(pdf, mapBody)
	for _, o := range outlines {
		polygon(pdf, o.Body, "F")
		polygon(pdf, o.Head, "F")
	}
	byRegion := map[store.RegionID]store.BodyMark{}
	for _, m := range pic.Marks {
		byRegion[m.Region] = m
	}
	shapes := f.Shapes()
	setDraw(pdf, mapSeam, line*0.5)
	for _, s := range shapes {
		style := "D"
		if m, ok := byRegion[s.Region]; ok {
			setFill(pdf, rgbOf(bodymap.Fill(m)))
			style = "FD"
		} else if n := pic.Heat[s.Region]; n > 0 {
			setFill(pdf, rgbOf(bodymap.HeatShade(n, pic.HeatMax)))
			style = "FD"
		}
		for _, p := range s.Polys {
			polygon(pdf, p, style)
		}
	}
	if muscles := f.MuscleOutlines(pic.Muscles); len(muscles) > 0 {
		setDraw(pdf, mapMuscle, line*1.3)
		pdf.SetDashPattern([]float64{2.2 * line, 1.6 * line}, 0)
		for _, o := range muscles {
			polygon(pdf, o.Poly, "D")
		}
		pdf.SetDashPattern([]float64{}, 0)
	}
	setDraw(pdf, mapLine, line)
	for _, o := range outlines {
		polygon(pdf, o.Body, "D")
		polygon(pdf, o.Head, "D")
	}
	r := f.Scale * 3.2
	for _, s := range shapes {
		if m, ok := byRegion[s.Region]; ok {
			sym := bodymap.SymbolOf(m.PainType)
			// a white halo keeps the symbol apart from its region's tint
			// when both print as the same grey
			setDraw(pdf, rgb{255, 255, 255}, line*1.6)
			for _, p := range sym.Path(s.Centre, r) {
				polygon(pdf, p, "D")
			}
			drawSymbol(pdf, sym, s.Centre, r, line*0.5)
		}
	}
	pdf.SetTextColor(mapLine.r, mapLine.g, mapLine.b)
	for _, o := range outlines {
		for i, l := range append([]bodymap.Label{o.Title}, o.Sides...) {
			face := ""
			if i == 0 {
				face = "B"
			}
			pdf.SetFontStyle(face)
			pdf.SetFontSize(l.Height / 0.3528 * 0.95)
			pdf.Text(l.At.X-pdf.GetStringWidth(l.Text)/2, l.At.Y+0.35*l.Height, l.Text)
		}
	}
	pdf.SetFontStyle("")
}

// drawSymbol draws a pain type's mark around c, radius r: filled in its
// colour with a dark edge (an outlined ring for a mark without a type), so
// its shape reads in grey print.
func drawSymbol(pdf *gofpdf.Fpdf, sym bodymap.Symbol, c bodymap.Point, r, edge float64) {
	style := "FD"
	if sym.Outlined() {
		style = "D"
		edge *= 2.4
	}
	setDraw(pdf, mapSymEdge, edge)
	setFill(pdf, rgbOf(sym.Colour()))
	for _, p := range sym.Path(c, r) {
		polygon(pdf, p, style)
	}
}

func polygon(pdf *gofpdf.Fpdf, p bodymap.Polygon, style string) {
	pts := make([]gofpdf.PointType, len(p))
	for i, pt := range p {
		pts[i] = gofpdf.PointType{X: pt.X, Y: pt.Y}
	}
	pdf.Polygon(pts, style)
}

func setFill(pdf *gofpdf.Fpdf, c rgb) { pdf.SetFillColor(c.r, c.g, c.b) }

func setDraw(pdf *gofpdf.Fpdf, c rgb, width float64) {
	pdf.SetDrawColor(c.r, c.g, c.b)
	pdf.SetLineWidth(width)
}

func rgbOf(c bodymap.RGB) rgb { return rgb{int(c.R), int(c.G), int(c.B)} }
