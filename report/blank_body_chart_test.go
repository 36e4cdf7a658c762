package report_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"backtrack/report"
	"backtrack/store"
)

// The paper twin of the client's body chart page: the outline back and
// front, drawn as vectors, to mark with a pen.
func TestBlankFormsPrintTheBodyOutlineToMarkWhereItHurts(t *testing.T) {
	opts := defaultOptions()
	opts.Document = report.BlankForms
	opts.Forms = []store.FormKind{store.FormPain, store.FormBodyChart}
	path := writeData(t, report.Data{Client: store.Client{FirstName: "Lena", LastName: "Fischer"}}, opts, "forms.pdf")
	text := normalize(strings.Join(pdfText(t, path), " "))
	mustContain(t, "blank body chart", text, "Where it hurts", "Mark where it hurts", "Back", "Front",
		"L and R are your own left and right", "Your signature")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "/Subtype /Image") {
		t.Error("the outline is a picture, not vectors")
	}
}

// The intake summary names the places the client marked, once accepted,
// and where they came from; before the therapist accepts them it does not.
func TestTheIntakeSummaryPrintsWhereTheClientMarkedItHurts(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	c := createClient(t, s, "Lena", "Fischer", day(1975, 5, 2))
	sub, err := s.SaveSubmission(ctx, store.Submission{ClientID: c.ID, Forms: []store.FormKind{store.FormBodyChart},
		BodyChart: []store.RegionID{"sacral", "lumbar-l"}})
	if err != nil {
		t.Fatal(err)
	}
	opts := defaultOptions()
	opts.Document = report.IntakeSummary
	print := func(name string) string {
		d, err := report.Load(ctx, s, c.ID, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		return normalize(strings.Join(pdfText(t, writeData(t, d, opts, name)), " "))
	}
	if text := print("pending.pdf"); strings.Contains(text, "Lumbar (L)") {
		t.Error("places not yet accepted are printed as the record's")
	}
	if _, err := s.ReviewSubmission(ctx, sub.ID, []store.FormDecision{{Form: store.FormBodyChart, Accept: true}}, "Anna Keller"); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "intake summary", print("accepted.pdf"), "Where it hurts", "Lumbar (L), Sacral",
		"filled in by the client on the device on")
}
