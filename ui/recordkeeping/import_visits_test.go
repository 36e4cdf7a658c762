package recordkeeping

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/ui/kit"
)

// A therapist's own spreadsheet of visits: a merged name column, dates
// that could be day-first or month-first, a time column, pain as 7/10, a
// muscle by its initials with its side, a blank row.
const visitsSpreadsheet = "Patient;Visit;Time;Pain in;Pain out;Muscles treated;Session notes\n" +
	"\"Nowak, Marta\";03/11/2026;9:30 AM;7/10;3/10;QL (left);Sore after moving house\n" +
	";;;;;;\n" +
	"marta@example.com;04/11/2026;;6;;Piriformis;\n"

func TestAVisitsListIsMappedByColumnPreviewedAndImported(t *testing.T) {
	win, s := fileTaskWindow(t) // Marta Nowak (marta@example.com) and Jonas O'Brien
	imported := 0
	d := NewImportDialog(win, RecordOf(s), &kit.Tasks{}, func() { imported++ })
	d.Show()
	file := filepath.Join(t.TempDir(), "visits.csv")
	os.WriteFile(file, []byte(visitsSpreadsheet), 0o600)

	d.work.OnUI(func() { d.Kind.SetSelected(importKinds[1].label); d.choose(file) })
	d.work.Wait()
	var guessed []string
	for _, c := range d.List.Columns {
		guessed = append(guessed, c.Selected)
	}
	if strings.Join(guessed, "|") != "Client's full name|Date (and time)|Time|Pain before (0-10)|Pain after (0-10)|Muscles treated|Notes" {
		t.Fatalf("guessed %v", guessed)
	}
	if !d.List.datesRow.Visible() || d.List.datesSay.Text != "Dates are written:" || !d.Import.Disabled() {
		t.Fatalf("ambiguous visit dates not asked: %v %q, problems %v", d.List.datesRow.Visible(), d.List.datesSay.Text, d.problems)
	}

	d.work.OnUI(func() { d.List.Dates.SetSelected(dateOrderChoices[0]) })
	d.work.Wait()
	if d.Import.Disabled() || !strings.Contains(d.Summary.Text, "2 sessions would be added") ||
		!strings.Contains(d.Matches.Text, "row 2, Marta Nowak: matches Marta Nowak") ||
		!strings.Contains(d.Matches.Text, "row 4, marta@example.com: matches Marta Nowak") {
		t.Fatalf("day first: import enabled %v, summary %q, matches %q, problems %v", !d.Import.Disabled(), d.Summary.Text, d.Matches.Text, d.problems)
	}
	snapshot(t, win, "import-visits-checked")

	d.work.OnUI(func() { test.Tap(d.Import) })
	d.work.Wait()
	marta, _ := s.ClientsNamed(context.Background(), "Marta Nowak")
	history, err := s.ClientHistory(context.Background(), marta[0].ID, store.Period{})
	if err != nil || imported != 1 || len(history) != 2 {
		t.Fatalf("after import: onImported %d, sessions %d, %v", imported, len(history), err)
	}
	first := history[len(history)-1]
	if first.Start.Format(store.StartLayout) != "2026-11-03 09:30" || first.PainBefore != store.PainOf(7) ||
		store.TagLabels(first.Muscles) != "Quadratus lumborum (L)" {
		t.Errorf("first visit read as %s, pain %v, muscles %q", first.Start.Format(store.StartLayout), first.PainBefore, store.TagLabels(first.Muscles))
	}
}
