package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
)

// On a short window the Settings dialog's fields scroll and its Cancel
// and Save stay whole inside the window; where the window has room,
// nothing scrolls.
func TestSettingsKeepsItsButtonsInTheWindow(t *testing.T) {
	for _, size := range append([]fyne.Size{{Width: 1024, Height: 600}}, screens...) {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			d, _, _ := deskWithClient(t)
			resizeWindow(d, size.Width, size.Height)
			press(t, d, shortcutSettings)
			st := d.settings
			drv := fyne.CurrentApp().Driver()
			window := d.window.Canvas().Size()
			for name, b := range map[string]fyne.CanvasObject{"Save": st.Save, "Cancel": st.Cancel} {
				at := drv.AbsolutePositionForObject(b)
				if at.Y < 0 || at.Y+b.Size().Height > window.Height {
					t.Errorf("%s at y=%v, %v high, in a window %v high", name, at.Y, b.Size().Height, window.Height)
				}
			}
			// and the dialog asks no more height than the window has (Fyne
			// squeezes a taller one, its fields drawn over its buttons)
			if min := d.window.Canvas().Overlays().Top().MinSize().Height; min > window.Height {
				t.Errorf("the dialog needs %v in a window %v high", min, window.Height)
			}
			// the fields above the buttons, the last reachable by scrolling
			scroll := drv.AbsolutePositionForObject(st.Scroll)
			if end := scroll.Y + st.Scroll.Size().Height; end > drv.AbsolutePositionForObject(st.Save).Y {
				t.Errorf("the fields end at y=%v, under Save", end)
			}
			if need := st.Scroll.Content.MinSize().Height - st.Scroll.Size().Height; need > 0 && window.Height > 700 {
				t.Errorf("at %v high the fields need %v more to show without scrolling", window.Height, need)
			}
			// and the last field, reached with Tab, scrolls into view
			act(d, func() { d.window.Canvas().Focus(st.Server) })
			server := drv.AbsolutePositionForObject(st.Server).Y - scroll.Y
			if server < 0 || server+st.Server.Size().Height > st.Scroll.Size().Height {
				t.Errorf("with the focus on it, the server field is at %v in a scroll %v high", server, st.Scroll.Size().Height)
			}
		})
	}
}
