package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/pin"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
	"backtrack/ui/recordkeeping"
	"backtrack/ui/reportdialog"
)

// layerWalk is a desk over a client with a signed visit, a draft, a
// consent that excludes the gluteal region and an open red flag: every
// dialog the desk has can open over it.
type layerWalk struct {
	t       *testing.T
	d       *Desk
	s       *sqlstore.Store
	c       store.Client
	signed  store.Session
	reports string // a folder for the report dialogs
	report  *reportdialog.ReportDialog
	restore *kit.Button // the restore dialog's Restore…
	backups *widget.RadioGroup
}

func newLayerWalk(t *testing.T) *layerWalk {
	t.Helper()
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Jonas", LastName: "Weber"})
	ctx := context.Background()
	if _, err := s.SaveConsent(ctx, c.ID, store.Consent{On: desktest.Now.AddDate(0, 0, -7), How: store.ConsentWritten,
		Assessment: true, Areas: store.GeneralAreas, Excluded: []store.ConsentArea{store.AreaGluteal}}); err != nil {
		t.Fatal(err)
	}
	signed := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -14), PainBefore: store.PainOf(6)})
	if _, err := s.SignSession(ctx, signed.ID, "Anna Keller"); err != nil {
		t.Fatal(err)
	}
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7), PainBefore: store.PainOf(5)})
	if _, err := s.SaveScreen(ctx, c.ID, store.RedFlagScreen{On: desktest.Now.AddDate(0, 0, -1),
		Answers: map[store.RedFlag]store.Answer{store.HistoryOfCancer: store.Yes("breast cancer 2019")}}); err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, s, Options{})
	act(d, func() { d.app.Preferences().SetString(settings.KeyTherapist, "Anna Keller") })
	pick(t, d, c.ID)
	return &layerWalk{t: t, d: d, s: s, c: c, signed: signed, reports: t.TempDir()}
}

// sessionForm opens a new session with a pain score typed: a form with
// unsaved changes beneath the dialog, which a stray Ctrl+S would save.
func (w *layerWalk) sessionForm() {
	press(w.t, w.d, shortcutNewSession)
	typeInto(w.d, w.d.view.Form.PainBefore.Number, "5")
}

// beneath is what lies under the dialogs: the mode, the session form and
// what it holds, and the client's notes as the record keeps them.
func (w *layerWalk) beneath() string {
	hist, err := w.s.ClientHistory(context.Background(), w.c.ID, store.Period{})
	if err != nil {
		w.t.Fatal(err)
	}
	drafts := 0
	for _, s := range hist {
		if s.Draft() {
			drafts++
		}
	}
	form := "no form"
	if f := w.d.view.Form; f != nil {
		form = fmt.Sprintf("form %p with pain %q", f, f.PainBefore.Number.Text)
	}
	return fmt.Sprintf("%s, mode %v, %d notes of which %d drafts", form, w.d.view.Mode(), len(hist), drafts)
}

// key presses a key as the desktop driver does: Ctrl+S through the menu,
// Tab moving the focus, the rest to the focused widget or the window.
func (w *layerWalk) key(name string) {
	c := w.d.window.Canvas()
	switch name {
	case "ctrl+s":
		press(w.t, w.d, shortcutSave)
	case "tab":
		act(w.d, func() {
			if tb, ok := c.Focused().(fyne.Tabbable); !ok || !tb.AcceptsTab() {
				c.FocusNext()
			}
		})
	case "enter":
		pressKey(w.d, fyne.KeyReturn)
	case "escape":
		pressKey(w.d, fyne.KeyEscape)
	case "space":
		spaceKey(w.d)
	}
}

// layerStep opens one of the desk's dialogs; from is where it opens
// (nil: the client's overview).
type layerStep struct {
	name string
	from func(w *layerWalk)
	open func(w *layerWalk)
}

// yesEndsBeneath are the questions whose yes (Enter, or Space on it) finishes the dialog
// they ask for, which closes.
var yesEndsBeneath = map[string]bool{"replace report": true}

