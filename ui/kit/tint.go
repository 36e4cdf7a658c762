package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// tint is a rectangle of a theme colour at low strength, asked of the
// theme at every refresh so it follows light and dark.
type tint struct {
	widget.BaseWidget
	color fyne.ThemeColorName
}

func NewTint(c fyne.ThemeColorName) *tint {
	t := &tint{color: c}
	t.ExtendBaseWidget(t)
	return t
}

func (t *tint) CreateRenderer() fyne.WidgetRenderer {
	r := &tintRenderer{t: t, rect: canvas.NewRectangle(nil)}
	r.Refresh()
	return r
}

type tintRenderer struct {
	t    *tint
	rect *canvas.Rectangle
}

func (r *tintRenderer) Layout(s fyne.Size) { r.rect.Resize(s) }

func (r *tintRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *tintRenderer) Destroy() {}

func (r *tintRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.rect}
}

func (r *tintRenderer) Refresh() {
	c := r.t.Theme().Color(r.t.color, fyne.CurrentApp().Settings().ThemeVariant())
	red, green, blue, _ := c.RGBA()
	r.rect.FillColor = color.NRGBA{R: uint8(red >> 8), G: uint8(green >> 8), B: uint8(blue >> 8), A: 0x40}
	r.rect.Refresh()
}
