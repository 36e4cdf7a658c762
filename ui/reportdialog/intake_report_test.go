package reportdialog

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"backtrack/report"
	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

func TestTheReportDialogPrintsTheIntakeSummaryForTheClientToSign(t *testing.T) {
	f := newReportFixture(t)
	c := f.Client(t, "Marta", "Nowak", 2)
	if err := f.Store.SaveIntake(context.Background(), c.ID, store.Intake{Date: time.Date(2026, 9, 1, 0, 0, 0, 0, time.Local), Reason: "Sitting all day",
		Conditions: map[store.Condition]store.Answer{store.Pregnancy: store.Yes("20 weeks")}}, store.TypedAlerts{}, nil); err != nil {
		t.Fatal(err)
	}
	e := f.ReportDialog(c)
	e.Document.SetSelected(DocIntake)
	if e.FileName.Text != "Nowak_Marta_intake_2026-11-25.pdf" || e.Period.Box.Visible() {
		t.Fatalf("intake chosen: file %q, period shown %v", e.FileName.Text, e.Period.Box.Visible())
	}
	test.Tap(e.Save)
	e.Work.Wait()
	text := desktest.PDFWords(t, filepath.Join(f.Dir, "Nowak_Marta_intake_2026-11-25.pdf"))
	desktest.MustContain(t, "intake PDF", text, "Intake summary", "Pregnancy Yes: 20 weeks", "No consent on file", "Client: Marta Nowak")
	// and the physician's edition is a progress report with the history
	e = f.ReportDialog(c)
	e.Edition.SetSelected(report.ForPhysician.Label())
	test.Tap(e.Save)
	e.Work.Wait()
	desktest.MustContain(t, "physician edition", desktest.PDFWords(t, filepath.Join(f.Dir, "Nowak_Marta_progress_2026-11-25.pdf")),
		"Progress report", "Relevant history and red-flag screen", "PRECAUTIONS: Pregnancy (20 weeks)")
}
