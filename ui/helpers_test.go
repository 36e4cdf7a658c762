package ui

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
	"backtrack/ui/kit"
)

// testNow is the clock every test desk and store runs on.
var testNow = time.Date(2026, 11, 25, 15, 0, 0, 0, time.Local)

// openStore opens a real database in a fresh temporary folder.
func openStore(t testing.TB) *sqlstore.Store {
	t.Helper()
	return testkit.OpenStore(t, testNow)
}

// newTestDesk opens the desk on s with the test driver and waits for the
// first load to land.
func newTestDesk(t testing.TB, s *sqlstore.Store, opts Options) *Desk {
	t.Helper()
	a := test.NewTempApp(t)
	opts.Now = func() time.Time { return testNow }
	if opts.SampleDir == "" {
		opts.SampleDir = t.TempDir()
	}
	d := NewDesk(a, s, opts) // starts its first load as its last step
	act(d, func() { d.window.Resize(fyne.NewSize(1280, 800)) })
	return d
}

func addClient(t testing.TB, s *sqlstore.Store, c store.Client) store.Client {
	t.Helper()
	c, err := s.CreateClient(context.Background(), c)
	if err != nil {
		t.Fatalf("create client: %v", err)
	}
	return c
}

func term(t testing.TB, s *sqlstore.Store, kind store.Kind, name string) store.Term {
	t.Helper()
	found, err := s.TermNamed(context.Background(), kind, name)
	if err != nil {
		t.Fatalf("term %q: %v", name, err)
	}
	return found
}

func addSession(t testing.TB, s *sqlstore.Store, sess store.Session) store.Session {
	t.Helper()
	if sess.DurationMin == 0 {
		sess.DurationMin = 60
	}
	saved, err := s.SaveSession(context.Background(), sess)
	if err != nil {
		t.Fatalf("save session: %v", err)
	}
	return saved
}

// act does what a therapist's click or key does, on the "UI goroutine",
// then waits for the background work it started to land.
func act(d *Desk, fn func()) {
	d.tasks.OnUI(fn)
	d.wait()
}

// pick selects the client in the list as a click would, and waits.
func pick(t testing.TB, d *Desk, id int64) {
	t.Helper()
	for i, r := range d.list.Rows() {
		if r.ID == id {
			act(d, func() { d.list.List.Select(i) })
			return
		}
	}
	t.Fatalf("client %d is not in the list (%d rows)", id, len(d.list.Rows()))
}

// press triggers a keyboard shortcut the way the desktop driver does:
// the menu bar's shortcuts first, then the focused widget, then the canvas.
func press(t testing.TB, d *Desk, sc fyne.Shortcut) {
	t.Helper()
	act(d, func() { pressShortcut(d, sc) })
}

func pressShortcut(d *Desk, sc fyne.Shortcut) {
	for _, m := range d.window.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				it.Action()
				return
			}
		}
	}
	if f, ok := d.window.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	d.window.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
}

// pressKey sends a key to the focused widget, or to the window when
// nothing has focus, as the desktop driver does.
func pressKey(d *Desk, key fyne.KeyName) {
	act(d, func() {
		ev := &fyne.KeyEvent{Name: key}
		if f := d.window.Canvas().Focused(); f != nil {
			f.TypedKey(ev)
		} else if on := d.window.Canvas().OnTypedKey(); on != nil {
			on(ev)
		}
	})
}

// typeInto replaces an entry's text by typing it key by key, as a
// therapist would; searches started by one key may land before the next.
func typeInto(d *Desk, e *kit.Entry, text string) {
	act(d, func() { e.SetText("") })
	for _, r := range text {
		act(d, func() { test.Type(e, string(r)) })
	}
}

func tap(d *Desk, b fyne.Tappable) {
	act(d, func() { test.Tap(b) })
}

func mustContain(t testing.TB, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s = %q, want it to contain %q", what, got, w)
		}
	}
}

// mkdirTemp makes a private folder for data shared by benchmarks.
func mkdirTemp() (string, error) { return os.MkdirTemp("", "backtrack-bench-") }

// eachObject calls fn for o and for every object drawn inside it, as the
// window draws them: a container's objects, a widget's renderer's.
func eachObject(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			eachObject(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			eachObject(c, fn)
		}
	}
}

// findButton finds a button by its text among o and its descendants: the
// desk's own (Enter presses them) or one a Fyne dialog made.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	eachObject(o, func(c fyne.CanvasObject) {
		var b *widget.Button
		switch v := c.(type) {
		case *kit.Button:
			b = &v.Button
		case *widget.Button:
			b = v
		}
		if b != nil && found == nil && b.Text == text {
			found = b
		}
	})
	return found
}

// shownText is what the dialog on top of win says: the text of each label
// in it, a line each, as the therapist reads it ("" with no dialog open).
func shownText(win fyne.Window) string {
	var lines []string
	eachObject(win.Canvas().Overlays().Top(), func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok && l.Visible() {
			lines = append(lines, l.Text)
		}
	})
	return strings.Join(lines, "\n")
}

// consentTo records a written consent of a week before testNow to areas.
func consentTo(t testing.TB, s *sqlstore.Store, c store.Client, areas ...store.ConsentArea) {
	t.Helper()
	if _, err := s.SaveConsent(context.Background(), c.ID, store.Consent{On: testNow.AddDate(0, 0, -7),
		How: store.ConsentWritten, Assessment: true, Areas: areas}); err != nil {
		t.Fatal(err)
	}
}
