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
// own Noto Sans. The race detector (make test) watches the reading beside
// a window being made, as the desk does it. (That the reading saves time
// is the start-up benchmark's to show.)
func TestFacesReadAsideAreTheThemes(t *testing.T) {
	a := test.NewTempApp(t)
	const sample = "Quadratus lumborum, left side: 6→4"
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		// (the test driver empties Fyne's font caches at each change of theme)
		wait := SetThemeReadingFacesAside(a.Settings(), NewDeskTheme(""), style)
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
