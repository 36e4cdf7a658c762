package report_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/goregular"

	"backtrack/report"
	"backtrack/report/chart/charttest"
	"backtrack/store"
)

// newPDF is an A4 page in millimetres with a UTF-8 font set, as the
// progress report sets it up.
func newPDF(t *testing.T, utf8 bool) *gofpdf.Fpdf {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false) // so the test can read the drawing operators
	if utf8 {
		pdf.AddUTF8FontFromBytes("Go", "", goregular.TTF)
		pdf.SetFont("Go", "", 10)
	}
	pdf.AddPage()
	return pdf
}

// render writes the PDF and returns its bytes and its text per pdftotext.
func render(t *testing.T, pdf *gofpdf.Fpdf) ([]byte, string) {
	t.Helper()
	if err := pdf.Error(); err != nil {
		t.Fatalf("pdf: %v", err)
	}
	path := filepath.Join(t.TempDir(), "chart.pdf")
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatalf("write pdf: %v", err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return raw, string(text)
}

func TestDrawPainChartIsVectorWithLabels(t *testing.T) {
	// Given a report page with a UTF-8 font
	pdf := newPDF(t, true)

	// When the chart of eight visits is drawn across the page
	report.DrawPainChart(pdf, 15, 30, 180, 80, charttest.Fortnightly(1))
	raw, text := render(t, pdf)

	// Then its axis labels, legend and reference read back as text
	for _, want := range []string{
		"Before treatment", "After treatment", "Relief in a visit", "Important improvement",
		"Important improvement: pain 4 or lower", // from the first 7: 2 points and 30 % (2.1), so 3 whole points
		"10", "17 Aug", "2026", "14 Sep", "9 Nov",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("chart text lacks %q:\n%s", want, text)
		}
	}
	// And every pain label 0-10 is there, one per gridline
	for _, want := range []string{"0", "2", "4", "6", "8"} {
		if !regexp.MustCompile(`(?m)^\s*` + want + `\s*$`).MatchString(text) {
			t.Errorf("no pain label %q on a line of its own:\n%s", want, text)
		}
	}
	// And it is drawn with path operators, not placed as an image
	if bytes.Contains(raw, []byte("/Subtype /Image")) || regexp.MustCompile(`/I\d+ Do`).Match(raw) {
		t.Error("chart is an image; want vectors")
	}
	ops := map[string]*regexp.Regexp{
		"move":     regexp.MustCompile(`\d m\n`),
		"line":     regexp.MustCompile(`\d l\n`),
		"curve":    regexp.MustCompile(`\d c\s`), // circles are Bézier curves
		"stroke":   regexp.MustCompile(`\bS\n`),
		"dash":     regexp.MustCompile(`\[[\d. ]+\] [\d.]+ d`),
		"fill+str": regexp.MustCompile(`\bB\n`),
	}
	for name, re := range ops {
		if n := len(re.FindAll(raw, -1)); n == 0 {
			t.Errorf("no %s operator in the page", name)
		}
	}
	// Seven before-after pairs have relief, plus the legend's connector
	// and eight visits' axis: at least 7 short vertical lines is enough
	// to tell the connectors are there; count the markers instead.
	if n := len(regexp.MustCompile(`\d c\s`).FindAll(raw, -1)); n < 4*(8+7) {
		t.Errorf("%d curve segments, want at least %d for 15 markers", n, 4*(8+7))
	}
}

