package report_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"backtrack/report"
	"backtrack/store"
)

// The report's cost is measured against a bare gofpdf document with the
// same number of table rows (core font, one line per cell, no wrapping),
// in the same run: compare ns/op of the two.

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

// BenchmarkWriteReport300 renders the full report for 300 visits.
func BenchmarkWriteReport300(b *testing.B) {
	d := benchData(b)
	opts := defaultOptions()
	b.ReportAllocs()
	for b.Loop() {
		if err := report.Write(io.Discard, d, opts); err != nil {
			b.Fatal(err)
		}
	}
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

// BenchmarkBaselineBareTable300 is the floor: gofpdf writing 300 rows of
// seven plain cells.
func BenchmarkBaselineBareTable300(b *testing.B) {
	d := benchData(b)
	b.ReportAllocs()
	for b.Loop() {
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.SetFont("Helvetica", "", 8)
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
	}
}
