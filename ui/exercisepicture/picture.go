// Package exercisepicture is a library exercise's picture on screen: the
// vector shapes of report/exercisefig, the handout's own, rasterized
// anti-aliased at exactly the size shown.
package exercisepicture

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/vector"

	"backtrack/report/exercisefig"
)

// Picture shows one exercise, fitted to its size; nothing for an ID
// without a picture.
type Picture struct {
	widget.BaseWidget
	ID     string
	MinSz  fyne.Size
	raster *canvas.Raster
}

// New is a picture of the exercise with that ID, at least min in size.
func New(id string, min fyne.Size) *Picture {
	p := &Picture{ID: id, MinSz: min}
	p.raster = canvas.NewRaster(func(w, h int) image.Image { return Render(p.ID, w, h) })
	p.ExtendBaseWidget(p)
	return p
}

// SetID shows another exercise.
func (p *Picture) SetID(id string) {
	p.ID = id
	p.raster.Refresh()
}

func (p *Picture) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.raster) }

func (p *Picture) MinSize() fyne.Size { return p.MinSz }

// Render draws the exercise's picture into a new w×h image, transparent
// round it.
func Render(id string, w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	shapes, ok := exercisefig.Draw(id, 1, 1, float64(w-2), float64(h-2))
	if !ok {
		return img
	}
	z := vector.NewRasterizer(w, h)
	// Shapes of one colour in a row are one pass of the rasterizer: a
	// limb's outline, say, is a dozen capsules.
	for i := 0; i < len(shapes); {
		j := i + 1
		for j < len(shapes) && shapes[j].Fill == shapes[i].Fill {
			j++
		}
		fill(img, z, shapes[i:j])
		i = j
	}
	return img
}

// fill rasterizes polygons of one colour within their bounding box only.
func fill(img *image.RGBA, z *vector.Rasterizer, shapes []exercisefig.Shape) {
	box := image.Rectangle{}
	for _, s := range shapes {
		for _, pt := range s.Poly {
			box = box.Union(image.Rect(int(math.Floor(pt.X)), int(math.Floor(pt.Y)), int(math.Ceil(pt.X))+1, int(math.Ceil(pt.Y))+1))
		}
	}
	box = box.Intersect(img.Bounds())
	if box.Empty() {
		return
	}
	z.Reset(box.Dx(), box.Dy())
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	for _, s := range shapes {
		if len(s.Poly) < 3 {
			continue
		}
		z.MoveTo(float32(s.Poly[0].X)-ox, float32(s.Poly[0].Y)-oy)
		for _, pt := range s.Poly[1:] {
			z.LineTo(float32(pt.X)-ox, float32(pt.Y)-oy)
		}
		z.ClosePath()
	}
	c := shapes[0].Fill
	z.Draw(img, box, image.NewUniform(color.RGBA{c.R, c.G, c.B, 255}), image.Point{})
}
