package painchart

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"golang.org/x/image/vector"
)

// The chart's lines and dots are drawn into one raster, not as a canvas
// object each: Fyne's GL painter draws every canvas.Line and canvas.Circle
// as a draw call of its own, and under a software OpenGL (Mesa llvmpipe) a
// long history's 2,000 of them held 30-40 MB for as long as the chart was
// on screen. Layout still places every shape, in the widget's units, into
// the lists below; the raster draws them at the canvas's scale whenever
// Fyne asks for its pixels (a resize, a theme change, new points). Words
// stay canvas texts, and hovering redraws only the selection's few objects
// above the raster.

// stroke is a straight line, as a canvas.Line would draw it.
type stroke struct {
	Position1, Position2 fyne.Position
	StrokeColor          color.Color
	StrokeWidth          float32
}

// dot is a circle within the box from Position1 to Position2, as a
// canvas.Circle would draw it: filled, then ringed.
type dot struct {
	Position1, Position2   fyne.Position
	FillColor, StrokeColor color.Color
	StrokeWidth            float32
}

// shapes is a layer of the raster, drawn in turn back to front.
type shapes interface{ paint(p *rasterPainter) }

// strokes is a layer of lines, reused from layout to layout. Round ones
// have round ends, so a series' segments join without notches.
type strokes struct {
	items []stroke
	used  int
	round bool
}

func (s *strokes) reset() { s.used = 0 }

func (s *strokes) add(x1, y1, x2, y2 float32, c color.Color, width float32) {
	if s.used == len(s.items) {
		s.items = append(s.items, stroke{})
	}
	s.items[s.used] = stroke{Position1: fyne.NewPos(x1, y1), Position2: fyne.NewPos(x2, y2), StrokeColor: c, StrokeWidth: width}
	s.used++
}

func (s *strokes) paint(p *rasterPainter) {
	for _, l := range s.items[:s.used] {
		p.line(l, s.round)
	}
}

// dots is a layer of circles, reused from layout to layout.
type dots struct {
	items []dot
	used  int
}

func (d *dots) reset() { d.used = 0 }

// add centres a circle of radius r on (x, y).
func (d *dots) add(x, y, r float32, fill, stroke color.Color, width float32) {
	if d.used == len(d.items) {
		d.items = append(d.items, dot{})
	}
	d.items[d.used] = dot{Position1: fyne.NewPos(x-r, y-r), Position2: fyne.NewPos(x+r, y+r), FillColor: fill, StrokeColor: stroke, StrokeWidth: width}
	d.used++
}

func (d *dots) paint(p *rasterPainter) {
	for _, o := range d.items[:d.used] {
		p.circle(o)
	}
}

// rasterPainter fills outlines into an image with x/image/vector's
// anti-aliased rasterizer, gathering consecutive outlines of one colour
// into one fill over their bounding box: a series of 1,000 segments is one
// fill, a small marker a fill of a few pixels.
type rasterPainter struct {
	img        *image.RGBA
	sx, sy     float32 // device pixels per widget unit
	z          vector.Rasterizer
	ink        color.Color
	pts        []vec // outlines pending in ink, each closed at the next start
	starts     []int
	minX, minY float32
	maxX, maxY float32
}

type vec struct{ x, y float32 }

// paintShapes draws layers, in the widget's units, into a w×h image.
func paintShapes(w, h int, size fyne.Size, layers []shapes) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	if size.Width <= 0 || size.Height <= 0 || w <= 0 || h <= 0 {
		return img
	}
	p := &rasterPainter{img: img, sx: float32(w) / size.Width, sy: float32(h) / size.Height}
	for _, l := range layers {
		l.paint(p)
	}
	p.flush()
	return img
}

func (p *rasterPainter) at(pos fyne.Position) vec { return vec{pos.X * p.sx, pos.Y * p.sy} }

func (p *rasterPainter) width(w float32) float32 { return w * (p.sx + p.sy) / 2 }

func visible(c color.Color) bool {
	if c == nil {
		return false
	}
	_, _, _, a := c.RGBA()
	return a > 0
}

// line fills a stroke's outline: a quad, with half-discs at its ends when round.
func (p *rasterPainter) line(l stroke, round bool) {
	if !visible(l.StrokeColor) || l.StrokeWidth <= 0 {
		return
	}
	a, b := p.at(l.Position1), p.at(l.Position2)
	w := p.width(l.StrokeWidth)
	switch {
	case a.x == b.x:
		w, a.x = snap(w, a.x)
		b.x = a.x
	case a.y == b.y:
		w, a.y = snap(w, a.y)
		b.y = a.y
	default:
		// as thick as Fyne's GL painter draws a slanted canvas.Line, whose
		// half-pixel feather adds that much ink
		w += 0.5
	}
	half := w / 2
	p.use(l.StrokeColor)
	dx, dy := b.x-a.x, b.y-a.y
	if n := float32(math.Hypot(float64(dx), float64(dy))); n > 0 {
		nx, ny := -dy/n*half, dx/n*half
		p.outline(vec{a.x + nx, a.y + ny}, vec{b.x + nx, b.y + ny}, vec{b.x - nx, b.y - ny}, vec{a.x - nx, a.y - ny})
	}
	if round {
		p.disc(a, half, false)
		p.disc(b, half, false)
	}
}

