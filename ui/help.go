package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// keyboardHelp lists the desk's keys, for Help › Keyboard shortcuts.
var keyboardHelp = [][2]string{
	{"Ctrl+F", "Find a client (Enter opens the first match, Down goes to the list)"},
	{"Ctrl+N", "New session for the client shown"},
	{"Ctrl+Shift+N", "New client"},
	{"Ctrl+S", "Save the open form"},
	{"Esc", "Cancel the form, or go back from a session note"},
	{"Ctrl+P", "Progress report for the client shown"},
	{"Tab", "Next field; on a location or muscle, L, R or B picks the side"},
	{"0–10", "On a pain slider, a digit sets the score"},
	{"Ctrl+,", "Settings"},
}

func (d *Desk) showKeyboardHelp() {
	grid := container.New(layout.NewFormLayout())
	for _, k := range keyboardHelp {
		grid.Add(widget.NewLabelWithStyle(k[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true, Monospace: true}))
		grid.Add(widget.NewLabel(k[1]))
	}
	dialog.ShowCustom("Keyboard shortcuts", "Close", grid, d.window)
}
