package exercisefig

import (
	"math"
	"sync"
)

// design is an exercise's picture in design units (y up, floor at 0): its
// panels side by side, each a pose, on one floor.
type design struct {
	shapes []Shape
	lo, hi Point
}

const panelGap = 10.0

func compose(poses []Pose) design {
	var d design
	d.lo, d.hi = Point{math.Inf(1), 0}, Point{math.Inf(-1), 0}
	x := 0.0
	floor := false
	for _, p := range poses {
		shapes := p.render()
		lo, hi := shapeBounds(shapes)
		dx := x - lo.X
		for _, s := range shapes {
			moved := make([]Point, len(s.Poly))
			for i, pt := range s.Poly {
				moved[i] = Point{pt.X + dx, pt.Y}
			}
			d.shapes = append(d.shapes, Shape{moved, s.Fill})
		}
		d.lo = Point{math.Min(d.lo.X, x), math.Min(d.lo.Y, lo.Y)}
		d.hi = Point{math.Max(d.hi.X, x+hi.X-lo.X), math.Max(d.hi.Y, hi.Y)}
		x += hi.X - lo.X + panelGap
		floor = floor || p.View != Above
	}
	if floor {
		line := Shape{rect(d.lo.X-4, -0.8, d.hi.X+4, 0), floorInk}
		d.shapes = append([]Shape{line}, d.shapes...)
		d.lo = Point{d.lo.X - 4, math.Min(d.lo.Y, -0.8)}
		d.hi.X += 4
	}
	return d
}

func shapeBounds(shapes []Shape) (lo, hi Point) {
	lo, hi = Point{math.Inf(1), math.Inf(1)}, Point{math.Inf(-1), math.Inf(-1)}
	for _, s := range shapes {
		for _, p := range s.Poly {
			lo = Point{math.Min(lo.X, p.X), math.Min(lo.Y, p.Y)}
			hi = Point{math.Max(hi.X, p.X), math.Max(hi.Y, p.Y)}
		}
	}
	return lo, hi
}

var (
	designsOnce sync.Once
	designs     map[string]design
)

// designOf is an exercise's picture, composed once: the poses never change.
func designOf(id string) (design, bool) {
	designsOnce.Do(func() {
		designs = make(map[string]design, len(poses))
		for id, p := range poses {
			designs[id] = compose(p)
		}
	})
	d, ok := designs[id]
	return d, ok
}

// Has reports whether the library exercise has a picture.
func Has(id string) bool { _, ok := poses[id]; return ok }

// Aspect is the picture's height over its width.
func Aspect(id string) float64 {
	d, ok := designOf(id)
	if !ok {
		return 0
	}
	return (d.hi.Y - d.lo.Y) / (d.hi.X - d.lo.X)
}

// Draw is the exercise's picture fitted into the box at (x, y), w wide and
// h tall (y down), centred; false when the exercise has no picture.
func Draw(id string, x, y, w, h float64) ([]Shape, bool) {
	d, ok := designOf(id)
	if !ok {
		return nil, false
	}
	dw, dh := d.hi.X-d.lo.X, d.hi.Y-d.lo.Y
	k := math.Min(w/dw, h/dh)
	ox := x + (w-dw*k)/2
	oy := y + (h-dh*k)/2
	out := make([]Shape, len(d.shapes))
	for i, s := range d.shapes {
		poly := make([]Point, len(s.Poly))
		for j, p := range s.Poly {
			poly[j] = Point{ox + (p.X-d.lo.X)*k, oy + (d.hi.Y-p.Y)*k}
		}
		out[i] = Shape{poly, s.Fill}
	}
	return out, true
}
