package recordkeeping

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/settings"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

// A client list from an old spreadsheet: a merged name column, dates of
// birth that could be day-first or month-first, a blank row, Marta already
// recorded.
const oldSpreadsheet = "Client;Born;Cell;E-mail;Comments\n" +
	"\"Núñez, José\";03/04/1979;0412 345 678;;Sees us monthly\n" +
	";;;;\n" +
	"Lena Fischer;05/06/1990;;;\n" +
	"Marta Nowak;;;marta@example.com;\n"

func TestAClientListIsMappedByColumnPreviewedImportedAndUndone(t *testing.T) {
	win, s := fileTaskWindow(t) // Marta Nowak and Jonas O'Brien
	imported := 0
	d := NewImportDialog(win, RecordOf(s), &kit.Tasks{}, func() { imported++ })
	d.Show()
	file := filepath.Join(t.TempDir(), "old-spreadsheet.csv")
	os.WriteFile(file, []byte(oldSpreadsheet), 0o600)

	// given the list chosen, its columns are shown with their guesses
	d.work.OnUI(func() { d.choose(file) })
	d.work.Wait()
	var guessed []string
	for _, c := range d.List.Columns {
		guessed = append(guessed, c.Selected)
	}
	if strings.Join(guessed, "|") != "Full name (split)|Date of birth|Phone|Email|Notes" {
		t.Fatalf("guessed %v", guessed)
	}
	// the dates cannot tell their order: asked, and nothing imports
	if !d.List.datesRow.Visible() || !d.Import.Disabled() ||
		!strings.Contains(d.problems[0].String(), `Born: "03/04/1979" could be day-first or month-first`) {
		t.Fatalf("ambiguous dates: asked %v, import enabled %v, problems %v", d.List.datesRow.Visible(), !d.Import.Disabled(), d.problems)
	}
	snapshot(t, win, "import-list-ambiguous")

	// when the therapist says they are day first, the preview counts the rows
	d.work.OnUI(func() { d.List.Dates.SetSelected(dateOrderChoices[0]) })
	d.work.Wait()
	if d.Import.Disabled() || !strings.Contains(d.Summary.Text, "2 clients would be added") ||
		!strings.Contains(d.Matches.Text, "row 5, Marta Nowak: Marta Nowak") {
		t.Fatalf("day first: import enabled %v, summary %q, matches %q, problems %v", !d.Import.Disabled(), d.Summary.Text, d.Matches.Text, d.problems)
	}
	snapshot(t, win, "import-list-checked")
	if n := countRecords(t, s.Path()); n != 2 {
		t.Fatalf("the preview wrote: %d clients", n)
	}

	// then Import writes them, reads the dates day first and remembers the columns
	d.work.OnUI(func() { test.Tap(d.Import) })
	d.work.Wait()
	if imported != 1 || countRecords(t, s.Path()) != 4 {
		t.Fatalf("after import: onImported %d, %d clients", imported, countRecords(t, s.Path()))
	}
	jose, _ := s.ClientsNamed(context.Background(), "José Núñez")
	if len(jose) != 1 || jose[0].DateOfBirth.Format(store.DateLayout) != "1979-04-03" || jose[0].Phone != "0412 345 678" {
		t.Fatalf("José imported as %+v", jose)
	}
	header := []string{"Client", "Born", "Cell", "E-mail", "Comments"}
	if got := fyne.CurrentApp().Preferences().String(settings.ImportMappingKey(header)); !strings.Contains(got, "dates=day-first") {
		t.Errorf("remembered %q", got)
	}

	// and the next dialog offers to undo it: confirmed, the two are gone
	d = NewImportDialog(win, RecordOf(s), &kit.Tasks{}, func() { imported++ })
	d.Show()
	d.work.Wait()
	if d.Undo.Disabled() || !strings.Contains(d.lastImport.Words(), "old-spreadsheet.csv (2 clients") {
		t.Fatalf("undo offered %v for %q", !d.Undo.Disabled(), d.lastImport.Words())
	}
	d.work.OnUI(func() { test.Tap(d.Undo) })
	desktest.MustContain(t, "confirmation", desktest.ShownText(win), "Undo the import of old-spreadsheet.csv")
	d.work.OnUI(func() { test.Tap(desktest.FindButton(win.Canvas().Overlays().Top(), "Undo the import")) })
	d.work.Wait()
	if n := countRecords(t, s.Path()); n != 2 || imported != 2 {
		t.Fatalf("after undo: %d clients, onImported %d", n, imported)
	}
	desktest.MustContain(t, "done", desktest.ShownText(win), "Undid the import of old-spreadsheet.csv")
}

func TestTheNextListWithTheSameColumnsIsReadAsChosenBefore(t *testing.T) {
	win, s := fileTaskWindow(t)
	header := []string{"Client", "Born", "Cell", "E-mail", "Comments"}
	fyne.CurrentApp().Preferences().SetString(settings.ImportMappingKey(header),
		interchange.Mapping{Header: header, Fields: []interchange.Field{interchange.FullName, interchange.DateOfBirth,
			interchange.KeepAsNote, interchange.Email, interchange.Skip}}.Spec()+", dates=month-first")
	d := NewImportDialog(win, RecordOf(s), &kit.Tasks{}, nil)
	d.Show()
	file := filepath.Join(t.TempDir(), "next-month.csv")
	os.WriteFile(file, []byte(oldSpreadsheet), 0o600)
	d.work.OnUI(func() { d.choose(file) })
	d.work.Wait()
	if d.List.Columns[2].Selected != "Keep as a note" || d.List.Columns[4].Selected != "(leave out)" ||
		d.List.Dates.Selected != dateOrderChoices[1] || d.Import.Disabled() {
		t.Fatalf("remembered columns not used: %s / %s, dates %q, problems %v", d.List.Columns[2].Selected,
			d.List.Columns[4].Selected, d.List.Dates.Selected, d.problems)
	}
	// a preset maps the columns it names; the others keep their guess
	d.work.OnUI(func() {
		d.List.Preset.SetSelected(presetLabel(interchange.ClientList, interchange.ClientList.Presets[2]))
	})
	d.work.Wait()
	if d.List.Columns[0].Selected != "Full name (split)" {
		t.Errorf("generic preset over the list: %s", d.List.Columns[0].Selected)
	}
}

func TestAnUndoRefusedNamesTheClientsRecordedOnSince(t *testing.T) {
	win, s := fileTaskWindow(t)
	d := NewImportDialog(win, RecordOf(s), &kit.Tasks{}, nil)
	file := filepath.Join(t.TempDir(), "list.csv")
	os.WriteFile(file, []byte("First,Last\nLena,Fischer\n"), 0o600)
	d.work.OnUI(func() { d.choose(file) })
	d.work.Wait()
	d.work.OnUI(func() { test.Tap(d.Import) })
	d.work.Wait()
	lena, _ := s.ClientsNamed(context.Background(), "Lena Fischer")
	lena[0].Phone = "030 1234"
	if _, err := s.UpdateClient(context.Background(), lena[0]); err != nil {
		t.Fatal(err)
	}
	d = NewImportDialog(win, RecordOf(s), &kit.Tasks{}, nil)
	d.Show()
	d.work.Wait()
	d.work.OnUI(d.undo)
	d.work.Wait()
	desktest.MustContain(t, "problem", d.Problem.Text, "cannot be undone", "Lena Fischer")
	if n := countRecords(t, s.Path()); n != 3 {
		t.Errorf("%d clients after a refused undo", n)
	}
}
