package ui

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
	c := f.client(t, "Lena", "Fischer", 3)
	hist, err := f.store.ClientHistory(context.Background(), c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	e := newNoteDialog(f.win, f.store, &kit.Tasks{}, c, hist[1], store.Practice{Name: "Back in Balance", Therapist: "Anna Keller"})
	e.now = func() time.Time { return reportToday }
	e.Folder.Set(f.dir)
	e.show()
	if e.FileName.Text != "Fischer_Lena_visit_2026-10-10.pdf" {
		t.Errorf("proposed name %q", e.FileName.Text)
	}
	e.work.OnUI(func() { test.Tap(e.Save) })
	e.work.Wait()
	text := desktest.PDFWords(t, filepath.Join(f.dir, "Fischer_Lena_visit_2026-10-10.pdf"))
	for _, want := range []string{"Back in Balance", "Visit note", "Lena Fischer", "10 Oct 2026, 10:00",
		"Before treatment 5 / 10, after 3 / 10", "Quadratus lumborum (L)", "Confidential health information"} {
		if !strings.Contains(text, want) {
			t.Errorf("visit note lacks %q", want)
		}
	}
}

func TestTheNoteViewOffersItsPDF(t *testing.T) {
	d, s, c := deskWithClient(t)
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -3), PainBefore: store.PainOf(6)})
	act(d, func() { d.view.reload() })
	act(d, func() { d.view.History.List.Select(0) })
	tap(d, d.view.Detail.PDF)
	if !strings.Contains(desktest.ShownText(d.window), "Visit") {
		t.Errorf("PDF… opened %q, want the visit note dialog", desktest.ShownText(d.window))
	}
}
