package bodymap

import "backtrack/store"

// Muscles treated are drawn as outlines over the regions, so where it hurt
// and what was worked are seen together. The built-in muscles have an
// outline each (design units, viewer's left half of the back or front
// view); a muscle the therapist added has none and is listed in words.
var muscleOutlines = map[string]struct {
	back bool
	poly Polygon
}{
	"quadratus lumborum": {true, Polygon{{37, 79}, {44, 78}, {44.5, 96}, {36, 99}}},
	"gluteus medius":     {true, Polygon{{33, 104}, {41, 100}, {44, 104}, {42, 112}, {33, 114}}},
	"erector spinae":     {true, Polygon{{45, 40}, {48.5, 40}, {48.5, 100}, {45, 100}, {43.5, 70}}},
	"piriformis":         {true, Polygon{{46, 108}, {47, 111}, {35, 117}, {33.5, 115}}},
	"hamstrings":         {true, Polygon{{37, 133}, {47, 132}, {46.5, 166}, {40, 166}}},
	"iliopsoas":          {false, Polygon{{42, 84}, {46, 84}, {47, 100}, {45, 124}, {40, 121}, {42, 100}}},
}

// MuscleOutline is a muscle's outline on one side, in the caller's units.
type MuscleOutline struct {
	Muscle store.Tag
	Poly   Polygon
}

// MuscleOutlines returns the outlines of the muscles treated, on the side
// (or sides) treated; muscles without an outline are left out (HasOutline).
func (f Figure) MuscleOutlines(muscles []store.Tag) []MuscleOutline {
	var out []MuscleOutline
	for _, m := range muscles {
		o, ok := muscleOutlines[store.Fold(m.Name)]
		if !ok {
			continue
		}
		dx := viewW + viewGap
		leftIs := store.Right // the front view's viewer-left is the client's right
		if o.back {
			dx, leftIs = 0, store.Left
		}
		for _, flip := range []bool{false, true} {
			side := leftIs
			if flip {
				side = map[store.Side]store.Side{store.Left: store.Right, store.Right: store.Left}[leftIs]
			}
			if m.Side != store.Both && m.Side != store.NoSide && m.Side != side {
				continue
			}
			p := make(Polygon, len(o.poly))
			for i, pt := range o.poly {
				if flip {
					pt = mirror(pt)
				}
				p[i] = f.At(Point{pt.X + dx, pt.Y + titleH})
			}
			out = append(out, MuscleOutline{Muscle: m, Poly: p})
		}
	}
	return out
}

// HasOutline reports whether the figure can draw a muscle.
func HasOutline(muscle store.Tag) bool {
	_, ok := muscleOutlines[store.Fold(muscle.Name)]
	return ok
}
