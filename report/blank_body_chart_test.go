package report_test

import (
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
