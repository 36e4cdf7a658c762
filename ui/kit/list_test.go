package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A list reached by Tab wears the buttons' ring: Fyne's own mark, the
// hover shade of one row, was a Tab stop that seemed to show nothing.
func TestAFocusedListWearsARing(t *testing.T) {
	test.NewTempApp(t)
	l := NewList(func() int { return 3 }, func() fyne.CanvasObject { return widget.NewLabel("row") },
		func(widget.ListItemID, fyne.CanvasObject) {})
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(300, 200))
	ring := func() *canvas.Rectangle {
		objects := test.WidgetRenderer(l).Objects()
		r, _ := objects[len(objects)-1].(*canvas.Rectangle)
		return r
	}
	if r := ring(); r != nil && !r.Hidden {
		t.Fatal("a ring on the list before it has the focus")
	}
	w.Canvas().Focus(l)
	if r := ring(); r == nil || r.Hidden {
		t.Fatal("no ring on the focused list")
	}
	w.Canvas().Unfocus()
	if r := ring(); r == nil || !r.Hidden {
		t.Error("the ring stays after the focus left")
	}
}
