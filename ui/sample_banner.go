package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/ui/kit"
)

// sampleBanner is the amber strip across the top that says the data on
// screen is made up.
type sampleBanner struct {
	Leave   *kit.Button
	content *fyne.Container
}

func newSampleBanner(d *Desk) *sampleBanner {
	text := widget.NewLabelWithStyle("SAMPLE DATA · a made-up practice to explore. Nothing here touches your records; it is deleted when you leave.",
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text.Truncation = fyne.TextTruncateEllipsis
	leave := kit.NewButtonWithIcon("Leave sample data", theme.LogoutIcon(), d.leaveSample)
	bg := canvas.NewRectangle(kit.SampleAmber)
	// Only the words on the amber are dark; the button keeps the desk's
	// own colours, readable in light and dark.
	words := container.NewThemeOverride(container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, text),
		kit.SampleTheme{Theme: theme.DefaultTheme()})
	row := container.NewBorder(nil, nil, nil, leave, words)
	return &sampleBanner{Leave: leave, content: container.NewStack(bg, container.NewPadded(row))}
}
