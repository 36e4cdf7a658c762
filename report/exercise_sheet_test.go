package report

import (
	"os"
	"path/filepath"
	"testing"

	"backtrack/store"

	"github.com/jung-kurt/gofpdf"
)

// TestEveryExerciseHasAPictureOnTheContactSheet draws every library
// exercise at handout size on one page; with BACKTRACK_EXERCISE_SHEET set to
// a file it keeps the sheet there, for a person to look at (docs/).
func TestEveryExerciseHasAPictureOnTheContactSheet(t *testing.T) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(8, 8, 8)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 8)
	latin := pdf.UnicodeTranslatorFromDescriptor("")
	const cols, cw, ch = 3, 64.0, 50.0
	for i, ex := range store.Exercises() {
		x, y := 8+float64(i%cols)*cw, 8+float64(i/cols)*ch
		if !drawExercise(pdf, ex.ID, x+2, y+2, cw-4, ch-10) {
			t.Errorf("%s has no picture", ex.ID)
		}
		pdf.SetXY(x, y+ch-8)
		pdf.CellFormat(cw, 5, latin(ex.Name), "", 0, "C", false, 0, "")
	}
	path := os.Getenv("BACKTRACK_EXERCISE_SHEET")
	if path == "" {
		path = filepath.Join(t.TempDir(), "sheet.pdf")
	}
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
}
