package ui

import (
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backtrack/store/sqlstore"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

// newTestDesk opens the desk on s with the test driver and waits for the

// first load to land.

func newTestDesk(t testing.TB, s *sqlstore.Store, opts Options) *Desk {
	t.Helper()
	a := test.NewTempApp(t)
	opts.Now = func() time.Time { return desktest.Now }
	if opts.SampleDir == "" {
		opts.SampleDir = t.TempDir()
	}
	d := NewDesk(a, s, opts) // starts its first load as its last step
	act(d, func() { d.window.Resize(fyne.NewSize(1280, 800)) })
	return d
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

// mkdirTemp makes a private folder for data shared by benchmarks.
func mkdirTemp() (string, error) { return os.MkdirTemp("", "backtrack-bench-") }
