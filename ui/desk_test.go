package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

func TestSampleDataIsSeparateAndLabelled(t *testing.T) {
	s := desktest.OpenStore(t)
	d := newTestDesk(t, s, Options{})

	// when the therapist explores with sample data from the welcome
	tap(d, d.welcome.Explore)
	if !d.SampleOpen() {
		t.Fatal("Explore with sample data did not open the sample practice")
	}
	dir := d.sample.dir
	info, err := os.Stat(dir)
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("sample folder %s: %v, mode %v, want 0700", dir, err, info.Mode().Perm())
	}
	// then it is labelled as such, and full of clients
	desktest.MustContain(t, "title", d.window.Title(), "SAMPLE DATA")
	if !d.banner.content.Visible() {
		t.Error("the sample-data banner is hidden")
	}
	if d.Welcoming() || len(d.list.Rows()) != sampleClients {
		t.Errorf("sample list: welcome %v, %d rows", d.Welcoming(), len(d.list.Rows()))
	}
	// and nothing of it lands in the real database
	if real, _ := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true}); len(real) != 0 {
		t.Fatalf("the real database got %d sample clients", len(real))
	}

	// leaving deletes it and brings back the therapist's own (empty) records
	tap(d, d.banner.Leave)
	if d.SampleOpen() || d.banner.content.Visible() || strings.Contains(d.window.Title(), "SAMPLE") {
		t.Error("still labelled as sample data after leaving")
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("sample folder still there: %v", err)
	}
	if !d.Welcoming() {
		t.Error("leaving the sample for an empty database should welcome again")
	}
}

func TestKeyboardShortcutsWithNothingFocused(t *testing.T) {
	d, _, c := deskWithClient(t)
	desktest.AddSession(t, d.store, storeSession(c.ID))
	act(d, d.view.Reload)

	// the canvas has the shortcuts too, for when no field has focus
	act(d, func() {
		d.window.Canvas().Unfocus()
		d.window.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutNewSession)
	})
	if d.view.Mode() != clientview.ModeForm {
		t.Fatal("Ctrl+N on the canvas did not open the form")
	}
	act(d, func() { d.window.Canvas().Unfocus() })
	pressKey(d, fyne.KeyEscape)
	if d.view.Mode() != clientview.ModeOverview {
		t.Fatalf("Escape with nothing focused left mode %v", d.view.Mode())
	}
	// Escape also steps back from a note
	act(d, func() { d.view.History.List.Select(0) })
	pressKey(d, fyne.KeyEscape)
	if d.view.Mode() != clientview.ModeOverview {
		t.Errorf("Escape from a note left mode %v", d.view.Mode())
	}
	// the form's fields come in the order they are filled in; the copy
	// button ends the top line, before the pain
	press(t, d, shortcutNewSession)
	f := d.view.Form
	order := []fyne.Focusable{}
	act(d, func() {
		d.window.Canvas().Focus(f.Date)
		for i := 0; i < 5; i++ {
			order = append(order, d.window.Canvas().Focused())
			d.window.Canvas().FocusNext()
		}
	})
	want := []fyne.Focusable{f.Date, f.Time, f.Duration, f.Copy, f.PainBefore.Slider}
	for i := range want {
		if order[i] != want[i] {
			t.Errorf("tab stop %d is %T, want %T", i, order[i], want[i])
		}
	}
}

func storeSession(clientID int64) store.Session {
	return store.Session{ClientID: clientID, Start: desktest.Now.AddDate(0, 0, -7), DurationMin: 45,
		PainBefore: store.PainOf(5), PainAfter: store.PainOf(3)}
}

func TestStaleLoadNeverOverwritesNewer(t *testing.T) {
	// given two loads of the same area, the first one slower
	var tk kit.Tasks
	var area kit.Latest
	release := make(chan struct{})
	var mu sync.Mutex
	var shown []string
	show := func(v string, err error) {
		mu.Lock()
		defer mu.Unlock()
		shown = append(shown, v)
	}
	kit.LoadLatest(&tk, &area, func(ctx context.Context) (string, error) {
		<-release
		return "old", ctx.Err()
	}, show)
	kit.LoadLatest(&tk, &area, func(context.Context) (string, error) { return "new", nil }, show)
	// when the slow one finishes last
	close(release)
	tk.Wait()
	// then only the newer result was applied
	if len(shown) != 1 || shown[0] != "new" {
		t.Fatalf("applied %v, want only the newer load", shown)
	}
}

func TestBusiestWithAlertsPrefersAlertsThenHistory(t *testing.T) {
	quiet := store.ClientSummary{Client: store.Client{ID: 1}, SessionCount: 50}
	alert := store.ClientSummary{Client: store.Client{ID: 2, Medications: "ibuprofen"}, SessionCount: 3}
	alertBusy := store.ClientSummary{Client: store.Client{ID: 3, Contraindications: "pregnant"}, SessionCount: 9}
	for _, tc := range []struct {
		clients []store.ClientSummary
		want    int64
	}{
		{nil, 0},
		{[]store.ClientSummary{quiet}, 1},
		{[]store.ClientSummary{quiet, alert}, 2},
		{[]store.ClientSummary{alert, quiet, alertBusy}, 3},
	} {
		if got := busiestWithAlerts(tc.clients); got != tc.want {
			t.Errorf("busiestWithAlerts(%d clients) = %d, want %d", len(tc.clients), got, tc.want)
		}
	}
}

