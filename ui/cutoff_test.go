package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

// cutOff lists what the therapist cannot read whole under root: text that
// is truncated, anything given less room than it needs, and anything
// beyond the window's edge (but what a scroll holds, which the scroll
// clips and moves into view). It looks inside widgets' renderers too.
func cutOff(d *Desk, root fyne.CanvasObject) []string {
	var out []string
	canvasSize := d.window.Canvas().Size()
	drv := fyne.CurrentApp().Driver()
	var walk func(o fyne.CanvasObject, scrolled bool)
	walk = func(o fyne.CanvasObject, scrolled bool) {
		if o == nil || !o.Visible() {
			return
		}
		size, min := o.Size(), o.MinSize()
		pos := drv.AbsolutePositionForObject(o)
		name := fmt.Sprintf("%T", o)
		text, needs := "", float32(0)
		switch w := o.(type) {
		case *widget.Label:
			if w.Truncation != fyne.TextTruncateOff {
				text = w.Text
			}
		case *kit.SecondaryText:
			if w.Truncation != fyne.TextTruncateOff {
				text = w.Text()
			}
		}
		if text != "" {
			needs = fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
			if needs > size.Width+1 {
				out = append(out, fmt.Sprintf("%s %q is truncated (%v of %v)", name, text, size.Width, needs))
			}
		}
		if size.Width+1 < min.Width || size.Height+1 < min.Height {
			out = append(out, fmt.Sprintf("%s %v is smaller than it needs (%v)", name, size, min))
		}
		if !scrolled && (pos.X+size.Width > canvasSize.Width+1 || pos.Y+size.Height > canvasSize.Height+1) {
			out = append(out, fmt.Sprintf("%s at %v size %v runs past the window (%v)", name, pos, size, canvasSize))
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, child := range c.Objects {
				walk(child, scrolled)
			}
		case *container.Scroll:
			walk(c.Content, true)
		case fyne.Widget:
			if r := test.WidgetRenderer(c); r != nil {
				for _, child := range r.Objects() {
					walk(child, scrolled)
				}
			}
		}
	}
	walk(root, false)
	return out
}

func TestNothingTheTherapistReadsIsCutOffAt1280x800(t *testing.T) {
	check := func(t *testing.T, d *Desk, what string, root fyne.CanvasObject) {
		t.Helper()
		// the test canvas lays out again only on a resize; the desktop does
		// whenever a minimum size changes
		resizeWindow(d, 1280, 800)
		for _, problem := range cutOff(d, root) {
			t.Errorf("%s: %s", what, problem)
		}
	}
	t.Run("welcome", func(t *testing.T) {
		d := newTestDesk(t, desktest.OpenStore(t), Options{})
		resizeWindow(d, 1280, 800)
		check(t, d, "welcome", d.welcome.content)
	})
	t.Run("desk", func(t *testing.T) {
		s := desktest.OpenStore(t)
		c := desktest.AddClient(t, s, store.Client{FirstName: "Emma", LastName: "Brennan",
			DateOfBirth: desktest.Now.AddDate(-38, -6, 0), Phone: "+36 624 614 324", Email: "emma.brennan176@example.org",
			Contraindications: "Osteoporosis: gentle pressure, no joint mobilisation.",
			MedicalHistory:    "Fell on ice in January; bruised right buttock, pain since."})
		desktest.AddSession(t, s, storeSession(c.ID))
		d := newTestDesk(t, s, Options{})
		resizeWindow(d, 1280, 800)
		check(t, d, "nobody picked", d.view.Content)
		check(t, d, "backup status", d.backup.Line)
		pick(t, d, c.ID)
		check(t, d, "client header", d.view.Header.Content)
		act(d, func() { d.view.History.List.Select(0) })
		check(t, d, "note", d.view.Detail.Content)
		press(t, d, shortcutNewSession)
		check(t, d, "session form", d.view.Form.Content)
	})
}
