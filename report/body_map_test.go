package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"backtrack/report"
	"backtrack/report/bodymap"
	"backtrack/store"
)

func TestTheReportDrawsTheFirstAndLatestMapsWithTheirDatesAndLegend(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	mapStory(t, s, c.ID, 7) // 28 Aug … 20 Nov: a long period
	text := strings.Join(pdfRaw(t, writePDF(t, s, c.ID, store.Period{}, defaultOptions())), "\n")
	mustContain(t, "physician's maps", text,
		"Where it hurt: first and latest visit", "Back", "Front",
		"First: 28 Aug 2026", "Latest: 20 Nov 2026",
		"Lumbar (L): Sharp / stabbing, 7", "Posterior thigh (L): Referred pain", "Lumbar (L): Sharp / stabbing, 3",
		"Sharp / stabbing", "Dull ache", "Referred pain", "Symbol: pain type.",
		"How often each region hurt", "Across the 7 charted visits", "MOST OFTEN",
		"Lumbar (L): 7 of 7 visits", "Gluteal, upper (L): 6 of 7 visits", "1 visit", "4 visits", "7 visits")

	client := defaultOptions()
	client.Edition = report.ForClient
	text = strings.Join(pdfRaw(t, writePDF(t, s, c.ID, store.Period{}, client)), "\n")
	mustContain(t, "client's maps", text, "First: 28 Aug 2026", "Latest: 20 Nov 2026", "Referred pain")
	if strings.Contains(text, "How often each region hurt") {
		t.Error("the client's edition prints the heat map")
	}
}

func TestAShortPeriodHasNoHeatMapAndOneChartedVisitOneFigure(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Nadia", "Jensen", day(1967, 3, 23))
	mapStory(t, s, c.ID, 2)
	text := strings.Join(pdfRaw(t, writePDF(t, s, c.ID, store.Period{}, defaultOptions())), "\n")
	mustContain(t, "two visits", text, "First: 6 Nov 2026", "Latest: 20 Nov 2026")
	if strings.Contains(text, "How often each region hurt") {
		t.Error("two visits a fortnight apart get a heat map")
	}
	last := store.Period{From: day(2026, 11, 19)}
	text = strings.Join(pdfRaw(t, writePDF(t, s, c.ID, last, defaultOptions())), "\n")
	mustContain(t, "one visit", text, "Where it hurt", "The one charted visit: 20 Nov 2026")
	if strings.Contains(text, "Latest:") {
		t.Error("one charted visit printed as first and latest")
	}
}

func TestAClientWithoutAMapIsToldSoInOneLine(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Nadia", "Jensen", day(1967, 3, 23))
	fourVisits(t, s, c.ID)
	path := writePDF(t, s, c.ID, store.Period{}, defaultOptions())
	text := strings.Join(pdfRaw(t, path), "\n")
	mustContain(t, "no map", text, "Where it hurt: no body chart was recorded in this period.")
	for _, figure := range []string{"Front", "Symbol: pain type"} {
		if strings.Contains(text, figure) {
			t.Errorf("a report without a map prints %q", figure)
		}
	}
}

// The maps are paths: the page's content stream holds the regions' fills
// in their pain type's colour, hundreds of line segments, and no image.
func TestTheMapsAreVectorsNotBitmaps(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	visits := mapStory(t, s, c.ID, 7)
	path := writePDF(t, s, c.ID, store.Period{}, defaultOptions())
	all := strings.Join(contentStreams(t, path), "\n")
	if strings.Contains(all, "/Image") || strings.Contains(all, " Do") {
		t.Error("the report holds an image")
	}
	if out, err := exec.Command("pdfimages", "-list", path).CombinedOutput(); err != nil {
		t.Fatalf("pdfimages: %v %s", err, out)
	} else if lines := strings.Split(strings.TrimSpace(string(out)), "\n"); len(lines) != 2 { // the header and its rule
		t.Errorf("pdfimages lists images:\n%s", out)
	}
	if n := len(regexp.MustCompile(`(?m) l $| l\n| l `).FindAllString(all, -1)); n < 1000 {
		t.Errorf("%d line segments: the figures are not drawn as paths", n)
	}
	fill := bodymap.Fill(visits[0].BodyMap[0]) // the first visit's sharp left lumbar pain
	want := fmt.Sprintf("%.3f %.3f %.3f rg", float64(fill.R)/255, float64(fill.G)/255, float64(fill.B)/255)
	if !strings.Contains(all, want) {
		t.Errorf("the lumbar region's fill %q is not in the page", want)
	}
}

