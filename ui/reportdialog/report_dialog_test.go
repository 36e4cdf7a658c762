package reportdialog

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

var reportToday = time.Date(2026, 11, 25, 15, 0, 0, 0, time.Local)

// reportFixture is a real store with clients and visits, a test app and
// window, and a folder to save reports into.
type reportFixture struct {
	Store  *sqlstore.Store
	Win    fyne.Window
	Dir    string
	opened []*url.URL
}

func newReportFixture(t *testing.T) *reportFixture {
	t.Helper()
	test.NewTempApp(t)
	s := testkit.OpenStore(t, reportToday)
	win := test.NewTempWindow(t, widget.NewLabel("desk"))
	win.Resize(fyne.NewSize(1100, 760))
	return &reportFixture{Store: s, Win: win, Dir: t.TempDir()}
}

// Client adds a client with one visit per month back from November.
func (f *reportFixture) Client(t *testing.T, first, last string, visits int) store.Client {
	t.Helper()
	ctx := context.Background()
	c, err := f.Store.CreateClient(ctx, store.Client{FirstName: first, LastName: last,
		DateOfBirth: time.Date(1975, 5, 2, 0, 0, 0, 0, time.Local)})
	if err != nil {
		t.Fatal(err)
	}
	ql, err := f.Store.TermNamed(ctx, store.Muscle, "Quadratus lumborum")
	if err != nil {
		t.Fatal(err)
	}
	for i := range visits {
		_, err := f.Store.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, DurationMin: 60,
			Start:      time.Date(2026, time.Month(11-i), 10, 10, 0, 0, 0, time.Local),
			PainBefore: store.PainOf(4 + i), PainAfter: store.PainOf(2 + i),
			Muscles: []store.Tag{{TermID: ql.ID, Side: store.Left}}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func (f *reportFixture) ReportDialog(c store.Client) *ReportDialog {
	e := NewReportDialog(f.Win, f.Store, &kit.Tasks{}, c, store.Practice{Name: "Back in Balance", Therapist: "Anna Keller"})
	e.Now = func() time.Time { return reportToday }
	e.FileName.SetText(report.FileName(c, reportToday))
	e.Folder.Set(f.Dir)
	e.openURL = func(u *url.URL) error { f.opened = append(f.opened, u); return nil }
	e.Show()
	e.Work.Wait()
	return e
}

func TestReportDialogSavesTheChosenPeriodAndOffersToOpenIt(t *testing.T) {
	// Given a client with five monthly visits and the report dialog
	f := newReportFixture(t)
	c := f.Client(t, "Zoë", "Ångström-Łukasiewicz", 5)
	e := f.ReportDialog(c)
	if got := e.FileName.Text; got != "Ångström-Łukasiewicz_Zoë_progress_2026-11-25.pdf" {
		t.Errorf("proposed name %q", got)
	}
	if got := e.Visits.Text; got != "5 visits in this period." {
		t.Errorf("visit count %q", got)
	}

	// When the therapist picks the last three months and saves
	e.Work.OnUI(func() { e.Period.Choice.SetSelected(kit.PeriodRecent) })
	e.Work.Wait()
	if got := e.Visits.Text; got != "3 visits in this period." {
		t.Errorf("visit count for 3 months %q", got)
	}
	e.Work.OnUI(func() { test.Tap(e.Save) })
	e.Work.Wait()

	// Then the PDF holds those visits only, is private, and can be opened
	path := filepath.Join(f.Dir, "Ångström-Łukasiewicz_Zoë_progress_2026-11-25.pdf")
	text := desktest.PDFWords(t, path)
	for _, want := range []string{"Back in Balance", "Zoë Ångström-Łukasiewicz", "25 Aug – 25 Nov 2026", "3 visits", "4 → 2", "6 → 4"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text, "7 → 5") {
		t.Error("a visit older than three months is in the report")
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("report file %v, %v", info, err)
	}
	if e.Open == nil || desktest.FindButton(f.Win.Canvas().Overlays().Top(), "Open report") == nil {
		t.Fatal("no offer to open the saved report")
	}
	test.Tap(e.Open)
	if len(f.opened) != 1 || f.opened[0].Scheme != "file" || f.opened[0].Path != path {
		t.Errorf("opened %v, want file://%s", f.opened, path)
	}
	if fyne.CurrentApp().Preferences().String(kit.PrefReportFolder) != f.Dir {
		t.Error("the folder was not remembered for next time")
	}
}

func TestReportDialogNamesABadDateAndWritesNothing(t *testing.T) {
	f := newReportFixture(t)
	e := f.ReportDialog(f.Client(t, "Lena", "Fischer", 2))

	e.Work.OnUI(func() {
		e.Period.Choice.SetSelected(kit.PeriodCustom)
		test.Type(e.Period.From, "x")
	})
	e.Work.Wait()
	e.Work.OnUI(func() { test.Tap(e.Save) })
	e.Work.Wait()

	if !e.Problem.Visible() || !strings.Contains(e.Problem.Text, "From date") {
		t.Errorf("problem shown: %v %q", e.Problem.Visible(), e.Problem.Text)
	}
	if entries, _ := os.ReadDir(f.Dir); len(entries) != 0 {
		t.Errorf("a bad date still wrote %d files", len(entries))
	}

	// A backward range is refused too, in words
	e.Work.OnUI(func() {
		e.Period.From.SetText("2026-10-01")
		e.Period.To.SetText("2026-09-01")
	})
	e.Work.Wait()
	e.Work.OnUI(func() { test.Tap(e.Save) })
	e.Work.Wait()
	if !strings.Contains(e.Problem.Text, "starts (2026-10-01) after it ends (2026-09-01)") {
		t.Errorf("problem %q", e.Problem.Text)
	}
}

func TestReportDialogAsksBeforeReplacingAndKeepsTheOldFileUntilConfirmed(t *testing.T) {
	f := newReportFixture(t)
	c := f.Client(t, "Lena", "Fischer", 2)
	path := filepath.Join(f.Dir, report.FileName(c, reportToday))
	if err := os.WriteFile(path, []byte("earlier report"), 0o600); err != nil {
		t.Fatal(err)
	}
	e := f.ReportDialog(c)

	e.Work.OnUI(func() { test.Tap(e.Save) })
	e.Work.Wait()
	if got, _ := os.ReadFile(path); string(got) != "earlier report" {
		t.Fatal("the existing report changed before the therapist confirmed")
	}
	if e.Confirm == nil || desktest.FindButton(f.Win.Canvas().Overlays().Top(), "Replace") == nil {
		t.Fatal("no confirmation to replace the existing report")
	}
	// Saving again while asking asks nothing more; Escape answers no
	e.Work.OnUI(func() { test.Tap(e.Save) })
	f.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.Confirm != nil || len(f.Win.Canvas().Overlays().List()) != 1 {
		t.Fatalf("after Escape: confirm %v, %d overlays (want the report dialog only)", e.Confirm, len(f.Win.Canvas().Overlays().List()))
	}
	if got, _ := os.ReadFile(path); string(got) != "earlier report" {
		t.Fatal("answering no still replaced the report")
	}
	// Asked again, Return replaces
	e.Work.OnUI(func() { test.Tap(e.Save) })
	e.Work.OnUI(func() { f.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	e.Work.Wait()
	if !strings.Contains(desktest.PDFWords(t, path), "Lena Fischer") {
		t.Error("the report was not replaced after confirming")
	}
}

func TestBatchReportDialogWritesEveryActiveClientAndReports(t *testing.T) {
	f := newReportFixture(t)
	f.Client(t, "Lena", "Fischer", 2)
	f.Client(t, "Zoë", "Ångström-Łukasiewicz", 3)
	f.Client(t, "New", "Client", 0)
	b := f.batchReportDialog()

	b.work.OnUI(func() { test.Tap(b.Start) })
	b.work.Wait()

	entries, _ := os.ReadDir(b.Folder.Path)
	if len(entries) != 2 {
		t.Fatalf("%d files, want 2", len(entries))
	}
	if b.Bar.Value != 3 || b.Bar.Max != 3 {
		t.Errorf("progress %v of %v, want 3 of 3", b.Bar.Value, b.Bar.Max)
	}
	for _, want := range []string{"2 reports written to " + b.Folder.Path, "1 client has no visit in the period"} {
		if !strings.Contains(b.Status.Text, want) {
			t.Errorf("status %q lacks %q", b.Status.Text, want)
		}
	}
	if info, _ := os.Stat(b.Folder.Path); info.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", info.Mode().Perm())
	}
	test.Tap(b.Open)
	if len(f.opened) != 1 || f.opened[0].Path != b.Folder.Path {
		t.Errorf("opened %v", f.opened)
	}
}

func TestBatchReportDialogCancelLeavesOnlyCompleteReports(t *testing.T) {
	f := newReportFixture(t)
	for _, n := range []string{"Ann", "Ben", "Cid", "Dee"} {
		f.Client(t, n, "Test", 1)
	}
	b := f.batchReportDialog()
	b.Progressed = func(done int) {
		if done == 1 {
			test.Tap(b.Cancel) // the therapist stops after the first report
		}
	}

	b.work.OnUI(func() { test.Tap(b.Start) })
	b.work.Wait()

	entries, _ := os.ReadDir(b.Folder.Path)
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), ".pdf") {
		t.Fatalf("after stopping: %v", entries)
	}
	if !strings.Contains(desktest.PDFWords(t, filepath.Join(b.Folder.Path, entries[0].Name())), "Ann Test") {
		t.Error("the report written before stopping is not complete")
	}
	if !strings.Contains(b.Status.Text, "Stopped. 1 report was written") {
		t.Errorf("status %q", b.Status.Text)
	}
	if b.Cancel.Text != "Close" || b.Cancel.Disabled() {
		t.Errorf("cancel button is %q disabled=%v after stopping", b.Cancel.Text, b.Cancel.Disabled())
	}
}

func (f *reportFixture) batchReportDialog() *batchReportDialog {
	b := NewBatchReportDialog(f.Win, f.Store, &kit.Tasks{}, store.Practice{Name: "Back in Balance"})
	b.now = func() time.Time { return reportToday }
	b.Folder.Set(filepath.Join(f.Dir, "reports"))
	b.openURL = func(u *url.URL) error { f.opened = append(f.opened, u); return nil }
	b.Show()
	return b
}

func TestEscapeClosesTheReportDialogAndGivesTheWindowItsKeysBack(t *testing.T) {
	f := newReportFixture(t)
	c := f.Client(t, "Lena", "Fischer", 1)
	deskEscapes := 0
	f.Win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			deskEscapes++
		}
	})
	escape := &fyne.KeyEvent{Name: fyne.KeyEscape}

	// Escape with nothing focused closes the dialog, not the desk's view
	e := f.ReportDialog(c)
	f.Win.Canvas().Unfocus()
	f.Win.Canvas().OnTypedKey()(escape)
	if f.Win.Canvas().Overlays().Top() != nil || deskEscapes != 0 {
		t.Fatalf("after Escape: dialog open=%v, desk saw %d", f.Win.Canvas().Overlays().Top() != nil, deskEscapes)
	}
	// and the desk has its Escape back
	f.Win.Canvas().OnTypedKey()(escape)
	if deskEscapes != 1 {
		t.Errorf("the desk's Escape was not restored (%d)", deskEscapes)
	}

	// Escape in the folder picker closes the picker only
	e = f.ReportDialog(c)
	test.Tap(e.Folder.Choose)
	if e.Folder.Picker == nil {
		t.Fatal("Choose folder… opened no picker")
	}
	f.Win.Canvas().OnTypedKey()(escape)
	if e.Folder.Picker != nil || len(f.Win.Canvas().Overlays().List()) != 1 {
		t.Errorf("after Escape in the picker: picker open=%v, %d overlays", e.Folder.Picker != nil, len(f.Win.Canvas().Overlays().List()))
	}
	f.Win.Canvas().OnTypedKey()(escape)

	// Escape while typing the file name closes it too; Enter there saves
	e = f.ReportDialog(c)
	e.Work.OnUI(func() { e.FileName.TypedKey(escape) })
	if f.Win.Canvas().Overlays().Top() != nil {
		t.Error("Escape in the file name left the dialog open")
	}
	e = f.ReportDialog(c)
	e.Work.OnUI(func() { e.FileName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	e.Work.Wait()
	if _, err := os.Stat(filepath.Join(f.Dir, report.FileName(c, reportToday))); err != nil {
		t.Errorf("Enter in the file name did not save: %v", err)
	}
}

func TestReportDialogCountsVisitsOnceTheDatesAreTyped(t *testing.T) {
	f := newReportFixture(t)
	e := f.ReportDialog(f.Client(t, "Lena", "Fischer", 5))
	// counts that reach the database, from the count when the dialog opened
	var counted atomic.Int32
	visitsIn := e.visitsIn
	e.Work.OnUI(func() {
		e.visitsIn = func(ctx context.Context, period store.Period) (int, error) {
			counted.Add(1)
			return visitsIn(ctx, period)
		}
	})
	before := counted.Load()

	// when the therapist edits a custom range, each edit a valid period
	e.Work.OnUI(func() {
		e.Period.Choice.SetSelected(kit.PeriodCustom)
		for _, from := range []string{"2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01"} {
			e.Period.From.SetText(from)
		}
		e.Period.To.SetText("2026-10-31")
	})
	e.Work.Wait()

	// then the visits are counted once, for the range as finally typed
	if n := counted.Load() - before; n != 1 {
		t.Errorf("counted %d times while typing, want once", n)
	}
	if got := e.Visits.Text; got != "2 visits in this period." {
		t.Errorf("visit count %q, want the 2 visits of September and October", got)
	}

	// and a range that stops being valid clears the count for good
	e.Work.OnUI(func() {
		e.Period.To.SetText("2026-11-30")
		e.Period.From.SetText("2026-")
	})
	e.Work.Wait()
	if e.Visits.Text != "" {
		t.Errorf("visit count %q shown for an unfinished date", e.Visits.Text)
	}
}

func TestReportDialogPrintsTheChosenEdition(t *testing.T) {
	f := newReportFixture(t)
	c := f.Client(t, "Zoë", "Ångström-Łukasiewicz", 3)
	e := f.ReportDialog(c)
	if e.Edition.Selected != "For the physician" {
		t.Errorf("edition offered first: %q", e.Edition.Selected)
	}
	e.Work.OnUI(func() { e.Edition.SetSelected("For the insurer") })
	// each edition suggests a file of its own: saving the insurer's after
	// the physician's does not offer to replace it
	if got := e.FileName.Text; got != "Ångström-Łukasiewicz_Zoë_progress-insurer_2026-11-25.pdf" {
		t.Errorf("the insurer's edition suggests %q", got)
	}
	e.Work.OnUI(func() { test.Tap(e.Save) })
	e.Work.Wait()
	text := desktest.PDFWords(t, filepath.Join(f.Dir, "Ångström-Łukasiewicz_Zoë_progress-insurer_2026-11-25.pdf"))
	for _, want := range []string{"For the insurer", "Visits and dates", "Dates of service"} {
		if !strings.Contains(text, want) {
			t.Errorf("insurer's edition lacks %q", want)
		}
	}
	// a name the therapist typed stays whatever the edition
	e.Work.OnUI(func() { e.FileName.SetText("for Dr Weber.pdf"); e.Edition.SetSelected("For the client") })
	if got := e.FileName.Text; got != "for Dr Weber.pdf" {
		t.Errorf("the typed name became %q", got)
	}
}

func TestAReportThatCannotBeDrawnSaysSoNotTheDatabase(t *testing.T) {
	f := newReportFixture(t)
	c := f.Client(t, "Lena", "Fischer", 2)
	e := f.ReportDialog(c)
	// given a paper size the report cannot be drawn on
	e.Work.OnUI(func() {
		e.Paper.Selected = "A5"
		test.Tap(e.Save)
	})
	e.Work.Wait()
	if !e.Problem.Visible() {
		t.Fatal("no problem shown for a report that could not be drawn")
	}
	desktest.MustContain(t, "problem", e.Problem.Text, "PDF could not be made", "nothing was saved")
	if strings.Contains(e.Problem.Text, "database") {
		t.Errorf("problem %q blames the database", e.Problem.Text)
	}
	if entries, _ := os.ReadDir(f.Dir); len(entries) != 0 {
		t.Errorf("files left: %v", desktest.FileNames(entries))
	}
}

func TestReportDialogNamesTheClientWithTheirDateOfBirth(t *testing.T) {
	f := newReportFixture(t)
	c := f.Client(t, "Anna", "Smith", 2)
	f.ReportDialog(c)
	desktest.MustContain(t, "report dialog", desktest.ShownText(f.Win), "Anna Smith (born 2 May 1975)")
}
