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
	"backtrack/store"
	"backtrack/store/testkit"
)

// BenchmarkReportThreeMeasures is the function issue's figure: the
// physician's report of a client with four visits, an ODI, RMDQ and PSFS
// twice each (three measure charts beside the pain chart) and a plan with
// goals, beside a bare gofpdf document with the same words — the report's
// own text, read back once with pdftotext, one MultiCell a line in the
// same embedded font, with no layout, chart or table of our own.
func BenchmarkReportThreeMeasures(b *testing.B) {
	s := openStore(b)
	c := createClient(b, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	manyVisits(b, s, c.ID, 4)
	threeMeasures(b, s, c.ID)
	d, err := report.Load(b.Context(), s, c.ID, store.Period{})
	if err != nil || len(d.Measures) != 6 {
		b.Fatalf("%d measures, %v", len(d.Measures), err)
	}
	var out bytes.Buffer
	if err := report.Write(&out, d, defaultOptions()); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "report.pdf")
	if err := os.WriteFile(path, out.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(testkit.PDFText(b, path, testkit.Raw), "\n")
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
