package ui

import (
	"fyne.io/fyne/v2"

	"backtrack/ui/kit"
)

// Start is what the desk readies before its records are open: the theme,
// its window (the first window starts GLFW, 25-30 ms on the project's
// machine) and, on another goroutine, the fonts of the first screen's
// regular and bold text (about 25 ms more). main opens the records on a
// third goroutine meanwhile (on a new file its migrations take 10-20 ms),
// so the three overlap rather than follow one another before the window
// can show.
type Start struct {
	window fyne.Window
	faces  func() // returns once the fonts are read
}

// Prepare readies the desk's start on a. Call it on the main goroutine.
func Prepare(a fyne.App) *Start {
	faces := kit.SetThemeReadingFacesAside(a.Settings(), kit.NewDeskTheme(a.Preferences().String(prefAppearance)),
		fyne.TextStyle{}, fyne.TextStyle{Bold: true})
	return &Start{window: a.NewWindow("Backtrack"), faces: faces}
}

// Window is the prepared window, once the fonts are read: whatever will
// measure text takes it from here, since Fyne's fonts are not safe for use
// from two goroutines at once.
func (s *Start) Window() fyne.Window {
	s.faces()
	return s.window
}