// However much comes before it, a figure starts and ends on one page: its
// title and the date under it are read back on the same page.
func TestAMapIsNeverSplitAcrossPages(t *testing.T) {
	for _, lines := range []int{0, 8, 16, 24, 32, 40, 48} {
		t.Run(fmt.Sprint(lines), func(t *testing.T) {
			s := openStore(t)
			c := createClient(t, s, "Nadia", "Jensen", day(1967, 3, 23))
			if lines > 0 { // a long medical history pushes the maps down the page
				c.MedicalHistory = strings.Repeat("Lumbar disc herniation L4–L5 in 2019, treated conservatively.\n", lines)
				if _, err := s.UpdateClient(context.Background(), c); err != nil {
					t.Fatal(err)
				}
			}
			mapStory(t, s, c.ID, 7)
			pages := pdfRaw(t, writePDF(t, s, c.ID, store.Period{}, defaultOptions()))
			pageOf := func(text string) int {
				for i, p := range pages {
					if strings.Contains(p, text) {
						return i
					}
				}
				t.Fatalf("%q not printed", text)
				return -1
			}
			if a, b := pageOf("Where it hurt: first and latest visit"), pageOf("Latest: 20 Nov 2026"); a != b {
				t.Errorf("the maps' title on page %d, their dates on page %d", a+1, b+1)
			}
			if a, b := pageOf("How often each region hurt"), pageOf("MOST OFTEN"); a != b {
				t.Errorf("the heat map's title on page %d, its key on page %d", a+1, b+1)
			}
		})
	}
}

func TestTheVisitNoteShowsItsMapWithLegendAndMusclesTreated(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	visits := mapStory(t, s, c.ID, 3)
	path := filepath.Join(t.TempDir(), "note.pdf")
	if err := report.WriteNoteFile(context.Background(), path, c, visits[0], store.LogHead{}, defaultOptions()); err != nil {
		t.Fatal(err)
	}
	pages := pdfRaw(t, path)
	if len(pages) != 1 {
		t.Errorf("a visit note with a map on %d pages", len(pages))
	}
	text := strings.Join(pages, "\n")
	mustContain(t, "note's map", text, "Where it hurt", "Back", "Front", "PAIN TYPES",
		"Sharp / stabbing", "Referred pain", "Dull ache", "REGIONS", "Lumbar (L): Sharp / stabbing, 6",
		"MUSCLES TREATED (DASHED)", "Quadratus lumborum (L), Gluteus medius (L)",
		"Also treated, not drawn: Tensor fasciae latae (L)")
	if strings.Contains(strings.Join(contentStreams(t, path), ""), "/Image") {
		t.Error("the note's map is an image")
	}

	bare := visits[0]
	bare.BodyMap = nil
	if err := report.WriteNoteFile(context.Background(), path, c, bare, store.LogHead{}, defaultOptions()); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "note without a map", strings.Join(pdfRaw(t, path), "\n"), "No body chart was recorded at this visit.")
}

// TestWriteMapSamples writes a report and a note with maps where
// BACKTRACK_MAP_SAMPLES names a folder, to look at them.
func TestWriteMapSamples(t *testing.T) {
	dir := os.Getenv("BACKTRACK_MAP_SAMPLES")
	if dir == "" {
		t.Skip("set BACKTRACK_MAP_SAMPLES to a folder")
	}
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	visits := mapStory(t, s, c.ID, 7)
	for _, e := range report.Editions {
		o := defaultOptions()
		o.Edition = e
		d, err := report.Load(context.Background(), s, c.ID, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		if err := report.WriteFile(context.Background(), filepath.Join(dir, "report_"+string(e)+".pdf"), d, o); err != nil {
			t.Fatal(err)
		}
	}
	if err := report.WriteNoteFile(context.Background(), filepath.Join(dir, "note.pdf"), c, visits[0], store.LogHead{}, defaultOptions()); err != nil {
		t.Fatal(err)
	}
}

func TestAReportWithMapsIsTheSameBytesForTheSameDataAndDate(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	mapStory(t, s, c.ID, 7)
	d, err := report.Load(context.Background(), s, c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	render := func() []byte {
		var b bytes.Buffer
		if err := report.Write(&b, d, defaultOptions()); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if !bytes.Equal(render(), render()) {
		t.Error("two reports with maps of the same data and date differ")
	}
}
