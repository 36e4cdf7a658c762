package report_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"backtrack/assets/fonts"
	"backtrack/report"
	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/testkit"
)

// BenchmarkReport500 is the performance issue's figure: the progress report
// of the sample practice's long-term client (about 500 visits) beside a bare
// gofpdf document with the same rows and the same words — every cell of
// the report's session table in the report's embedded faces, wrapped by
// gofpdf's MultiCell, with no layout of our own (no columns, no chart, no
// summary).
// Both report their page count: gofpdf compresses every page with a fresh
// zlib writer, so the cost follows the pages more than the words.
func BenchmarkReport500(b *testing.B) {
	s := openStore(b)
	if _, err := demo.Fill(context.Background(), s, demo.Options{Clients: 20, Sessions: 1000, Seed: 1,
		Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)}); err != nil {
		b.Fatal(err)
	}
	long := testkit.LongestHistory(b, s)
	d, err := report.Load(context.Background(), s, long.ID, store.Period{})
	if err != nil || len(d.Sessions) < long.SessionCount {
		b.Fatalf("%d sessions of %d, %v", len(d.Sessions), long.SessionCount, err)
	}
	b.Run("backtrack", func(b *testing.B) {
		opts := defaultOptions()
		var out bytes.Buffer
		start := testkit.CPUTime()
		for b.Loop() {
			out.Reset()
			if err := report.Write(&out, d, opts); err != nil {
				b.Fatal(err)
			}
		}
		testkit.ReportCPU(b, start)
		b.ReportMetric(float64(pageCount(out.Bytes())), "pages")
	})
	b.Run("baseline", func(b *testing.B) {
		var pages int
		start := testkit.CPUTime()
		for b.Loop() {
			pdf := gofpdf.New("P", "mm", "A4", "")
			// the report's three faces, each embedded as the report embeds them
			pdf.AddUTF8FontFromBytes("sans", "", fonts.SansRegular)
			pdf.AddUTF8FontFromBytes("sans", "B", fonts.SansBold)
			pdf.AddUTF8FontFromBytes("sans", "I", fonts.SansItalic)
			pdf.AddPage()
			for _, s := range d.Sessions {
				pdf.SetFont("sans", "B", 8)
				pdf.CellFormat(0, 4, s.Start.Format("2 Jan 2006")+"  "+fmt.Sprintf("%v → %v", s.PainBefore, s.PainAfter),
					"", 1, "L", false, 0, "")
				pdf.SetFont("sans", "", 8)
				pdf.MultiCell(0, 4, strings.Join(sessionWords(s), " · "), "B", "L", false)
			}
			if err := pdf.Output(io.Discard); err != nil {
				b.Fatal(err)
			}
			pages = pdf.PageNo()
		}
		testkit.ReportCPU(b, start)
		b.ReportMetric(float64(pages), "pages")
	})
}

// pageCount counts the page objects of a PDF.
func pageCount(pdf []byte) int {
	return len(pageObject.FindAll(pdf, -1))
}

var pageObject = regexp.MustCompile(`/Type /Page[^s]`)

// sessionWords is every word of a visit's row in the report's session
// table but its date and pain: the duration, the tags, another trigger, the
// four note parts, the amendments and whether it is a draft.
func sessionWords(s store.Session) []string {
	var out []string
	if s.DurationMin > 0 {
		out = append(out, fmt.Sprintf("%d min", s.DurationMin))
	}
	out = append(out, store.TagLabels(s.PainTypes), store.TagLabels(s.Triggers))
	if s.TriggerOther != "" {
		out = append(out, "Other: "+s.TriggerOther)
	}
	out = append(out, store.TagLabels(s.Muscles), store.TagLabels(s.Techniques),
		"S: "+s.Notes.Subjective, "O: "+s.Notes.Objective, "A: "+s.Notes.Assessment, "P: "+s.Notes.Plan)
	for _, a := range s.Amendments {
		out = append(out, "Amended "+a.At.Format("2 Jan 2006")+": "+a.Reason)
	}
	if s.Draft() {
		out = append(out, "Draft: not signed yet")
	}
	return out
}
