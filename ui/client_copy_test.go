package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

func TestTheClientsCopyButtonOpensItsDialog(t *testing.T) {
	d, _, _ := deskWithClient(t)
	tap(d, d.view.CopyButton)
	top := d.window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Client's copy… opened no dialog")
	}
	if words := labelWords(top); !strings.Contains(words, "Client's copy of their record") || !strings.Contains(words, "privacy law") {
		t.Errorf("the dialog says: %s", words)
	}
}

// labelWords is every label's text under o, in order.
func labelWords(o fyne.CanvasObject) string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case fyne.Widget:
			r := x.CreateRenderer()
			for _, c := range r.Objects() {
				walk(c)
			}
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return strings.Join(out, " | ")
}
