package report_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/testkit"
)

// lastPage is the text of a PDF's last page (pdftotext ends each page
// with a form feed).
func lastPage(t *testing.T, pdf []byte) (page string, pages int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	all := strings.Split(strings.TrimRight(testkit.PDFText(t, path, testkit.Raw), "\f\n"), "\f")
	return all[len(all)-1], len(all)
}

// However long the content before it, the signature block never stands
// alone on the last page: the content it closes comes over with it. The
// lengths tried walk the end of the content down a page, so one of them
// puts the signature just past the page's foot.
func TestTheSignatureNeverEndsAPageOfItsOwn(t *testing.T) {
	for _, doc := range []struct {
		name string
		opts report.Options
		data func(lines int) report.Data
	}{
		{"physician report", defaultOptions(), func(lines int) report.Data {
			var text []string
			for i := 1; i <= lines; i++ {
				text = append(text, fmt.Sprintf("Home care step %d: stretch the quadratus lumborum lying on the side.", i))
			}
			d := report.Data{Client: store.Client{FirstName: "Marta", LastName: "Nowak"}}
			d.HomeCare = store.Dated{Text: strings.Join(text, "\n"), On: reportDate}
			d.Plan = store.Dated{Text: "Weekly for three weeks.", On: reportDate}
			return d
		}},
		{"intake summary", report.Options{Practice: testPractice, Date: reportDate, Document: report.IntakeSummary}, func(lines int) report.Data {
			var text []string
			for i := 1; i <= lines; i++ {
				text = append(text, fmt.Sprintf("Goal step %d: sit through a working day without pain.", i))
			}
			return report.Data{Client: store.Client{FirstName: "Marta", LastName: "Nowak"},
				Health: store.Health{Intake: store.Intake{Date: reportDate, Reason: "Back pain", Goals: strings.Join(text, "\n")}}}
		}},
	} {
		alone := 0
		for lines := 1; lines <= 60; lines++ {
			var out bytes.Buffer
			if err := report.Write(&out, doc.data(lines), doc.opts); err != nil {
				t.Fatal(err)
			}
			page, pages := lastPage(t, out.Bytes())
			if pages > 1 && !strings.Contains(page, fmt.Sprintf("step %d:", lines)) {
				alone++
				if alone == 1 {
					t.Errorf("%s with %d lines: the last of %d pages holds no content, only:\n%s", doc.name, lines, pages, page)
				}
			}
		}
		if alone > 1 {
			t.Errorf("%s: %d lengths leave the signature alone", doc.name, alone)
		}
	}
}
