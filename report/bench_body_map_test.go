package report_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"backtrack/assets/fonts"
	"backtrack/report"
	"backtrack/report/bodymap"
	"backtrack/store"
	"backtrack/store/testkit"
)

// BenchmarkReportTwoMaps is the body chart issue's figure: the physician's
// report of a client with four charted visits (the first and latest maps
// side by side, no heat map over six weeks) beside a bare gofpdf document
// with the same words (the report's text read back, one MultiCell a line
// in the same embedded font) and the same paths (every region, outline
// and symbol of both figures, laid out once before the loop, one Polygon
// each), with no layout, legend or section of our own.
func BenchmarkReportTwoMaps(b *testing.B) {
	s := openStore(b)
	c := createClient(b, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	visits := mapStory(b, s, c.ID, 4)
	d, err := report.Load(b.Context(), s, c.ID, store.Period{})
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	if err := report.Write(&out, d, defaultOptions()); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "report.pdf")
	if err := os.WriteFile(path, out.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	if text := testkit.PDFText(b, path, testkit.Raw); !strings.Contains(text, "Latest: 20 Nov 2026") || strings.Contains(text, "How often") {
		b.Fatal("the report does not print exactly the two maps")
	}
	lines := strings.Split(testkit.PDFText(b, path, testkit.Raw), "\n")
	paths := mapPaths(visits[0].BodyMap, 18, 40)
	paths = append(paths, mapPaths(visits[len(visits)-1].BodyMap, 105, 40)...)
	b.Run("backtrack", func(b *testing.B) {
		opts := defaultOptions()
		b.ReportAllocs()
		for b.Loop() {
			out.Reset()
			if err := report.Write(&out, d, opts); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(pageCount(out.Bytes())), "pages")
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		var pages int
		for b.Loop() {
			pdf := gofpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes("sans", "", fonts.SansRegular)
			pdf.AddUTF8FontFromBytes("sans", "B", fonts.SansBold)
			pdf.AddUTF8FontFromBytes("sans", "I", fonts.SansItalic)
			pdf.SetFont("sans", "", 9)
			pdf.AddPage()
			for _, p := range paths {
				pdf.SetFillColor(int(p.fill.R), int(p.fill.G), int(p.fill.B))
				pdf.Polygon(p.pts, "FD")
			}
			for _, l := range lines {
				pdf.MultiCell(0, 4.2, l, "", "L", false)
			}
			if err := pdf.Output(io.Discard); err != nil {
				b.Fatal(err)
			}
			pages = pdf.PageNo()
		}
		b.ReportMetric(float64(pages), "pages")
	})
}

type fillPath struct {
	fill bodymap.RGB
	pts  []gofpdf.PointType
}

// mapPaths is every path one printed figure draws, 84 mm wide at (x, y).
func mapPaths(marks []store.BodyMark, x, y float64) []fillPath {
	f := bodymap.Layout(x, y, 84, 84*bodymap.Aspect())
	var out []fillPath
	add := func(c bodymap.RGB, polys ...bodymap.Polygon) {
		for _, p := range polys {
			pts := make([]gofpdf.PointType, len(p))
			for i, pt := range p {
				pts[i] = gofpdf.PointType{X: pt.X, Y: pt.Y}
			}
			out = append(out, fillPath{c, pts})
		}
	}
	for _, o := range f.Outlines() {
		add(bodymap.RGB{R: 241, G: 242, B: 244}, o.Body, o.Head)
	}
	for _, s := range f.Shapes() {
		add(bodymap.RGB{R: 255, G: 255, B: 255}, s.Polys...)
		for _, m := range marks {
			if m.Region == s.Region {
				sym := bodymap.SymbolOf(m.PainType)
				add(bodymap.Fill(m), s.Polys...)
				add(sym.Colour(), sym.Path(s.Centre, 3.2*f.Scale)...)
			}
		}
	}
	return out
}

// BenchmarkTwoMapsDrawn isolates the figures: a one-page document in a
// core font with the two maps drawn by DrawBodyMap, beside the same
// document with the same paths drawn bare (mapPaths, laid out once).
func BenchmarkTwoMapsDrawn(b *testing.B) {
	first := []store.BodyMark{{Region: "lumbar-l", PainType: store.Tag{Name: "Sharp / stabbing"}, Intensity: store.PainOf(7)},
		{Region: "gluteal-upper-l", PainType: store.Tag{Name: "Referred pain"}}, {Region: "thigh-posterior-l", PainType: store.Tag{Name: "Referred pain"}},
		{Region: "sacral", PainType: store.Tag{Name: "Dull ache"}, Intensity: store.PainOf(4)}}
	latest := first[:1]
	page := func() *gofpdf.Fpdf {
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.SetFont("Helvetica", "", 8)
		pdf.AddPage()
		return pdf
	}
	b.Run("backtrack", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			pdf := page()
			report.DrawBodyMap(pdf, 18, 40, 84, 84*bodymap.Aspect(), report.BodyMapPicture{Marks: first})
			report.DrawBodyMap(pdf, 105, 40, 84, 84*bodymap.Aspect(), report.BodyMapPicture{Marks: latest})
			if err := pdf.Output(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
	paths := append(mapPaths(first, 18, 40), mapPaths(latest, 105, 40)...)
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			pdf := page()
			for _, p := range paths {
				pdf.SetFillColor(int(p.fill.R), int(p.fill.G), int(p.fill.B))
				pdf.Polygon(p.pts, "FD")
			}
			if err := pdf.Output(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
}
