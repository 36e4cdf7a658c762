// Package bodymap is the body chart's geometry: the figure's front and back
// views as polygons, the named regions on them, which region is under a
// point at any size, the symbol and colour of each pain type, the legend and
// the heat-map shading. The Fyne widget (ui/bodychart) and the PDF report both
// draw from it, as they share report/chart for the pain chart. It imports
// the domain alone: no Fyne, no gofpdf, no database.
package bodymap

import "backtrack/store"

// Point is a position in figure units (or, after Layout, in the caller's).
type Point struct{ X, Y float64 }

// Polygon is a closed outline.
type Polygon []Point

// The figure is drawn in design units: each view 100 wide and 232 tall, the
// client's midline at x = 50. The back view shows the client's left on the
// viewer's left; the front view mirrors it, as a physician facing the
// client sees.
const (
	viewW   = 100.0
	viewH   = 232.0
	viewGap = 14.0
	titleH  = 12.0
	designW = 2*viewW + viewGap
	designH = titleH + viewH
)

// halfOutline is the viewer's left half of the silhouette, from the crown
// of the neck round the arm and the leg to the crotch.
var halfOutline = []Point{
	{45, 24}, {45, 31}, {36, 33}, {28, 35}, {24, 38}, {21, 46}, {18, 62}, {15, 78}, {12, 100},
	{10, 118}, {9, 124}, {10, 131}, {13, 134}, {16, 132}, {18, 124}, {19, 118}, {22, 98}, {24, 80},
	{27, 64}, {31, 50}, {33, 66}, {35, 84}, {34, 96}, {31, 106}, {29.5, 118}, {30, 127}, {32, 145},
	{35, 165}, {36, 175}, {36.5, 182}, {37, 195}, {39, 210}, {38, 216}, {35, 224}, {37, 227},
	{46, 227}, {47, 220}, {46.5, 212}, {48, 195}, {47.5, 181}, {48, 166}, {49, 140}, {50, 127},
}

// head is the head's outline: an ellipse of 24 points.
var head = ellipse(Point{50, 14}, 9, 11, 24)

// silhouette is the whole body's outline, the same for both views.
var silhouette = func() Polygon {
	out := Polygon(append([]Point(nil), halfOutline...))
	for i := len(halfOutline) - 2; i >= 0; i-- {
		out = append(out, mirror(halfOutline[i]))
	}
	return out
}()

// regionShape is a region's outline on the viewer's left half (mirrored for
// the other side), or on the midline.
type regionShape struct {
	base    string // the region identifier without its side
	polys   []Polygon
	centre  Point
	midline bool
}

// backShapes: the back view, viewer's left = the client's left.
var backShapes = []regionShape{
	{base: "neck", midline: true, polys: []Polygon{{{45, 24}, {55, 24}, {55, 32}, {45, 32}}}, centre: Point{50, 28}},
	{base: "shoulder", polys: []Polygon{{{28, 35}, {45, 32}, {45, 46}, {31, 49}}}, centre: Point{37, 40}},
	{base: "upper-back", polys: []Polygon{{{31, 49}, {45, 46}, {50, 46}, {50, 78}, {34.5, 78}, {33, 66}}}, centre: Point{41, 62}},
	{base: "lumbar", polys: []Polygon{{{34.5, 78}, {45, 78}, {45, 96}, {34, 96}, {35, 84}}}, centre: Point{40, 87}},
	{base: "lumbar-c", midline: true, polys: []Polygon{{{45, 78}, {55, 78}, {55, 96}, {45, 96}}}, centre: Point{50, 87}},
	{base: "iliac-crest", polys: []Polygon{{{34, 96}, {44, 96}, {43, 102}, {32.5, 103.5}}}, centre: Point{38.5, 99.5}},
	{base: "sacroiliac", polys: []Polygon{{{44, 96}, {46.5, 96}, {47, 111}, {43, 109}, {43, 102}}}, centre: Point{45, 103}},
	{base: "sacral", midline: true, polys: []Polygon{{{46.5, 96}, {53.5, 96}, {53, 111}, {50, 118}, {47, 111}}}, centre: Point{50, 104}},
	{base: "hip-lateral", polys: []Polygon{{{32.5, 103.5}, {36, 103}, {35.5, 129}, {30, 127}, {29.5, 118}, {31, 106}}}, centre: Point{33, 116}},
	{base: "gluteal-upper", polys: []Polygon{{{36, 103}, {43, 102}, {43, 109}, {47, 111}, {48, 116}, {35.8, 116}}}, centre: Point{41, 110}},
	{base: "gluteal-lower", polys: []Polygon{{{35.8, 116}, {48, 116}, {50, 119}, {50, 127}, {48.8, 131}, {35.5, 131}}}, centre: Point{42, 123}},
	{base: "thigh-lateral", polys: []Polygon{{{30, 127}, {35.5, 129}, {35.5, 131}, {38.5, 166}, {35, 165}, {32, 145}}}, centre: Point{34.5, 146}},
	{base: "thigh-posterior", polys: []Polygon{{{35.5, 131}, {48.8, 131}, {49, 140}, {48, 166}, {38.5, 166}}}, centre: Point{43, 148}},
	{base: "calf", polys: []Polygon{{{36.6, 182}, {47.5, 181}, {48, 195}, {46.8, 210}, {39, 210}, {37, 195}}}, centre: Point{42.5, 195}},
}

