package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

// The session form's header says whose note it is in full, on both
// laptop screens: a name of ordinary length on the line the client's
// buttons leave while the form is open, a very long one wrapped, never
// cut with an ellipsis.
func TestTheSessionFormSaysWholeWhoTheNoteIsFor(t *testing.T) {
	names := []store.Client{
		{FirstName: "Chloé", LastName: "Becker"},
		{FirstName: "Maximiliane-Alexandra", LastName: "Wójcik-Kowalczyk von Hohenzollern-Sigmaringen"},
	}
	for _, size := range screens {
		for _, who := range names {
			t.Run(fmt.Sprintf("%vx%v %s", size.Width, size.Height, who.FirstName), func(t *testing.T) {
				s := desktest.OpenStore(t)
				c := desktest.AddClient(t, s, who)
				d := newTestDesk(t, s, Options{})
				pick(t, d, c.ID)
				press(t, d, shortcutNewSession)
				resizeWindow(d, size.Width, size.Height)
				name := d.view.Header.Name

				if got := strings.Join(strings.Fields(drawnText(name)), " "); got != c.FullName() {
					t.Errorf("the header reads %q, not %q", got, c.FullName())
				}
				drv := fyne.CurrentApp().Driver()
				at, window := drv.AbsolutePositionForObject(name), d.window.Canvas().Size()
				if at.X+name.Size().Width > window.Width {
					t.Errorf("the name ends at x=%v, past the window's %v", at.X+name.Size().Width, window.Width)
				}
				// and what lies under the name starts below it
				form := drv.AbsolutePositionForObject(d.view.Form.Date)
				if form.Y < at.Y+name.MinSize().Height {
					t.Errorf("the form's date at y=%v overlaps the name (y=%v, %v high)", form.Y, at.Y, name.MinSize().Height)
				}
			})
		}
	}
}
