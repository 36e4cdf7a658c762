// Package bodychart is the body chart widget: the front and back views from
// report/bodymap's geometry, the marked regions tinted by pain type with the
// type's symbol, the muscles treated as dashed outlines, or a heat map of
// how often each region hurt. A tap on a region calls OnTapped.
package bodychart

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/report/bodymap"
	"backtrack/store"
)

// minLabelSize is the smallest text the chart writes its titles and
// sides in; a smaller chart leaves them out.
const minLabelSize = 8

// Chart shows one body map (or a heat map) and reports taps.
type Chart struct {
	widget.BaseWidget

	marks   []store.BodyMark
	muscles []store.Tag
	heat    map[store.RegionID]int
	heatMax int
	focused store.RegionID // the region the keyboard list points at

	// OnTapped is called with the region tapped; nil for a chart that
	// only shows.
	OnTapped func(store.RegionID)
	// OnTap is called on any tap, on a region or not: a small chart that
	// opens a larger one.
	OnTap func()
	// MinWidth is the width the chart asks for; its height follows.
	MinWidth float32
	// MarkColour, when set, is the theme colour untyped marks are filled
	// in (Ink.Mark).
	MarkColour fyne.ThemeColorName
}

// New returns an empty chart.
func New() *Chart {
	c := &Chart{MinWidth: 220}
	c.ExtendBaseWidget(c)
	return c
}

// SetMap shows a session's marks and the muscles treated.
func (c *Chart) SetMap(marks []store.BodyMark, muscles []store.Tag) {
	c.marks, c.muscles, c.heat = marks, muscles, nil
	c.Refresh()
}

// SetHeat shows how many sessions marked each region.
func (c *Chart) SetHeat(counts map[store.RegionID]int, max int) {
	c.marks, c.muscles, c.heat, c.heatMax = nil, nil, counts, max
	c.Refresh()
}

// Highlight rings a region (the keyboard's choice); "" for none.
func (c *Chart) Highlight(id store.RegionID) {
	c.focused = id
	c.Refresh()
}

// Tapped marks or unmarks the region under the pointer.
func (c *Chart) Tapped(e *fyne.PointEvent) {
	if c.OnTap != nil {
		c.OnTap()
	}
	if c.OnTapped == nil {
		return
	}
	s := c.Size()
	f := bodymap.Layout(0, 0, float64(s.Width), float64(s.Height))
	if id, ok := f.HitTest(bodymap.Point{X: float64(e.Position.X), Y: float64(e.Position.Y)}); ok {
		c.OnTapped(id)
	}
}

// CreateRenderer implements fyne.Widget.
func (c *Chart) CreateRenderer() fyne.WidgetRenderer {
	r := &renderer{c: c}
	r.raster = canvas.NewRaster(r.draw)
	r.raster.ScaleMode = canvas.ImageScaleSmooth
	for i := 0; i < 6; i++ { // two titles, four side letters
		t := canvas.NewText("", color.Black)
		t.Alignment = fyne.TextAlignCenter
		r.texts = append(r.texts, t)
	}
	return r
}

type renderer struct {
	c      *Chart
	raster *canvas.Raster
	texts  []*canvas.Text
}

func (r *renderer) Destroy() {}

func (r *renderer) Objects() []fyne.CanvasObject {
	out := []fyne.CanvasObject{r.raster}
	for _, t := range r.texts {
		out = append(out, t)
	}
	return out
}

func (r *renderer) MinSize() fyne.Size {
	return fyne.NewSize(r.c.MinWidth, r.c.MinWidth*float32(bodymap.Aspect()))
}

func (r *renderer) Layout(size fyne.Size) {
	r.raster.Resize(size)
	f := bodymap.Layout(0, 0, float64(size.Width), float64(size.Height))
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	i := 0
	for _, o := range f.Outlines() {
		for _, l := range append([]bodymap.Label{o.Title}, o.Sides...) {
			t := r.texts[i]
			i++
			t.Text = l.Text
			t.TextSize = float32(l.Height)
			t.Hidden = l.Height < minLabelSize // a thumbnail's labels would be specks
			t.Color = th.Color(theme.ColorNameForeground, v)
			t.TextStyle.Bold = l == o.Title
			ts := t.MinSize()
			t.Resize(ts)
			t.Move(fyne.NewPos(float32(l.At.X)-ts.Width/2, float32(l.At.Y)-ts.Height/2))
		}
	}
}

func (r *renderer) Refresh() {
	r.Layout(r.c.Size())
	for _, t := range r.texts {
		t.Refresh()
	}
	r.raster.Refresh()
}

// draw renders the figure at the raster's pixel size.
func (r *renderer) draw(w, h int) image.Image {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	ink := InkOf(th, v)
	if r.c.MarkColour != "" {
		ink.Mark = th.Color(r.c.MarkColour, v)
	}
	return Render(w, h, ink, r.c.marks, r.c.muscles, r.c.heat, r.c.heatMax, r.c.focused)
}
