package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A form's Save comes first in the focus order though it is drawn last:
// Tab from the last field lands on it, not on Cancel.
func TestTabFromTheLastFieldLandsOnTheDialogsPrimaryButton(t *testing.T) {
	test.NewTempApp(t)
	last := NewEntry("")
	save, cancel := NewButton("Save", nil), NewButton("Cancel", nil)
	row := DialogButtons(save, cancel)
	w := test.NewTempWindow(t, container.NewVBox(NewEntry(""), last, row))
	w.Resize(fyne.NewSize(400, 300))
	w.Canvas().Focus(last)
	w.Canvas().FocusNext()
	if got := w.Canvas().Focused(); got != save {
		t.Fatalf("Tab from the last field went to %v, want Save", got)
	}
	if save.Position().X <= cancel.Position().X {
		t.Errorf("Save is drawn at %v, left of Cancel at %v", save.Position(), cancel.Position())
	}
}

// Enter on a highlighted row opens it, as Space does.
func TestEnterOnAHighlightedRowOpensIt(t *testing.T) {
	test.NewTempApp(t)
	opened := -1
	l := NewList(func() int { return 3 }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(widget.ListItemID, fyne.CanvasObject) {})
	l.OnSelected = func(id widget.ListItemID) { opened = id }
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(300, 300))
	w.Canvas().Focus(l)
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if opened != 1 {
		t.Fatalf("Enter on the second row opened %d", opened)
	}
}

// Keys that reach the window act on the layer on top only, and Escape
// asks before it drops what was typed.
func TestTheWindowsKeysActOnTheTopLayerOnly(t *testing.T) {
	test.NewTempApp(t)
	beneath := 0
	w := test.NewTempWindow(t, widget.NewLabel("the desk"))
	w.Resize(fyne.NewSize(600, 400))
	w.Canvas().SetOnTypedKey(func(*fyne.KeyEvent) { beneath++ })
	saved := 0
	name := NewEntry("")
	d := dialog.NewCustomWithoutButtons("Settings", name, w)
	l := ShowLayer(w, "settings", d, Layer{Save: func() { saved++ }})
	if w.Canvas().Focused() != name {
		t.Fatalf("the layer opened with the focus on %v, want its field", w.Canvas().Focused())
	}
	if !SaveKey(w) || saved != 1 {
		t.Fatalf("Ctrl+S saved %d times", saved)
	}
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // a one-line field hands Enter on
	if saved != 2 || beneath != 0 {
		t.Fatalf("Enter: saved %d, beneath %d", saved, beneath)
	}
	test.Type(name, "Back in Balance")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	q := TopLayer(w)
	if q == l || q == nil || q.Name() != "discard what you typed" || !l.Shown() {
		t.Fatalf("Escape after typing: top %v, dialog shown %v", q, l.Shown())
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) // keep editing
	if TopLayer(w) != l || name.Text != "Back in Balance" {
		t.Fatalf("keep editing: top %v, %q", TopLayer(w), name.Text)
	}
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	test.Tap(TopLayer(w).Focus.(*Button)) // Keep editing has the focus…
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	discard := findButton(w.Canvas().Overlays().Top(), "Discard")
	test.Tap(discard) // …Discard closes the dialog
	if l.Shown() || TopLayer(w) != nil || beneath != 0 {
		t.Fatalf("Discard: dialog shown %v, top %v, beneath %d", l.Shown(), TopLayer(w), beneath)
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if beneath != 1 {
		t.Errorf("with no layer the window's own handler got %d keys", beneath)
	}
}

func findButton(o fyne.CanvasObject, text string) *Button {
	var found *Button
	eachField(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*Button); ok && b.Text == text {
			found = b
		}
	})
	return found
}
