package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The faces read aside are the theme's (Liberation Sans), in each style the
// desk asks for: text measured after the wait is as wide as the same text
// measured with the fonts read on the spot, and not as wide as in Fyne's
// own Noto Sans, which a theme set after the reading began would have
// left in the cache. The race detector (make test) watches the reading
// beside a window being made, as the desk does it.
func TestFacesReadAsideAreTheThemes(t *testing.T) {
	a := test.NewTempApp(t)
	const sample = "Quadratus lumborum, left side: 6→4"
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		a.Settings().SetTheme(NewDeskTheme("")) // each theme change empties Fyne's font caches
		wait := LoadFacesAside(style)
		w := a.NewWindow("Backtrack")
		wait()
		aside := fyne.MeasureText(sample, theme.TextSize(), style)
		w.Close()

		a.Settings().SetTheme(NewDeskTheme(""))
		here := fyne.MeasureText(sample, theme.TextSize(), style)
		a.Settings().SetTheme(theme.DefaultTheme())
		noto := fyne.MeasureText(sample, theme.TextSize(), style)

		if aside != here {
			t.Errorf("%+v: %v wide read aside, %v read on the spot", style, aside, here)
		}
		if aside == noto {
			t.Errorf("%+v: %v wide, as in Fyne's own font: the theme's were not read", style, aside)
		}
	}
}
