package bodychart

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/report/bodymap"
)

// keySize is a heat-key swatch's height, in Fyne units.
const keySize = 16

// NewHeatKey shows the shades of a heat map whose darkest region hurt at
// most visits, each with its count. The shades come from report/bodymap,
// as the chart's and the printed key's do, over the current theme's paper
// as the chart draws them.
func NewHeatKey(most int) fyne.CanvasObject {
	ink := InkOf(theme.Current(), fyne.CurrentApp().Settings().ThemeVariant())
	paper := rgbOf(ink.Paper)
	rows := container.NewVBox()
	for _, n := range bodymap.HeatSteps(most) {
		sw := canvas.NewRectangle(rgba(bodymap.HeatShadeOver(n, most, paper)))
		sw.SetMinSize(fyne.NewSize(2*keySize, keySize))
		label := fmt.Sprintf("%d visits", n)
		if n == 1 {
			label = "1 visit"
		}
		rows.Add(container.NewHBox(container.NewCenter(sw), widget.NewLabel(label)))
	}
	return rows
}
