package recordkeeping

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

func TestImportPreviewsProblemsThenImportsACorrectedFile(t *testing.T) {
	win, s := fileTaskWindow(t)
	imported := 0
	d := NewImportDialog(win, RecordOf(s), &kit.Tasks{}, func() { imported++ })
	d.Show()
	file := filepath.Join(t.TempDir(), "from-old-system.csv")
	os.WriteFile(file, []byte("\ufeffFirst Name;Last Name;Date of birth;Email\n"+
		"Lena;Fischer;1990-01-31;lena@example.com\n"+
		"Tom;\"Robert'); DROP TABLE clients;--\";2026-02-30;\n"+
		"Ana;Silva;;not-an-email\n"), 0o600)

	// When a file with problems is chosen, they are listed by row and column.
	d.work.OnUI(func() { d.choose(file) })
	d.work.Wait()
	var where []string
	for _, p := range d.problems {
		where = append(where, p.Where())
	}
	if strings.Join(where, "|") != "row 3, Date of birth|row 4, Email" { // the file's own column names
		t.Fatalf("problems at %v; summary %q", where, d.Summary.Text)
	}
	if !d.Import.Disabled() || !strings.Contains(d.Summary.Text, "2 problems") {
		t.Fatalf("import enabled=%v with problems; summary %q", !d.Import.Disabled(), d.Summary.Text)
	}
	// The list shows them as a therapist reads them.
	item := test.WidgetRenderer(d.Problems).Objects()
	if len(item) == 0 {
		t.Fatal("problem list renders nothing")
	}
	snapshot(t, win, "import-problems")

	// Then, corrected, it checks out and imports in one go.
	os.WriteFile(file, []byte("\ufeffFirst Name;Last Name;Date of birth;Email\n"+
		"Lena;Fischer;1990-01-31;lena@example.com\n"+
		"Tom;\"Robert'); DROP TABLE clients;--\";1980-02-28;\n"+
		"Ana;Silva;;ana@example.com\n"+
		"Marta;Nowak;;marta@example.com\n"), 0o600)
	d.work.OnUI(func() { d.choose(file) })
	d.work.Wait()
	if d.Import.Disabled() || !strings.Contains(d.Summary.Text, "3 clients would be added") ||
		!strings.Contains(d.Summary.Text, "1 client is already recorded") {
		t.Fatalf("corrected file: import enabled=%v, summary %q", !d.Import.Disabled(), d.Summary.Text)
	}
	snapshot(t, win, "import-checked")
	d.work.OnUI(func() { test.Tap(d.Import) })
	d.work.Wait()
	done := desktest.ShownText(win) // the message shown after the import
	if imported != 1 || !strings.Contains(done, "3 clients added") {
		t.Fatalf("after import: onImported %d times, done %q", imported, done)
	}
	if n := countRecords(t, s.Path()); n != 5 {
		t.Errorf("%d clients, want 5", n)
	}
}

func TestImportRefusesABinaryFileRenamedCSV(t *testing.T) {
	win, s := fileTaskWindow(t)
	d := NewImportDialog(win, RecordOf(s), &kit.Tasks{}, func() { t.Error("onImported for a refused file") })
	file := filepath.Join(t.TempDir(), "clients.csv")
	os.WriteFile(file, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o600)
	d.work.OnUI(func() { d.choose(file) })
	d.work.Wait()
	if len(d.problems) != 1 || !strings.Contains(d.problems[0].Message, "binary") || !d.Import.Disabled() {
		t.Fatalf("binary file: problems %v, import enabled=%v", d.problems, !d.Import.Disabled())
	}
	// A JSON file switches the kind by itself.
	js := filepath.Join(t.TempDir(), "backtrack.json")
	os.WriteFile(js, []byte(`{"format":"backtrack-export","version":1,"clients":[]}`), 0o600)
	d.work.OnUI(func() { d.choose(js) })
	d.work.Wait()
	if d.Kind.Selected != importKinds[2].label || d.Import.Disabled() {
		t.Errorf("json file: kind %q, import enabled=%v, summary %q", d.Kind.Selected, !d.Import.Disabled(), d.Summary.Text)
	}
}
