package bodymap

import (
	"math"

	"backtrack/store"
)

var (
	cos = math.Cos
	sin = math.Sin
)

// Figure is the body chart laid out in a box: where each view, region and
// label goes, in the caller's units (pixels on screen, millimetres on paper).
type Figure struct {
	Scale            float64 // caller's units per design unit
	OffsetX, OffsetY float64
}

// Layout fits the figure into a box of width w and height h at (x, y),
// keeping its proportions and centring it.
func Layout(x, y, w, h float64) Figure {
	s := math.Min(w/designW, h/designH)
	return Figure{Scale: s, OffsetX: x + (w-designW*s)/2, OffsetY: y + (h-designH*s)/2}
}

// Aspect is the figure's height over its width: a caller sizing a box to
// the figure multiplies a width by it.
func Aspect() float64 { return designH / designW }

// At is a design point in the caller's units.
func (f Figure) At(p Point) Point { return Point{f.OffsetX + p.X*f.Scale, f.OffsetY + p.Y*f.Scale} }

// Poly is a design polygon in the caller's units.
func (f Figure) Poly(p Polygon) Polygon {
	out := make(Polygon, len(p))
	for i, pt := range p {
		out[i] = f.At(pt)
	}
	return out
}

// Shapes lists every region's shape in the caller's units.
func (f Figure) Shapes() []Shape {
	out := make([]Shape, len(shapes))
	for i, s := range shapes {
		polys := make([]Polygon, len(s.Polys))
		for j, p := range s.Polys {
			polys[j] = f.Poly(p)
		}
		out[i] = Shape{Region: s.Region, Back: s.Back, Polys: polys, Centre: f.At(s.Centre)}
	}
	return out
}

// Outline is one view's body outline and head, in the caller's units.
type Outline struct {
	Back  bool
	Body  Polygon
	Head  Polygon
	Title Label   // "Back", "Front" above the view
	Sides []Label // "L" and "R" under each side, so no reader guesses
}

// Label is a short text centred on a point, with a height in the caller's
// units.
type Label struct {
	Text   string
	At     Point
	Height float64
}

// Outlines returns the back view, then the front view.
func (f Figure) Outlines() []Outline {
	var out []Outline
	for _, back := range []bool{true, false} {
		dx := viewW + viewGap
		left, right, title := "R", "L", "Front"
		if back {
			dx, left, right, title = 0, "L", "R", "Back"
		}
		shift := func(p Polygon) Polygon {
			q := make(Polygon, len(p))
			for i, pt := range p {
				q[i] = f.At(Point{pt.X + dx, pt.Y + titleH})
			}
			return q
		}
		h := 7 * f.Scale
		out = append(out, Outline{Back: back, Body: shift(silhouette), Head: shift(head),
			Title: Label{title, f.At(Point{dx + viewW/2, titleH / 2}), h},
			Sides: []Label{{left, f.At(Point{dx + 8, titleH + 40}), h}, {right, f.At(Point{dx + viewW - 8, titleH + 40}), h}}})
	}
	return out
}

// HitTest returns the region under point p (caller's units), if any.
func (f Figure) HitTest(p Point) (store.RegionID, bool) {
	if f.Scale <= 0 {
		return "", false
	}
	d := Point{(p.X - f.OffsetX) / f.Scale, (p.Y - f.OffsetY) / f.Scale}
	for _, s := range shapes {
		for _, poly := range s.Polys {
			if contains(poly, d) {
				return s.Region, true
			}
		}
	}
	return "", false
}

// contains is the even-odd rule.
func contains(poly Polygon, p Point) bool {
	in := false
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		a, b := poly[i], poly[j]
		if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
			in = !in
		}
	}
	return in
}

// ShapeOf returns a region's shape in the caller's units.
func (f Figure) ShapeOf(id store.RegionID) (Shape, bool) {
	for _, s := range f.Shapes() {
		if s.Region == id {
			return s, true
		}
	}
	return Shape{}, false
}
