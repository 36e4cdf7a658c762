package bodychart

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"

	"backtrack/report/bodymap"
)

// canvasImage draws polygons into an image with x/image/vector's
// anti-aliased rasterizer: the figure's vector shapes at exactly the size
// shown, crisp at any scale.
type canvasImage struct {
	img *image.RGBA
	z   *vector.Rasterizer
}

func newCanvasImage(w, h int) *canvasImage {
	return &canvasImage{img: image.NewRGBA(image.Rect(0, 0, w, h)), z: vector.NewRasterizer(w, h)}
}

// fill rasterizes only the polygons' bounding box, so a small symbol costs
// little however large the image.
func (c *canvasImage) fill(col color.Color, polys ...bodymap.Polygon) {
	box := image.Rectangle{}
	for _, p := range polys {
		for _, pt := range p {
			box = box.Union(image.Rect(int(math.Floor(pt.X)), int(math.Floor(pt.Y)), int(math.Ceil(pt.X))+1, int(math.Ceil(pt.Y))+1))
		}
	}
	box = box.Intersect(c.img.Bounds())
	if box.Empty() {
		return
	}
	c.z.Reset(box.Dx(), box.Dy())
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	for _, p := range polys {
		if len(p) < 3 {
			continue
		}
		c.z.MoveTo(float32(p[0].X)-ox, float32(p[0].Y)-oy)
		for _, pt := range p[1:] {
			c.z.LineTo(float32(pt.X)-ox, float32(pt.Y)-oy)
		}
		c.z.ClosePath()
	}
	c.z.Draw(c.img, box, image.NewUniform(col), image.Point{})
}

// stroke draws the polygon's edges width wide (dashed when dash > 0), as
// quads, since the rasterizer only fills.
func (c *canvasImage) stroke(col color.Color, width, dash float64, polys ...bodymap.Polygon) {
	var quads []bodymap.Polygon
	for _, p := range polys {
		for i := range p {
			a, b := p[i], p[(i+1)%len(p)]
			quads = append(quads, segmentQuads(a, b, width, dash)...)
		}
	}
	c.fill(col, quads...)
}

func segmentQuads(a, b bodymap.Point, width, dash float64) []bodymap.Polygon {
	dx, dy := b.X-a.X, b.Y-a.Y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return nil
	}
	nx, ny := -dy/l*width/2, dx/l*width/2
	quad := func(t0, t1 float64) bodymap.Polygon {
		p0 := bodymap.Point{X: a.X + dx*t0, Y: a.Y + dy*t0}
		p1 := bodymap.Point{X: a.X + dx*t1, Y: a.Y + dy*t1}
		return bodymap.Polygon{{X: p0.X + nx, Y: p0.Y + ny}, {X: p1.X + nx, Y: p1.Y + ny}, {X: p1.X - nx, Y: p1.Y - ny}, {X: p0.X - nx, Y: p0.Y - ny}}
	}
	if dash <= 0 {
		return []bodymap.Polygon{quad(0, 1)}
	}
	var out []bodymap.Polygon
	for t := 0.0; t < 1; t += 2 * dash / l {
		out = append(out, quad(t, math.Min(1, t+dash/l)))
	}
	return out
}

func (c *canvasImage) clear(col color.Color) {
	draw.Draw(c.img, c.img.Bounds(), image.NewUniform(col), image.Point{}, draw.Src)
}
