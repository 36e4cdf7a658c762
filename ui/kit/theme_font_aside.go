package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// LoadFacesAside starts loading the faces of the given text styles on
// another goroutine and returns a wait for them. Fyne loads a style's faces
// (the theme's Liberation Sans, Noto Sans behind it and the system's font
// for the language) at the first measurement of text in that style; the
// desk's first screen measures regular and bold, and reading their six
// fonts takes about as long as GLFW takes to start (some 25 ms each, on the
// project's machine). Started before the window is made, they load beside
// it on the second core.
//
// Call it after the theme is set (the faces are the theme's), and let
// nothing measure text until wait has returned: Fyne's faces are not safe
// for use from two goroutines at once.
func LoadFacesAside(styles ...fyne.TextStyle) (wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		size := theme.TextSize()
		for _, s := range styles {
			fyne.MeasureText("Backtrack", size, s)
		}
	}()
	return func() { <-done }
}
