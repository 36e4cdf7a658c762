package report_test

import (
	"io"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"backtrack/assets/fonts"
	"backtrack/report"
	"backtrack/report/exercisefig"
	"backtrack/store"
)

// The handout beside bare gofpdf drawing the same words and the same
// picture paths, in the same Unicode font, with no layout: each card's
// text in MultiCells at fixed places, gofpdf's own page breaks. Goal 2×.
func BenchmarkHomeProgrammeReport(b *testing.B) {
	c, s := handoutVisit()
	opts := report.Options{Practice: testPractice, Date: reportDate}
	b.Run("backtrack", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := report.WriteHomeProgramme(io.Discard, c, s, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			bareHandout(b, c, s)
		}
	})
}

func bareHandout(b *testing.B, c store.Client, s store.Session) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("sans", "", fonts.SansRegular)
	pdf.AddUTF8FontFromBytes("sans", "B", fonts.SansBold)
	pdf.AddUTF8FontFromBytes("sans", "I", fonts.SansItalic)
	pdf.AddPage()
	pdf.SetFont("sans", "B", 17)
	pdf.MultiCell(0, 8, "Your home exercises\n"+c.FullName(), "", "L", false)
	for _, rx := range s.Programme {
		ex, pictured := rx.Picture()
		y := pdf.GetY()
		if y > 230 {
			pdf.AddPage()
			y = pdf.GetY()
		}
		if pictured {
			shapes, _ := exercisefig.Draw(ex.ID, 20, y, 54, 34)
			for _, sh := range shapes {
				pts := make([]gofpdf.PointType, len(sh.Poly))
				for i, p := range sh.Poly {
					pts[i] = gofpdf.PointType{X: p.X, Y: p.Y}
				}
				pdf.SetFillColor(int(sh.Fill.R), int(sh.Fill.G), int(sh.Fill.B))
				pdf.Polygon(pts, "F")
			}
		}
		for d := 0; d < 7; d++ {
			pdf.Rect(20+float64(d)*5.8, y+38, 4.2, 4.2, "D")
		}
		pdf.SetXY(80, y)
		pdf.SetFont("sans", "B", 12)
		pdf.MultiCell(110, 5, rx.Title(), "", "L", false)
		pdf.SetX(80)
		pdf.MultiCell(110, 5, rx.Dose.Words(), "", "L", false)
		pdf.SetFont("sans", "", 9.5)
		pdf.SetX(80)
		pdf.MultiCell(110, 4.5, strings.Join(append(append([]string(nil), ex.Steps...), rx.Words), "\n"), "", "L", false)
		pdf.SetX(80)
		pdf.MultiCell(110, 4.5, "You should feel: "+ex.Feel+"\nStop if: "+ex.Stop, "", "L", false)
		pdf.SetY(max(pdf.GetY(), y+45) + 5)
	}
	if err := pdf.Output(io.Discard); err != nil {
		b.Fatal(err)
	}
}
