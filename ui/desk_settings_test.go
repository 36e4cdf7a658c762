package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
	"backtrack/ui/reportdialog"
)

func TestSettingsAddressAndContactReachTheReport(t *testing.T) {
	d, s, c := deskWithClient(t)
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7), PainBefore: store.PainOf(5), PainAfter: store.PainOf(3)})

	// when the therapist fills in the practice's address and contact
	press(t, d, shortcutSettings)
	st := d.settings
	typeInto(d, st.Practice, "Back in Balance")
	typeInto(d, st.Address, "12 Linden St, 8001 Zurich")
	typeInto(d, st.Contact, "079 555 01 02 · anna@example.ch")
	tap(d, st.Save)

	// then they are kept under the report's keys, which the CLI reads too
	prefs := d.app.Preferences()
	if got := prefs.String(settings.KeyAddress); got != "12 Linden St, 8001 Zurich" {
		t.Errorf("address preference = %q", got)
	}
	if got := prefs.String(settings.KeyContact); got != "079 555 01 02 · anna@example.ch" {
		t.Errorf("contact preference = %q", got)
	}

	// and a progress report prints them
	var e *reportdialog.ReportDialog
	act(d, func() {
		e = reportdialog.NewReportDialog(d.window, d.store, d.tasks, c, kit.PracticeFromPreferences(prefs))
		e.Now = func() time.Time { return desktest.Now }
		e.Folder.Set(t.TempDir())
		e.Show()
	})
	act(d, func() { test.Tap(e.Save) })
	words := desktest.PDFWords(t, filepath.Join(e.Folder.Path, e.FileName.Text))
	desktest.MustContain(t, "report", words, "Back in Balance", "12 Linden St, 8001 Zurich", "079 555 01 02")
}

func TestEmptySettingsAreWarnedOfAndHintsLookLikeHints(t *testing.T) {
	d, _, c := deskWithClient(t)
	var e *reportdialog.ReportDialog
	act(d, func() {
		e = reportdialog.NewReportDialog(d.window, d.store, d.tasks, c, kit.PracticeFromPreferences(d.app.Preferences()))
		e.Show()
	})
	if !e.NoPractice.Visible() {
		t.Error("a report with empty Settings gives no warning")
	}
	desktest.MustContain(t, "warning", e.NoPractice.Text, "Settings", "“Therapist”")
	act(d, func() {
		e = reportdialog.NewReportDialog(d.window, d.store, d.tasks, c, store.Practice{Therapist: "Anna Keller"})
		e.Show()
	})
	if e.NoPractice.Visible() {
		t.Error("warned although the therapist is set")
	}

	act(d, d.showSettings)
	for _, field := range []*kit.Entry{d.settings.Practice, d.settings.Therapist, d.settings.Address} {
		if !strings.HasPrefix(field.PlaceHolder, "Your") && !strings.Contains(field.PlaceHolder, " and ") {
			t.Errorf("placeholder %q reads like real data, not a hint", field.PlaceHolder)
		}
	}
}