// layerSteps are every dialog the desk opens, by the name each is shown
// under (kit.ShowLayer): TestEveryLayerInTheCodeIsWalked holds the code
// to this list.
var layerSteps = []layerStep{
	{"settings", (*layerWalk).sessionForm, func(w *layerWalk) { press(w.t, w.d, shortcutSettings) }},
	{"red-flag screen", (*layerWalk).sessionForm, func(w *layerWalk) { act(w.d, func() { w.d.view.Form.OnScreen(desktest.Now) }) }},
	{"flag question", (*layerWalk).sessionForm, func(w *layerWalk) { press(w.t, w.d, shortcutSave) }},
	{"consent question", (*layerWalk).sessionForm, func(w *layerWalk) { tick(w.t, w.d, store.Muscle, "Gluteus medius", store.Left) }},
	{"consent", (*layerWalk).sessionForm, func(w *layerWalk) { act(w.d, w.d.view.Header.Consent.OnTapped) }},
	{"intake", (*layerWalk).sessionForm, func(w *layerWalk) { act(w.d, w.d.view.Header.Intake.OnTapped) }},
	{"body chart", (*layerWalk).sessionForm, func(w *layerWalk) { press(w.t, w.d, shortcutBodyChart) }},
	{"unsaved changes", (*layerWalk).sessionForm, func(w *layerWalk) { act(w.d, w.d.view.Form.Escape) }},
	{"client form", (*layerWalk).sessionForm, func(w *layerWalk) { act(w.d, func() { w.d.EditClient(w.c) }) }},
	{"progress report", (*layerWalk).sessionForm, func(w *layerWalk) { act(w.d, func() { w.d.ShowReport(w.c) }) }},
	{"keyboard shortcuts", (*layerWalk).sessionForm, func(w *layerWalk) { act(w.d, w.d.showKeyboardHelp) }},
	{"menus", (*layerWalk).sessionForm, func(w *layerWalk) { press(w.t, w.d, shortcutMenus) }},
	{"information", (*layerWalk).sessionForm, func(w *layerWalk) {
		act(w.d, func() { w.d.ShowError("Could not open the client", errors.New("disk full")) })
	}},
	{"record history", (*layerWalk).sessionForm, func(w *layerWalk) { act(w.d, w.d.menu.clientHistory.Action) }},
	{"name needed to sign", (*layerWalk).sessionForm, func(w *layerWalk) { act(w.d, w.d.AskForSignerName) }},
	{"are you sure", (*layerWalk).sessionForm, func(w *layerWalk) {
		act(w.d, func() { w.d.Ask("Archive client", "Archive Jonas Weber?", "Archive", func() {}) })
	}},
	{"reports for all clients", (*layerWalk).sessionForm, func(w *layerWalk) { act(w.d, w.d.showBatchReports) }},
	{"discard what you typed", func(w *layerWalk) {
		w.sessionForm()
		press(w.t, w.d, shortcutSettings)
		typeInto(w.d, w.d.settings.Practice, "Back in Balance")
	}, func(w *layerWalk) { w.key("escape") }},
	{"folder picker", func(w *layerWalk) { w.reportDialog() }, func(w *layerWalk) {
		act(w.d, func() { w.report.Folder.Choose.OnTapped() })
	}},
	{"replace report", func(w *layerWalk) {
		w.reportDialog()
		if err := os.WriteFile(filepath.Join(w.reports, w.report.FileName.Text), []byte("earlier"), 0o600); err != nil {
			w.t.Fatal(err)
		}
	}, func(w *layerWalk) { tap(w.d, w.report.Save) }},
	{"report saved", func(w *layerWalk) { w.reportDialog() }, func(w *layerWalk) {
		_ = os.Remove(filepath.Join(w.reports, w.report.FileName.Text))
		tap(w.d, w.report.Save)
	}},
	{"measure", nil, func(w *layerWalk) { act(w.d, w.d.view.Header.Measure.OnTapped) }},
	{"plan", nil, func(w *layerWalk) { act(w.d, w.d.view.Header.Plan.OnTapped) }},
	{"insights", nil, func(w *layerWalk) { act(w.d, w.d.view.InsightsButton.OnTapped) }},
	{"practice insights", (*layerWalk).sessionForm, func(w *layerWalk) { act(w.d, w.menuAction("Practice insights…")) }},
	{"client PIN", nil, func(w *layerWalk) { act(w.d, w.d.view.HandToClient) }},
	{"hand to client", func(w *layerWalk) {
		hash, err := pin.Hash("2468")
		if err != nil {
			w.t.Fatal(err)
		}
		w.d.app.Preferences().SetString(settings.KeyClientPIN, hash)
	}, func(w *layerWalk) { act(w.d, w.d.view.HandToClient) }},
	{"blank forms", func(w *layerWalk) {
		hash, err := pin.Hash("2468")
		if err != nil {
			w.t.Fatal(err)
		}
		w.d.app.Preferences().SetString(settings.KeyClientPIN, hash)
		act(w.d, w.d.view.HandToClient)
	}, func(w *layerWalk) { tap(w.d, w.d.view.HandOverDialog.PrintBlank) }},
	{"client's forms", nil, func(w *layerWalk) {
		sub, err := w.s.SaveSubmission(context.Background(), store.Submission{ClientID: w.c.ID, At: desktest.Now,
			Forms: []store.FormKind{store.FormPain}, Pain: 4})
		if err != nil {
			w.t.Fatal(err)
		}
		act(w.d, func() { w.d.view.ReviewSubmission(sub) })
	}},
	{"body maps", nil, func(w *layerWalk) { act(w.d, w.d.view.MapsButton.OnTapped) }},
	{"void", func(w *layerWalk) { act(w.d, func() { w.d.view.ShowDetail(w.signed) }) },
		func(w *layerWalk) { act(w.d, w.d.view.Detail.Void.OnTapped) }},
	{"client's copy", nil, func(w *layerWalk) { act(w.d, w.d.view.CopyButton.OnTapped) }},
	{"note report", nil, func(w *layerWalk) { act(w.d, func() { w.d.ShowNoteDialog(w.c, w.signed) }) }},
	{"note to sign", nil, func(w *layerWalk) { act(w.d, w.d.signDrafts) }},
	{"backup", nil, func(w *layerWalk) { act(w.d, w.d.backUpNow) }},
	{"restore", nil, func(w *layerWalk) { act(w.d, w.menuAction("Restore from backup…")) }},
	{"export", nil, func(w *layerWalk) { act(w.d, w.menuAction("Export…")) }},
	{"import", nil, func(w *layerWalk) { act(w.d, w.menuAction("Import…")) }},
	{"undo import", func(w *layerWalk) {
		list := "First,Last,Born\nAda,Lovelace,1985-12-10\n"
		header, sample := []string{"First", "Last", "Born"}, [][]string{{"Ada", "Lovelace", "1985-12-10"}}
		if _, err := interchange.ImportMappedClientsCSV(context.Background(), w.s, strings.NewReader(list),
			interchange.ClientList.Guess(header, sample), interchange.ImportOptions{Source: "list.csv"}); err != nil {
			w.t.Fatal(err)
		}
		act(w.d, w.menuAction("Import…"))
	}, func(w *layerWalk) {
		undo := desktest.FindButton(w.d.window.Canvas().Overlays().Top(), "Undo last import…")
		for i := 0; i < 200 && undo.Disabled(); i++ {
			time.Sleep(25 * time.Millisecond) // the dialog asks the store about the last import in the background
		}
		tap(w.d, undo)
	}},
	{"file picker", func(w *layerWalk) { act(w.d, w.menuAction("Import…")) }, func(w *layerWalk) {
		tap(w.d, desktest.FindButton(w.d.window.Canvas().Overlays().Top(), "Choose file…"))
	}},
	{"replace the records", func(w *layerWalk) {
		dir := sqlstore.BackupDir(w.s.Path())
		if err := os.MkdirAll(dir, 0o700); err != nil {
			w.t.Fatal(err)
		}
		if _, err := w.s.Backup(context.Background(), filepath.Join(dir, sqlstore.BackupName(w.s.Path(), desktest.Now, false))); err != nil {
			w.t.Fatal(err)
		}
		act(w.d, func() {
			r := recordkeeping.NewRestoreDialog(w.d.window, recordkeeping.RecordOf(w.d.store), w.d.tasks, func(string) {})
			w.restore = r.Restore
			w.backups = r.Backups
			r.Show()
		})
		if len(w.backups.Options) == 0 {
			w.t.Fatal("the restore dialog lists no backup")
		}
		act(w.d, func() { w.backups.SetSelected(w.backups.Options[0]) })
	}, func(w *layerWalk) {
		if w.restore.Disabled() {
			w.t.Fatal("the backup chosen cannot be restored")
		}
		tap(w.d, w.restore)
	}},
}

