package reportdialog

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"backtrack/store/testkit"
	"backtrack/ui/internal/desktest"
)

// The check is the physician's edition's only, and adds "What has helped".
func TestReportDialogAddsWhatHasHelpedToThePhysiciansEdition(t *testing.T) {
	f := newReportFixture(t)
	c := f.Client(t, "Marta", "Nowak", 0)
	testkit.InsightVisits(t, f.Store, c.ID, time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local), 12)
	e := f.ReportDialog(c)
	if !e.Insights.Visible() || e.Insights.Checked {
		t.Fatalf("the physician's edition offers the check, unticked: visible %v ticked %v", e.Insights.Visible(), e.Insights.Checked)
	}
	e.Work.OnUI(func() { e.Edition.SetSelected("For the client") })
	if e.Insights.Visible() {
		t.Error("the client's edition offers insights")
	}
	e.Work.OnUI(func() { e.Edition.SetSelected("For the physician"); e.Insights.SetChecked(true) })
	e.Work.OnUI(func() { test.Tap(e.Save) })
	e.Work.Wait()
	text := desktest.PDFWords(t, filepath.Join(f.Dir, "Nowak_Marta_progress_2026-11-25.pdf"))
	for _, want := range []string{"What has helped", "Stretching: 2.0 points more relief, 6 visits vs 6", "Observational, not cause"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
}
