package exercisefig

import "math"

// render is one pose's shapes, in design units, standing on the floor (y
// 0) or on its mat; from above the mat is drawn round the figure instead.
func (p Pose) render() []Shape {
	f := p.build()
	lift := -f.lowest()
	if p.Props.Mat && p.View != Above {
		lift += matThick
	}
	var chairSeat float64
	if p.Props.Chair {
		// the feet are on the floor; the seat is under the pelvis
		lift = -math.Min(f.feet[0].Y-1.8, f.feet[1].Y-1.8)
		lift = math.Max(lift, -(f.joints[NearAnkle].Y - 2.6))
		chairSeat = f.joints[Pelvis].Y + lift - 7.5
	}
	up := Point{0, lift}
	var out []Shape
	move := func(pts []Point) []Point {
		for i := range pts {
			pts[i] = pts[i].add(up)
		}
		return pts
	}
	body := func(parts []capsule, fill RGB) {
		for _, c := range parts {
			out = append(out, Shape{move(c.hull(outlineW)), inkFill})
		}
		for _, c := range parts {
			out = append(out, Shape{move(c.hull(0)), fill})
		}
	}
	switch {
	case p.View == Above && p.Props.Mat:
		out = append(out, matFromAbove(f, up)...)
	case p.Props.Mat:
		lo, hi := bounds(f)
		out = append(out, Shape{rect(lo.X-3, 0, hi.X+3, matThick+0.5), floorInk},
			Shape{rect(lo.X-2.5, 0, hi.X+2.5, matThick), matFill})
	}
	if p.Props.Chair {
		out = append(out, chair(p.View, f.joints[Pelvis].add(up), chairSeat)...)
	}
	farColour := farFill
	if p.View != Side {
		farColour = nearFill
	}
	body(f.far, farColour)
	torso := append(append([]capsule(nil), f.body...), capsule{f.head, f.head, headR, headR})
	if f.nose != nil {
		torso = append(torso, capsule{*f.nose, *f.nose, 1.6, 1.6})
	}
	if !p.HeadOnTop {
		body(torso, nearFill)
	} else {
		body(f.body, nearFill)
	}
	if p.Props.Towel {
		out = append(out, Shape{move(capsule{f.hands[0], f.feet[0], 0.9, 0.9}.hull(0)), towelInk})
	}
	if p.Props.Cushion {
		k := f.joints[NearKnee].add(up)
		c := ellipse(Point{k.X, 1.8}, 7, 1.8, 20)
		out = append([]Shape{{c, propFill}}, out...)
	}
	body(f.near, nearFill)
	if p.HeadOnTop {
		body(torso[len(f.body):], nearFill)
	}
	for _, a := range p.Arrows {
		out = append(out, a.shapes(f.joints[a.At].add(up))...)
	}
	return out
}

const matThick = 2.0

func ellipse(c Point, rx, ry float64, n int) []Point {
	out := make([]Point, n)
	for i := range out {
		d := dir(360 * float64(i) / float64(n))
		out[i] = Point{c.X + d.X*rx, c.Y + d.Y*ry}
	}
	return out
}

func rect(x0, y0, x1, y1 float64) []Point {
	return []Point{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}
}

// matFromAbove is the mat as the ceiling sees it: a rounded band round the
// figure's length.
func matFromAbove(f posed, up Point) []Shape {
	lo, hi := bounds(f)
	lo, hi = lo.add(up), hi.add(up)
	band := rect(lo.X-6, lo.Y-5, hi.X+6, hi.Y+5)
	rim := rect(lo.X-6.8, lo.Y-5.8, hi.X+6.8, hi.Y+5.8)
	return []Shape{{rim, floorInk}, {band, matFill}}
}