// frontShapes: the front view, viewer's left = the client's right.
var frontShapes = []regionShape{
	{base: "head", midline: true, polys: []Polygon{head}, centre: Point{50, 14}},
	{base: "chest", polys: []Polygon{{{28, 35}, {45, 32}, {50, 33}, {50, 66}, {33, 66}, {31, 50}}}, centre: Point{40, 49}},
	{base: "abdomen", midline: true, polys: []Polygon{{{33, 66}, {67, 66}, {65, 84}, {66, 100}, {34, 100}, {35, 84}}}, centre: Point{50, 83}},
	{base: "arm", polys: []Polygon{
		{{28, 35}, {31, 50}, {27, 64}, {24, 80}, {15, 78}, {18, 62}, {21, 46}, {24, 38}},
		{{15, 78}, {24, 80}, {22, 98}, {19, 118}, {10, 118}, {12, 100}},
		{{10, 118}, {19, 118}, {18, 124}, {16, 132}, {13, 134}, {10, 131}, {9, 124}},
	}, centre: Point{21, 62}},
	{base: "groin", polys: []Polygon{{{34, 100}, {50, 100}, {50, 126}, {31, 107}}}, centre: Point{42, 107}},
	{base: "thigh-anterior", polys: []Polygon{{{31, 107}, {50, 126}, {49, 140}, {48, 166}, {35, 165}, {32, 145}, {30, 127}, {29.5, 118}}}, centre: Point{40, 142}},
	{base: "knee", polys: []Polygon{{{35, 165}, {48, 166}, {47.5, 181}, {36.5, 182}, {36, 175}}}, centre: Point{42, 173}},
	{base: "shin", polys: []Polygon{{{36.5, 182}, {47.5, 181}, {48, 195}, {46.5, 212}, {39, 210}, {37, 195}}}, centre: Point{42.5, 196}},
	{base: "foot", polys: []Polygon{{{39, 210}, {46.5, 212}, {47, 220}, {46, 227}, {37, 227}, {35, 224}, {38, 216}}}, centre: Point{41.5, 220}},
}

func mirror(p Point) Point { return Point{viewW - p.X, p.Y} }

func ellipse(c Point, rx, ry float64, n int) Polygon {
	out := make(Polygon, n)
	for i := range out {
		a := 2 * 3.141592653589793 * float64(i) / float64(n)
		out[i] = Point{c.X + rx*cos(a), c.Y + ry*sin(a)}
	}
	return out
}

// Shape is one region as the figure draws it, in design units.
type Shape struct {
	Region store.RegionID
	Back   bool
	Polys  []Polygon
	Centre Point // where the region's symbol sits; inside the region
}

// shapes lists every region's shape, in design units of the whole figure.
var shapes = func() []Shape {
	var out []Shape
	for _, view := range []struct {
		back   bool
		list   []regionShape
		leftIs string // the client's side drawn on the viewer's left
	}{{true, backShapes, "l"}, {false, frontShapes, "r"}} {
		dx := viewW + viewGap
		if view.back {
			dx = 0
		}
		place := func(polys []Polygon, c Point, flip bool) ([]Polygon, Point) {
			var ps []Polygon
			for _, p := range polys {
				q := make(Polygon, len(p))
				for i, pt := range p {
					if flip {
						pt = mirror(pt)
					}
					q[i] = Point{pt.X + dx, pt.Y + titleH}
				}
				ps = append(ps, q)
			}
			if flip {
				c = mirror(c)
			}
			return ps, Point{c.X + dx, c.Y + titleH}
		}
		other := map[string]string{"l": "r", "r": "l"}[view.leftIs]
		for _, rs := range view.list {
			if rs.midline {
				ps, c := place(rs.polys, rs.centre, false)
				out = append(out, Shape{Region: store.RegionID(rs.base), Back: view.back, Polys: ps, Centre: c})
				continue
			}
			ps, c := place(rs.polys, rs.centre, false)
			out = append(out, Shape{Region: store.RegionID(rs.base + "-" + view.leftIs), Back: view.back, Polys: ps, Centre: c})
			ps, c = place(rs.polys, rs.centre, true)
			out = append(out, Shape{Region: store.RegionID(rs.base + "-" + other), Back: view.back, Polys: ps, Centre: c})
		}
	}
	return out
}()
