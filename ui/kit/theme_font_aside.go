package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// SetThemeReadingFacesAside sets th as the app's theme, then starts
// loading the faces of the given text styles on another goroutine and
// returns a wait for them. Fyne loads a style's faces (the theme's
// Liberation Sans, Noto Sans behind it and the system's font for the
// language) at the first measurement of text in that style; the desk's
// first screen measures regular and bold, and reading their fonts (three
// files a style, parsed glyph by glyph) takes about as long as GLFW takes
// to start: some 25 ms on the project's machine. Started before the window
// is made, they load beside it on the second core.
//
// The theme is set here, first, because the faces are the theme's: read
// before it, they would be Fyne's own, and would stay in its cache (the
// desktop driver empties the cache on a change of theme only once it
// runs). Let nothing measure text until wait has returned: Fyne's faces
// are not safe for use from two goroutines at once.
func SetThemeReadingFacesAside(s fyne.Settings, th fyne.Theme, styles ...fyne.TextStyle) (wait func()) {
	s.SetTheme(th)
	done := make(chan struct{})
	go func() {
		defer close(done)
		size := theme.TextSize()
		for _, style := range styles {
			fyne.MeasureText("Backtrack", size, style)
		}
	}()
	return func() { <-done }
}
