package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
)

// rowShowing is the list's visible row showing name, if any.
func rowShowing(l *clientview.ClientList, name string) *clientview.ClientRow {
	var found *clientview.ClientRow
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() || found != nil {
			return
		}
		switch v := o.(type) {
		case *clientview.ClientRow:
			if v.Name.Text == name {
				found = v
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			if r := test.WidgetRenderer(v); r != nil {
				for _, c := range r.Objects() {
					walk(c)
				}
			}
		}
	}
	walk(l.List)
	return found
}

// The client shown is scrolled fully into view, and stays so when the list
// gets shorter below it (as when the notes to sign appear at start-up).
func TestTheShownClientsRowIsWhollyInTheList(t *testing.T) {
	s := desktest.OpenStore(t)
	var last store.Client
	for i := range 30 {
		last = desktest.AddClient(t, s, store.Client{FirstName: "Client", LastName: fmt.Sprintf("Number %02d", i)})
	}
	d := newTestDesk(t, s, Options{})
	resizeWindow(d, 1280, 800)
	act(d, func() { d.list.Reload() })
	act(d, func() { d.list.Show(last.ID) })
	for _, height := range []float32{800, 700, 560} {
		resizeWindow(d, 1280, height)
		row := rowShowing(d.list, last.FullName())
		if row == nil {
			t.Fatalf("at 1280x%v the shown client's row is not in the list", height)
		}
		drv := fyne.CurrentApp().Driver()
		top, rowTop := drv.AbsolutePositionForObject(d.list.List).Y, drv.AbsolutePositionForObject(row).Y
		bottom := top + d.list.List.Size().Height
		if rowTop < top-1 || rowTop+row.Size().Height > bottom+1 {
			t.Errorf("at 1280x%v the shown client's row spans %v–%v, the list %v–%v", height, rowTop, rowTop+row.Size().Height, top, bottom)
		}
	}
}