// menuAction is the action of the menu entry labelled label.
func (w *layerWalk) menuAction(label string) func() {
	for _, m := range w.d.window.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it.Action
			}
		}
	}
	w.t.Fatalf("no menu entry %q", label)
	return nil
}

// reportDialog opens the progress report over the session form, saving
// into the walk's folder.
func (w *layerWalk) reportDialog() {
	w.sessionForm()
	act(w.d, func() {
		w.report = reportdialog.NewReportDialog(w.d.window, w.d.store, w.d.tasks, w.c, kit.PracticeFromPreferences(w.d.app.Preferences()))
		w.report.Folder.Set(w.reports)
		w.report.Show()
	})
}

// TestEveryDialogTakesTheKeysAndNothingBeneathDoes opens each dialog of the
// desk and presses Tab, Ctrl+S, Enter, Space and Escape in it: each must act on the
// dialog, and the form, dialog or record beneath must not change.
func TestEveryDialogTakesTheKeysAndNothingBeneathDoes(t *testing.T) {
	for _, st := range layerSteps {
		t.Run(st.name, func(t *testing.T) {
			w := newLayerWalk(t)
			if st.from != nil {
				st.from(w)
			}
			w.walk(st)
		})
	}
}

// walk presses each key in the dialog st opens, each from the dialog as
// it opens.
func (w *layerWalk) walk(st layerStep) {
	t, c := w.t, w.d.window.Canvas()
	var (
		l      *kit.Layer
		below  []fyne.CanvasObject // the dialogs it opens over
		before string              // what lies beneath, as it opens
	)
	open := func() *kit.Layer {
		t.Helper()
		if l != nil {
			for top := c.Overlays().Top(); top != nil && !slices.Contains(below, top); top = c.Overlays().Top() {
				act(w.d, kit.TopLayer(w.d.window).Dismiss)
			}
			if w.beneath() != before || !slices.Equal(c.Overlays().List(), below) {
				// the last key changed what lies beneath: start again
				*w = *newLayerWalk(t)
				if st.from != nil {
					st.from(w)
				}
				c = w.d.window.Canvas()
			}
		}
		before = w.beneath()
		st.open(w)
		l = kit.TopLayer(w.d.window)
		if l == nil || l.Name() != st.name {
			t.Fatalf("opened %s, want the layer %q", layerName(l), st.name)
		}
		below = slices.DeleteFunc(slices.Clone(c.Overlays().List()), func(o fyne.CanvasObject) bool { return o == c.Overlays().Top() })
		return l
	}
	unchanged := func(after string) {
		t.Helper()
		if now := w.beneath(); now != before {
			t.Errorf("%s reached beneath the dialog: %s, was %s", after, now, before)
		}
		for _, o := range below {
			if !slices.Contains(c.Overlays().List(), o) && !((after == "Enter" || after == "Space") && yesEndsBeneath[st.name]) {
				t.Errorf("%s closed a dialog beneath", after)
			}
		}
	}

	open()
	if c.Focused() == nil && !l.Unfocused {
		t.Error("the dialog opened without the keyboard")
	}
	w.key("tab")
	if kit.TopLayer(w.d.window) != l || c.Focused() == nil {
		t.Errorf("Tab left the dialog: top %s, focus %T", layerName(kit.TopLayer(w.d.window)), c.Focused())
	}
	unchanged("Tab")

	open()
	w.key("ctrl+s")
	if !slices.Contains(l.Heard, "ctrl+s") {
		t.Errorf("Ctrl+S did not reach the dialog (it heard %v)", l.Heard)
	}
	unchanged("Ctrl+S")

	open()
	focused := c.Focused()
	w.key("enter")
	if len(l.Heard) == 0 && l.Shown() && kit.TopLayer(w.d.window) == l {
		t.Errorf("Enter did nothing in the dialog (focus on %T)", focused)
	}
	unchanged("Enter")

	// Space presses the button the dialog opens on: its character, which
	// follows the key, is the dialog's too, and reaches nothing beneath
	// as the dialog closes (a dialog opening on a field types a space)
	open()
	if _, field := c.Focused().(*kit.Entry); !field {
		w.key("space")
		unchanged("Space")
	}

	open()
	w.key("escape")
	if l.Shown() {
		t.Errorf("Escape left the dialog open (top %s)", layerName(kit.TopLayer(w.d.window)))
	}
	unchanged("Escape")

	w.typedEscape(open, unchanged)
}