// snap fits a level or upright line of width w centred on c to whole
// pixels, as Fyne's GL painter does, so a grid line is one sharp pixel
// rather than two half-grey ones.
func snap(w, c float32) (float32, float32) {
	w = wholePixels(w)
	if int(w)%2 == 1 {
		return w, float32(math.Round(float64(c))) - 0.5
	}
	return w, float32(math.Round(float64(c)))
}

// wholePixels rounds a width to whole pixels, halves up, as the GL painter
// does; a width a hair under a half (a canvas scale of 0.998) still rounds up.
func wholePixels(w float32) float32 {
	return max(1, float32(math.Floor(float64(w)+0.51)))
}

// circle fills a dot and rings it inside its box, as Fyne's GL painter
// draws a canvas.Circle: the ring a whole number of pixels wide.
func (p *rasterPainter) circle(o dot) {
	c := p.at(fyne.NewPos((o.Position1.X+o.Position2.X)/2, (o.Position1.Y+o.Position2.Y)/2))
	r := (o.Position2.X - o.Position1.X) / 2 * (p.sx + p.sy) / 2
	ring := float32(0)
	if visible(o.StrokeColor) && o.StrokeWidth > 0 {
		ring = wholePixels(p.width(o.StrokeWidth))
	}
	if ring > 0 && visible(o.FillColor) && sameInk(o.FillColor, o.StrokeColor) {
		p.use(o.FillColor)
		p.disc(c, r, false)
		return
	}
	if visible(o.FillColor) {
		p.use(o.FillColor)
		p.disc(c, r-ring/2, false)
	}
	if ring > 0 {
		p.use(o.StrokeColor)
		p.disc(c, r, false)
		p.disc(c, max(r-ring, 0), true)
	}
}

// disc adds a circle's outline; a hole runs the other way round, so that
// filled with its outer circle it leaves a ring. Every other outline runs
// the same way as a stroke's quad, so overlaps add up to one coverage.
func (p *rasterPainter) disc(c vec, r float32, hole bool) {
	if r <= 0 {
		return
	}
	n := max(12, int(math.Ceil(float64(r)*2*math.Pi/1.5)))
	p.starts = append(p.starts, len(p.pts))
	for i := range n {
		t := 2 * math.Pi * float64(i) / float64(n)
		s := float32(-math.Sin(t))
		if hole {
			s = -s
		}
		p.add(vec{c.x + r*float32(math.Cos(t)), c.y + r*s})
	}
}

func (p *rasterPainter) outline(v ...vec) {
	p.starts = append(p.starts, len(p.pts))
	for _, pt := range v {
		p.add(pt)
	}
}

func (p *rasterPainter) add(v vec) {
	if len(p.pts) == 0 {
		p.minX, p.minY, p.maxX, p.maxY = v.x, v.y, v.x, v.y
	}
	p.minX, p.minY = min(p.minX, v.x), min(p.minY, v.y)
	p.maxX, p.maxY = max(p.maxX, v.x), max(p.maxY, v.y)
	p.pts = append(p.pts, v)
}

// use sets the colour of what is added next, filling what is pending in
// another colour first.
func (p *rasterPainter) use(c color.Color) {
	if p.ink != nil && !sameInk(p.ink, c) {
		p.flush()
	}
	p.ink = c
}

func sameInk(a, b color.Color) bool {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return ar == br && ag == bg && ab == bb && aa == ba
}

func (p *rasterPainter) flush() {
	defer func() { p.pts, p.starts = p.pts[:0], p.starts[:0] }()
	if len(p.pts) == 0 || p.ink == nil {
		return
	}
	box := image.Rect(int(math.Floor(float64(p.minX))), int(math.Floor(float64(p.minY))),
		int(math.Ceil(float64(p.maxX)))+1, int(math.Ceil(float64(p.maxY)))+1).Intersect(p.img.Bounds())
	if box.Empty() {
		return
	}
	p.z.Reset(box.Dx(), box.Dy())
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	for i, start := range p.starts {
		end := len(p.pts)
		if i+1 < len(p.starts) {
			end = p.starts[i+1]
		}
		outline := p.pts[start:end]
		p.z.MoveTo(outline[0].x-ox, outline[0].y-oy)
		for _, v := range outline[1:] {
			p.z.LineTo(v.x-ox, v.y-oy)
		}
		p.z.ClosePath()
	}
	p.z.Draw(p.img, box, image.NewUniform(p.ink), image.Point{})
}