func TestSettingsKeepPracticeDetailsForReports(t *testing.T) {
	d, _, _ := deskWithClient(t)
	press(t, d, shortcutSettings)
	st := d.settings
	if st == nil {
		t.Fatal("Ctrl+, did not open the settings")
	}
	typeInto(d, st.Practice, "Back in Balance")
	typeInto(d, st.Therapist, "Anna Keller")
	typeInto(d, st.Credentials, "LMT")
	act(d, func() { st.Paper.SetSelected("Letter") })
	tap(d, st.Save)

	prefs := d.app.Preferences()
	if prefs.String(settings.KeyPracticeName) != "Back in Balance" || prefs.String(settings.KeyTherapist) != "Anna Keller" ||
		prefs.String(settings.KeyCredentials) != "LMT" || prefs.String(settings.KeyPageSize) != "Letter" {
		t.Errorf("preferences not saved: %q %q %q %q", prefs.String(settings.KeyPracticeName),
			prefs.String(settings.KeyTherapist), prefs.String(settings.KeyCredentials), prefs.String(settings.KeyPageSize))
	}
	desktest.MustContain(t, "title", d.window.Title(), "Back in Balance")
	// the report dialog reads the same details
	if p := kit.PracticeFromPreferences(prefs); p.TherapistLine() != "Anna Keller, LMT" {
		t.Errorf("report practice = %+v", p)
	}

	// Cancel keeps what was saved
	press(t, d, shortcutSettings)
	typeInto(d, d.settings.Practice, "Something else")
	tap(d, d.settings.Cancel)
	if prefs.String(settings.KeyPracticeName) != "Back in Balance" {
		t.Errorf("Cancel saved %q", prefs.String(settings.KeyPracticeName))
	}
}

func TestReportButtonOpensTheExportDialog(t *testing.T) {
	d, _, _ := deskWithClient(t)
	if d.window.Canvas().Overlays().Top() != nil {
		t.Fatal("a dialog is open before asking for a report")
	}
	tap(d, d.view.Header.Report)
	if d.window.Canvas().Overlays().Top() == nil {
		t.Fatal("Report… opened no dialog")
	}
}

func TestClosingTheWindowAsksAboutUnsavedChanges(t *testing.T) {
	d, s, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	typeInto(d, d.view.Form.Plan, "Weekly")
	closed := false
	// the window's close button runs the same path as its close intercept
	act(d, func() { d.leaveAll(func() { closed = true }) })
	if d.Unsaved == nil || closed {
		t.Fatal("closing with an unsaved session did not ask first")
	}
	tap(d, d.Unsaved.Keep)
	if closed || d.view.Form == nil {
		t.Fatal("Keep editing closed the window or the form")
	}
	act(d, func() { d.leaveAll(func() { closed = true }) })
	tap(d, d.Unsaved.Save)
	if !closed {
		t.Fatal("Save did not go on to close")
	}
	if hist, _ := s.ClientHistory(context.Background(), c.ID, store.Period{}); len(hist) != 1 {
		t.Errorf("saved sessions = %d, want 1", len(hist))
	}
}

func TestDownFromSearchGoesToTheList(t *testing.T) {
	d, _, _ := deskWithClient(t)
	press(t, d, shortcutFind)
	pressKey(d, fyne.KeyDown)
	if d.window.Canvas().Focused() != d.list.List {
		t.Errorf("Down in the search focused %T, want the list", d.window.Canvas().Focused())
	}
}

func TestOpenErrorSaysWhatIsWrongInWords(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(bad, []byte("these are not the records you are looking for"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := sqlstore.Open(context.Background(), bad)
	if err == nil {
		t.Fatal("opened a file that is not a database")
	}
	got := words.OpenErrorText(err)
	desktest.MustContain(t, "message", got, "notes.db is not a Backtrack database")
	if strings.Contains(got, "(26)") {
		t.Errorf("message shows the SQLite code: %q", got)
	}
}

func TestAppearancePinsLightOrDark(t *testing.T) {
	light, dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight),
		theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	if got := kit.NewDeskTheme(kit.AppearanceDark).Color(theme.ColorNameBackground, theme.VariantLight); got != dark {
		t.Errorf("Dark on a light desktop paints %v, want %v", got, dark)
	}
	if got := kit.NewDeskTheme(kit.AppearanceLight).Color(theme.ColorNameBackground, theme.VariantDark); got != light {
		t.Errorf("Light on a dark desktop paints %v, want %v", got, light)
	}
	if got := kit.NewDeskTheme(kit.AppearanceSystem).Color(theme.ColorNameBackground, theme.VariantDark); got != dark {
		t.Errorf("System on a dark desktop paints %v, want %v", got, dark)
	}
}

// menuItem finds a menu entry by its label.
func menuItem(t *testing.T, d *Desk, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range d.window.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu entry %q", label)
	return nil
}

func TestDataMenuOpensItsDialogs(t *testing.T) {
	for _, label := range []string{"Back up now…", "Restore from backup…", "Export…", "Import…"} {
		t.Run(label, func(t *testing.T) {
			d, _, _ := deskWithClient(t)
			act(d, menuItem(t, d, label).Action)
			if d.window.Canvas().Overlays().Top() == nil {
				t.Fatalf("%s opened no dialog", label)
			}
		})
	}
}

func TestReopenAfterRestoreShowsTheRestoredRecords(t *testing.T) {
	d, _, _ := deskWithClient(t)
	// given another database file, as a restore leaves it
	other := desktest.OpenStore(t)
	desktest.AddClient(t, other, store.Client{FirstName: "Restored", LastName: "Client"})
	path := other.Path()
	other.Close()
	// when the restore dialog hands the path back
	act(d, func() { d.reopen(path) })
	d.wait()
	// then the desk shows those records
	if got := names(d.list.Rows()); got != "Restored Client" {
		t.Errorf("after reopen the list shows %s", got)
	}
	if d.store.Path() != path {
		t.Errorf("desk store = %s, want %s", d.store.Path(), path)
	}
	if err := d.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
}