// typedEscape types into the dialog's first field and presses Escape: the
// dialog asks before it closes, and keeping what was typed keeps it.
func (w *layerWalk) typedEscape(open func() *kit.Layer, unchanged func(string)) {
	t, c := w.t, w.d.window.Canvas()
	l := open()
	var field *kit.Entry
	desktest.EachObject(c.Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*kit.Entry); ok && field == nil && e.Visible() && !e.Disabled() {
			field = e
		}
	})
	if field == nil {
		return // nothing to type in
	}
	act(w.d, func() {
		c.Focus(field)
		test.Type(field, "x")
	})
	w.key("escape")
	q := kit.TopLayer(w.d.window)
	if !l.Shown() || q == l || q == nil || (q.Name() != "discard what you typed" && q.Name() != "unsaved changes") {
		t.Fatalf("Escape after typing did not ask (dialog open %v, top %s)", l.Shown(), layerName(q))
	}
	w.key("escape") // the question's safe answer: keep editing
	if !l.Shown() || kit.TopLayer(w.d.window) != l || !strings.Contains(field.Text, "x") {
		t.Fatalf("keep editing lost the dialog or what was typed (open %v, %q)", l.Shown(), field.Text)
	}
	w.key("escape")
	discard := desktest.FindButton(c.Overlays().Top(), "Discard")
	if discard == nil {
		discard = desktest.FindButton(c.Overlays().Top(), "Discard changes")
	}
	if discard == nil {
		t.Fatal("the question offers no Discard")
	}
	tap(w.d, discard)
	if l.Shown() {
		t.Error("Discard left the dialog open")
	}
	unchanged("Escape after typing")
}

