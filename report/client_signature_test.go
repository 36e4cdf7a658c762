package report_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"backtrack/report"
	"backtrack/store"
)

// A consent and an intake the client signed on the device print the
// signature as the strokes drawn, vector lines in the page's content (no
// image), beside the typed name and the date.
func TestAClientSignedConsentAndIntakePrintTheSignatureAsVectorLines(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	c := createClient(t, s, "Lena", "Fischer", day(1975, 5, 2))
	sig := store.Signature{Width: 600, Height: 200, Strokes: []store.Stroke{
		{{X: 20, Y: 150, T: 0}, {X: 80, Y: 40, T: 90}, {X: 140, Y: 150, T: 180}, {X: 200, Y: 60, T: 260}},
		{{X: 260, Y: 120, T: 500}, {X: 420, Y: 100, T: 640}}}}
	sub, err := s.SaveSubmission(ctx, store.Submission{ClientID: c.ID, Forms: []store.FormKind{store.FormIntake, store.FormConsent},
		Intake:     store.Intake{Reason: "Low back pain after gardening"},
		Consent:    store.Consent{Assessment: true, Draping: true, Areas: []store.ConsentArea{store.AreaBack, store.AreaGluteal}},
		SignedName: "Lena Fischer", Signature: sig})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReviewSubmission(ctx, sub.ID, []store.FormDecision{{Form: store.FormIntake, Accept: true},
		{Form: store.FormConsent, Accept: true}}, "Anna Keller"); err != nil {
		t.Fatal(err)
	}
	d, err := report.Load(ctx, s, c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	opts := defaultOptions()
	opts.Document = report.IntakeSummary
	signed := writeData(t, d, opts, "signed.pdf")
	d.Submissions = nil
	unsigned := writeData(t, d, opts, "unsigned.pdf")

	text := normalize(strings.Join(pdfText(t, signed), " "))
	mustContain(t, "signed intake", text, "Signed: Lena Fischer", "Drawn by the client on the device",
		"filled in and signed by the client on the device on")
	raw, _ := os.ReadFile(signed)
	if strings.Contains(string(raw), "/Subtype /Image") {
		t.Fatal("the signature is a picture, not lines")
	}
	segments := sig.Points() - len(sig.Strokes)
	lines := func(path string) int {
		n := 0
		for _, stream := range contentStreams(t, path) {
			n += len(regexp.MustCompile(`[\d.]+ [\d.]+ m [\d.]+ [\d.]+ l S`).FindAllString(stream, -1))
		}
		return n
	}
	if got := lines(signed) - lines(unsigned); got < 2*segments {
		t.Fatalf("the signed PDF has %d more line paths than the unsigned one; the signature alone is %d on the consent and %d on the intake",
			got, segments, segments)
	}
}

func writeData(t *testing.T, d report.Data, opts report.Options, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := report.Write(f, d, opts); err != nil {
		t.Fatal(err)
	}
	return path
}

// The blank paper forms ask in the same words as the client's screen, with
// the questionnaire's source, and end with the name, signature and date.
func TestBlankPaperFormsAskInTheWordsOfTheClientsScreen(t *testing.T) {
	opts := defaultOptions()
	opts.Document = report.BlankForms
	opts.Forms = []store.FormKind{store.FormIntake, store.FormConsent, store.FormPSFS, store.FormPain}
	opts.Areas = []store.ConsentArea{store.AreaGluteal}
	path := writeData(t, report.Data{Client: store.Client{FirstName: "Lena", LastName: "Fischer"}}, opts, "forms.pdf")
	text := normalize(strings.Join(pdfText(t, path), " "))
	mustContain(t, "blank forms", text, "Forms to fill in", "Lena Fischer",
		normalize(store.SaddleNumbness.ClientWords()), normalize(store.AreaGluteal.ClientWords()),
		"Physiotherapy Canada 1995", "How bad is your pain today?", "Your signature", "Date",
		"marked as from this paper form and its date")
	if strings.Contains(text, store.AreaAbdomen.ClientWords()) {
		t.Error("an area not asked is on the form")
	}
	if strings.Contains(text, "cauda equina") && !strings.Contains(text, "Finucane") {
		t.Error("the client's form uses clinical words")
	}
}
