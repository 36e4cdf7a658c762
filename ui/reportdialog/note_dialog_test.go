package reportdialog

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

func TestAVisitNoteIsSavedAsPDFFromTheNoteView(t *testing.T) {
	f := newReportFixture(t)
	c := f.Client(t, "Lena", "Fischer", 3)
	hist, err := f.Store.ClientHistory(context.Background(), c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	e := NewNoteDialog(f.Win, f.Store, &kit.Tasks{}, c, hist[1], store.Practice{Name: "Back in Balance", Therapist: "Anna Keller"})
	e.Now = func() time.Time { return reportToday }
	e.Folder.Set(f.Dir)
	e.Show()
	if e.FileName.Text != "Fischer_Lena_visit_2026-10-10.pdf" {
		t.Errorf("proposed name %q", e.FileName.Text)
	}
	e.Work.OnUI(func() { test.Tap(e.Save) })
	e.Work.Wait()
	text := desktest.PDFWords(t, filepath.Join(f.Dir, "Fischer_Lena_visit_2026-10-10.pdf"))
	for _, want := range []string{"Back in Balance", "Visit note", "Lena Fischer", "10 Oct 2026, 10:00",
		"Before treatment 5 / 10, after 3 / 10", "Quadratus lumborum (L)", "Confidential health information"} {
		if !strings.Contains(text, want) {
			t.Errorf("visit note lacks %q", want)
		}
	}
}