// TestEveryLayerInTheCodeIsWalked reads the desk's code for the dialogs
// it opens: each is shown as a layer under a name, and each name is one
// the walk above opens. A dialog shown another way, or not walked, fails.
func TestEveryLayerInTheCodeIsWalked(t *testing.T) {
	walked := map[string]bool{}
	for _, st := range layerSteps {
		walked[st.name] = true
	}
	named := []*regexpNames{
		newRegexpNames(`(?:ShowLayer|ShowPopUpLayer|ShowView|kit\.Confirm\w*)\(\s*[\w.()]+,\s*"([^"]+)"`),
		newRegexpNames(`\.build\("([^"]+)",\s*"`),
		newRegexpNames(`showHealthDialog\("([^"]+)"`),
		newRegexpNames(`layerName\s*:?=\s*"([^"]+)"`),
	}
	notLayers := map[string]bool{
		// a date's calendar, a list of days that Escape closes as it
		// closes any pop-up
		"kit/date_input.go": true,
		// the health dialogs' frame, which showHealthDialog shows
		"clientview/health_form.go": true,
	}
	found := map[string]string{}
	err := filepath.WalkDir(".", func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := string(src)
		layered := strings.Contains(text, "ShowLayer(")
		for _, r := range named {
			for _, name := range r.all(text) {
				found[name] = path
				layered = true
			}
		}
		if strings.Contains(text, "kit.Inform(") || strings.Contains(text, "func Inform(") {
			found["information"], layered = path, true
		}
		if dialogShow.MatchString(text) {
			t.Errorf("%s shows a dialog with dialog.Show…, which is no layer: use kit.ShowLayer, kit.Inform or kit.Confirm", path)
		}
		makes := strings.Contains(text, "dialog.New") || strings.Contains(text, "PopUp(")
		if makes && !layered && !notLayers[filepath.ToSlash(path)] {
			t.Errorf("%s makes a dialog or pop-up but shows no layer (kit.ShowLayer)", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, path := range found {
		if !walked[name] {
			t.Errorf("the dialog %q (%s) is not in the walk of every dialog (layerSteps)", name, path)
		}
	}
	for name := range walked {
		if _, ok := found[name]; !ok {
			t.Errorf("the walk opens %q, which the code does not show", name)
		}
	}
}

// layerName names a layer in a failure, "none" for none.
func layerName(l *kit.Layer) string {
	if l == nil {
		return "none"
	}
	return l.Name()
}

// dialogShow is Fyne's dialog.ShowInformation, ShowConfirm, ShowCustom…,
// which show a dialog at once, past the layers.
var dialogShow = regexp.MustCompile(`\bdialog\.Show[A-Z]`)

// regexpNames finds the names a pattern's first group holds.
type regexpNames struct{ re *regexp.Regexp }

func newRegexpNames(pattern string) *regexpNames { return &regexpNames{regexp.MustCompile(pattern)} }

func (r *regexpNames) all(text string) []string {
	var out []string
	for _, m := range r.re.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}