func TestDrawPainChartRestoresTheCallersState(t *testing.T) {
	// Given a report with its own colours and sizes
	pdf := newPDF(t, true)
	pdf.SetDrawColor(10, 20, 30)
	pdf.SetFillColor(40, 50, 60)
	pdf.SetTextColor(70, 80, 90)
	pdf.SetLineWidth(0.7)
	pdf.SetFontSize(11)

	// When the chart is drawn
	report.DrawPainChart(pdf, 15, 30, 180, 80, charttest.Fortnightly(1))

	// Then the report carries on with what it had set
	if r, g, b := pdf.GetDrawColor(); r != 10 || g != 20 || b != 30 {
		t.Errorf("draw colour %d,%d,%d", r, g, b)
	}
	if r, g, b := pdf.GetFillColor(); r != 40 || g != 50 || b != 60 {
		t.Errorf("fill colour %d,%d,%d", r, g, b)
	}
	if r, g, b := pdf.GetTextColor(); r != 70 || g != 80 || b != 90 {
		t.Errorf("text colour %d,%d,%d", r, g, b)
	}
	if w := pdf.GetLineWidth(); w != 0.7 {
		t.Errorf("line width %v", w)
	}
	if pt, _ := pdf.GetFontSize(); pt != 11 {
		t.Errorf("font size %v", pt)
	}
	pdf.Text(15, 130, "Carried on")
	if _, text := render(t, pdf); !strings.Contains(text, "Carried on") {
		t.Error("text after the chart is missing")
	}
}

func TestDrawPainChartNotesTooFewVisits(t *testing.T) {
	tests := []struct {
		name   string
		points []store.TrendPoint
		want   string
	}{
		{"none", nil, "No visits yet"},
		{"one", charttest.Fortnightly(1)[:1], "Record a second visit to see a trend."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf := newPDF(t, true)
			report.DrawPainChart(pdf, 15, 30, 180, 40, tt.points)
			_, text := render(t, pdf)
			if !strings.Contains(text, tt.want) {
				t.Errorf("text %q lacks %q", text, tt.want)
			}
			if strings.Contains(text, "Before treatment") {
				t.Error("a legend was drawn with no trend")
			}
		})
	}
}

func TestDrawPainChartWithoutAFontFallsBackToASCII(t *testing.T) {
	// Given a pdf where no font was set
	pdf := newPDF(t, false)
	// When the chart is drawn
	report.DrawPainChart(pdf, 15, 30, 180, 80, charttest.Fortnightly(1))
	// Then it still reads (the legend needs no "≤" any more)
	_, text := render(t, pdf)
	if !strings.Contains(text, "Important improvement: pain 4 or lower") || !strings.Contains(text, "Before treatment") {
		t.Errorf("fallback text:\n%s", text)
	}
}

func TestDrawPainChartThousandVisits(t *testing.T) {
	// Given 1,000 weekly visits
	points := charttest.Thousand()
	pdf := newPDF(t, true)
	// When they are charted
	report.DrawPainChart(pdf, 15, 30, 180, 80, points)
	raw, text := render(t, pdf)
	// Then the years label the axis and the dense chart has no per-visit
	// markers or connectors (a page of ink would help no one)
	for _, want := range []string{"2008", "2016", "2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q on the date axis:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Relief in a visit") {
		t.Error("dense chart still offers per-visit relief in its legend")
	}
	if n := len(regexp.MustCompile(`\d c\s`).FindAll(raw, -1)); n > 40 {
		t.Errorf("%d curve segments: markers drawn for a dense chart", n)
	}
}

// BenchmarkDrawPainChart prints a 1,000-visit chart beside gofpdf drawing
// the same number of lines and labels with no chart logic.
func BenchmarkDrawPainChart(b *testing.B) {
	points := charttest.Thousand()
	page := func() *gofpdf.Fpdf {
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes("Go", "", goregular.TTF)
		pdf.SetFont("Go", "", 8)
		pdf.AddPage()
		return pdf
	}
	b.Run("backtrack", func(b *testing.B) {
		pdf := page()
		b.ReportAllocs()
		for b.Loop() {
			report.DrawPainChart(pdf, 15, 30, 180, 80, points)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		pdf := page()
		b.ReportAllocs()
		for b.Loop() {
			for i := 1; i < len(points); i++ { // two series of segments
				x0, x1 := 20+float64(i-1)*0.17, 20+float64(i)*0.17
				pdf.Line(x0, 100-float64(points[i-1].Before.Score)*6, x1, 100-float64(points[i].Before.Score)*6)
				pdf.Line(x0, 100-float64(points[i-1].After.Score)*6, x1, 100-float64(points[i].After.Score)*6)
			}
			for i := range 30 { // axis and legend labels
				pdf.Text(20+float64(i)*5, 110, "2026")
			}
		}
	})
}
