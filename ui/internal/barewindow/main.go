// Command barewindow is the baseline for Backtrack's start-up benchmark: the
// smallest Fyne app with a window of the same title and size, so the
// benchmark can say how much Backtrack adds to what Fyne itself costs.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("org.backtrack.barewindow")
	w := a.NewWindow("Backtrack")
	w.SetContent(widget.NewLabel("Backtrack"))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
