package recordkeeping

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/ui/kit"
)

// A column whose dates cannot show their order is refused at its row until
// the therapist says the order under Dates; nothing is guessed.
func TestTheImportDialogAsksTheOrderOfAnAmbiguousDateColumn(t *testing.T) {
	win, s := fileTaskWindow(t)
	d := NewImportDialog(win, RecordOf(s), &kit.Tasks{}, nil)
	d.Show()
	file := filepath.Join(t.TempDir(), "clients.csv")
	os.WriteFile(file, []byte("first_name,last_name,date_of_birth\nLena,Fischer,03/04/1990\n"), 0o600)
	d.work.OnUI(func() { d.choose(file) })
	d.work.Wait()
	// a client list is read through its columns' mapping: the column as a whole is asked about
	if len(d.problems) != 1 || d.problems[0].Where() != "date_of_birth" ||
		!strings.Contains(d.problems[0].Message, "could be day-first or month-first") {
		t.Fatalf("problems %v", d.problems)
	}
	snapshot(t, win, "import-dates-ambiguous")
	d.work.OnUI(func() { d.Dates.SetSelectedIndex(1) }) // day first: checks again
	d.work.Wait()
	if d.Import.Disabled() || len(d.problems) != 0 || !strings.Contains(d.Summary.Text, "1 client would be added") {
		t.Fatalf("day first: import enabled=%v, problems %v, summary %q", !d.Import.Disabled(), d.problems, d.Summary.Text)
	}
}