func bounds(f posed) (lo, hi Point) {
	lo, hi = Point{math.Inf(1), math.Inf(1)}, Point{math.Inf(-1), math.Inf(-1)}
	for _, group := range [][]capsule{f.far, f.body, f.near, {{f.head, f.head, headR, headR}}} {
		for _, c := range group {
			for _, e := range []struct {
				p Point
				r float64
			}{{c.a, c.ra}, {c.b, c.rb}} {
				lo = Point{math.Min(lo.X, e.p.X-e.r), math.Min(lo.Y, e.p.Y-e.r)}
				hi = Point{math.Max(hi.X, e.p.X+e.r), math.Max(hi.Y, e.p.Y+e.r)}
			}
		}
	}
	return lo, hi
}

// chair is a plain kitchen chair under the pelvis: seat, legs and back
// (behind the body, so it is drawn first).
func chair(v View, pelvis Point, seat float64) []Shape {
	const t = 1.6
	var out []Shape
	if v == Side {
		// facing right: the back rises behind the pelvis
		x0, x1 := pelvis.X-11, pelvis.X+9
		out = append(out,
			Shape{rect(x0, seat-2.2, x1, seat), propFill},
			Shape{rect(x0, 0, x0+t, seat), propFill},
			Shape{rect(x1-t, 0, x1, seat), propFill},
			Shape{rect(x0, seat, x0+t, seat+30), propFill})
		return out
	}
	x0, x1 := pelvis.X-15, pelvis.X+15
	return append(out,
		Shape{rect(x0+1, seat, x0+1+t, seat+30), propFill},
		Shape{rect(x1-1-t, seat, x1-1, seat+30), propFill},
		Shape{rect(x0+1, seat+22, x1-1, seat+27), propFill},
		Shape{rect(x0, seat-2.2, x1, seat), propFill},
		Shape{rect(x0+1, 0, x0+1+t, seat), propFill},
		Shape{rect(x1-1-t, 0, x1-1, seat), propFill})
}

// shapes is the arrow: a shaft with a head, rimmed in white.
func (a Arrow) shapes(at Point) []Shape {
	at = at.add(a.Offset)
	var path []Point
	if a.R > 0 {
		n := 16
		for i := 0; i <= n; i++ {
			d := a.From + (a.To-a.From)*float64(i)/float64(n)
			path = append(path, at.add(dir(d).scale(a.R)))
		}
	} else {
		path = []Point{at, at.add(a.To2)}
	}
	return arrowAlong(path)
}

// arrowAlong draws a shaft along path ending in a head at its last point.
func arrowAlong(path []Point) []Shape {
	const shaft, headLen, headHalf, rim = 1.0, 5.0, 3.2, 1.0
	end := path[len(path)-1]
	prev := path[len(path)-2]
	d := Point{end.X - prev.X, end.Y - prev.Y}
	l := math.Hypot(d.X, d.Y)
	d = d.scale(1 / l)
	n := Point{-d.Y, d.X}
	// stop the shaft where the head begins
	base := end.add(d.scale(-headLen))
	trimmed := []Point{path[0]}
	for _, p := range path[1 : len(path)-1] {
		if (p.X-base.X)*d.X+(p.Y-base.Y)*d.Y < 0 {
			trimmed = append(trimmed, p)
		}
	}
	trimmed = append(trimmed, base)
	head := func(grow float64) []Point {
		return []Point{end.add(d.scale(grow * 1.8)), base.add(n.scale(headHalf + grow)).add(d.scale(-grow)),
			base.add(n.scale(-headHalf - grow)).add(d.scale(-grow))}
	}
	var out []Shape
	for _, layer := range []struct {
		grow float64
		fill RGB
	}{{rim, rimFill}, {0, arrowInk}} {
		for i := 1; i < len(trimmed); i++ {
			out = append(out, Shape{capsule{trimmed[i-1], trimmed[i], shaft + layer.grow, shaft + layer.grow}.hull(0), layer.fill})
		}
		out = append(out, Shape{head(layer.grow), layer.fill})
	}
	return out
}
