package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/assets"
	"backtrack/ui/kit"
)

// welcome greets a therapist whose database is empty: add the first
// client, or look around in a sample practice first.
type welcome struct {
	AddClient *kit.Button
	Explore   *kit.Button
	Note      *kit.SecondaryText
	content   fyne.CanvasObject
}

func newWelcome(d *Desk) *welcome {
	w := &welcome{}
	w.AddClient = kit.NewButtonWithIcon("Add your first client", theme.ContentAddIcon(), d.newClient)
	w.AddClient.Importance = widget.HighImportance
	w.Explore = kit.NewButtonWithIcon("Explore with sample data", theme.SearchIcon(), d.openSample)

	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	title := widget.NewLabelWithStyle("Welcome to Backtrack", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabel("Session notes, pain trends and progress reports for your clients with lower back pain.\n" +
		"Everything stays in one private file on this computer.")
	intro.Alignment = fyne.TextAlignCenter
	// Two short lines, centred and never truncated, like the intro above.
	note := kit.NewSecondaryText()
	note.Truncation = fyne.TextTruncateOff
	note.Seg.Style.Alignment = fyne.TextAlignCenter
	note.SetText("The sample practice opens in a temporary folder, apart from your records,\nand is deleted when you leave it.")
	w.Note = note
	buttons := container.NewCenter(container.NewHBox(w.AddClient, w.Explore))
	w.content = container.NewCenter(container.NewVBox(container.NewCenter(icon), title, intro,
		widget.NewLabel(""), buttons, note))
	return w
}

func (d *Desk) showWelcome() {
	d.main.Objects = []fyne.CanvasObject{d.welcome.content}
	d.main.Refresh()
}

func (d *Desk) hideWelcome() {
	d.main.Objects = []fyne.CanvasObject{d.split}
	d.main.Refresh()
}

// Welcoming reports whether the welcome is showing.
func (d *Desk) Welcoming() bool { return d.main.Objects[0] == d.welcome.content }
