package report_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"backtrack/assets/fonts"
	"backtrack/report"
	"backtrack/store"
	"backtrack/store/testkit"
)

// The report's cost beside a bare gofpdf document with the same number of
// table rows, in the same run (make bench prints the ratio). The baseline
// embeds the same Unicode font, which any report that prints clients'
// names needs, but does no layout: one unwrapped line per cell, gofpdf's
// own page breaks. BenchmarkCoreFontTable300 is the floor without a
// Unicode font, for reference. Each side also reports the process's CPU
// time a report (cpu-ms/op): on a machine shared by several builds the
// wall time counts the waits for a core.

const benchVisits = 300

func benchData(b *testing.B) report.Data {
	b.Helper()
	s := openStore(b)
	c := createClient(b, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	manyVisits(b, s, c.ID, benchVisits)
	d, err := report.Load(context.Background(), s, c.ID, store.Period{})
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func BenchmarkReport300(b *testing.B) {
	d := benchData(b)
	b.Run("backtrack", func(b *testing.B) {
		opts := defaultOptions()
		b.ReportAllocs()
		start := testkit.CPUTime()
		for b.Loop() {
			if err := report.Write(io.Discard, d, opts); err != nil {
				b.Fatal(err)
			}
		}
		testkit.ReportCPU(b, start)
		var out bytes.Buffer // once more, untimed, to count its pages
		if err := report.Write(&out, d, opts); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(pageCount(out.Bytes())), "pages")
	})
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		start := testkit.CPUTime()
		var pages int
		for b.Loop() {
			pdf := gofpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes("sans", "", fonts.SansRegular)
			pdf.AddUTF8FontFromBytes("sans", "B", fonts.SansBold)
			pdf.AddUTF8FontFromBytes("sans", "I", fonts.SansItalic)
			pdf.SetFont("sans", "", 8)
			pages = bareTable(b, pdf, d)
		}
		testkit.ReportCPU(b, start)
		b.ReportMetric(float64(pages), "pages")
	})
}

// BenchmarkCoreFontTable300 is the same bare table in a core font (which
// could not print "Zoë Ångström-Łukasiewicz").
func BenchmarkCoreFontTable300(b *testing.B) {
	d := benchData(b)
	b.ReportAllocs()
	for b.Loop() {
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.SetFont("Helvetica", "", 8)
		bareTable(b, pdf, d)
	}
}

// bareTable writes the table and returns its pages.
func bareTable(b *testing.B, pdf *gofpdf.Fpdf, d report.Data) int {
	pdf.AddPage()
	for _, s := range d.Sessions {
		for _, cell := range []string{s.Start.Format("2 Jan 2006"), fmt.Sprintf("%v-%v", s.PainBefore, s.PainAfter),
			store.TagLabels(s.PainTypes), store.TagLabels(s.Triggers), store.TagLabels(s.Muscles),
			store.TagLabels(s.Techniques), s.Notes.Assessment} {
			pdf.CellFormat(25, 5, cell, "1", 0, "L", false, 0, "")
		}
		pdf.Ln(-1)
	}
	if err := pdf.Output(io.Discard); err != nil {
		b.Fatal(err)
	}
	return pdf.PageNo()
}

// BenchmarkLoadReport300 reads the same report's data from SQLite.
func BenchmarkLoadReport300(b *testing.B) {
	s := openStore(b)
	c := createClient(b, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	manyVisits(b, s, c.ID, benchVisits)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := report.Load(ctx, s, c.ID, store.Period{}); err != nil {
			b.Fatal(err)
		}
	}
}
