// Package exercisefig draws the home exercises: one figure posed from the
// angles of its body segments, with the floor, a mat or a chair, and arrows
// for the movement. It gives vector geometry only, filled polygons in the
// caller's units, which the handout (report/) and the screen (ui/) both
// draw, as report/bodymap does for the body chart. It imports the domain
// alone: no Fyne, no gofpdf.
package exercisefig

import "math"

// Point is a position: in design units (y up, the standing figure 100
// tall) inside the package, in the caller's units (y down) outside.
type Point struct{ X, Y float64 }

// RGB is a colour.
type RGB struct{ R, G, B uint8 }

// Shape is one filled polygon of a picture, drawn in order.
type Shape struct {
	Poly []Point
	Fill RGB
}

// The palette reads in grey as well as in colour: the near limbs, the far
// ones, the outline and the arrows are four distinct greys (a test says so),
// and the arrows carry a white rim so they stand off the body.
var (
	nearFill = RGB{128, 168, 214}
	farFill  = RGB{200, 216, 236}
	inkFill  = RGB{30, 40, 60}
	arrowInk = RGB{190, 40, 10}
	rimFill  = RGB{255, 255, 255}
	matFill  = RGB{234, 241, 228}
	propFill = RGB{150, 120, 90}
	towelInk = RGB{120, 80, 40}
	floorInk = RGB{120, 120, 120}
)

// View is the way the figure is seen.
type View int

// The views: from the side (the far limbs paler), from the front (limbs
// apart by the width of hips and shoulders), and from above (a front view
// lying on a mat seen from the ceiling: no floor line).
const (
	Side View = iota
	Front
	Above
)

// Limbs are one side's limb segments: the direction each points, in
// degrees anticlockwise from pointing right, and how much of its length
// shows (Fore: 1 when zero; less when it points towards or away from the
// viewer).
type Limbs struct {
	Thigh, Shin, Foot       Seg
	UpperArm, Forearm, Hand Seg
}

// Seg is one segment's direction and foreshortening. A hand left zero
// follows its forearm; give it with F to bend the wrist.
type Seg struct {
	Deg  float64
	Fore float64
}

// A is a segment in the picture's plane.
func A(deg float64) Seg { return Seg{Deg: deg} }

// F is a segment foreshortened to fore of its length.
func F(deg, fore float64) Seg { return Seg{Deg: deg, Fore: fore} }

func (s Seg) len(l float64) float64 {
	if s.Fore == 0 {
		return l
	}
	return l * s.Fore
}

// Pose is the figure in one position. Near limbs are drawn over the body,
// far ones behind it; from the front, near is the picture's right side.
type Pose struct {
	View                View
	Lumbar, Chest, Head Seg
	// Face is where the face looks (degrees), for the nose that shows it;
	// NoFace in views where the face is not in profile.
	Face      float64
	Near, Far Limbs
	Props     Props
	Arrows    []Arrow
	// HeadOnTop draws the head over the near arm (an arm reaching past
	// the face would hide it).
	HeadOnTop bool
}

// NoFace leaves the nose off.
const NoFace = 999

// Props are what the figure lies, sits or kneels on, and holds.
type Props struct {
	Mat     bool // a mat on the floor
	Chair   bool // seated on a chair, from the side or the front
	Towel   bool // a towel from the near hand to the near foot
	Cushion bool // a cushion under the near knee
}

// Joint names a point of the posed figure an arrow is placed from.
type Joint int

// The joints arrows are placed from.
const (
	Pelvis Joint = iota
	Waist
	Neck
	HeadCentre
	NearHip
	NearKnee
	NearAnkle
	NearHand
	FarKnee
	FarAnkle
	FarHand
	jointCount
)

// Arrow shows a movement: along an arc of radius R about a joint (plus
// Offset) from From to To degrees, or, with R zero, straight from the joint
// plus Offset to the joint plus To2.
type Arrow struct {
	At       Joint
	Offset   Point
	R        float64
	From, To float64
	To2      Point
}

// Segment lengths and thicknesses, for a figure 100 tall.
const (
	lumbarLen   = 13
	chestLen    = 17
	neckLen     = 4
	headR       = 6.5
	thighLen    = 24
	shinLen     = 23
	footLen     = 10
	upperArmLen = 16
	forearmLen  = 13
	handLen     = 6
	outlineW    = 1.1
)

func dir(deg float64) Point {
	r := deg * math.Pi / 180
	return Point{math.Cos(r), math.Sin(r)}
}

func (p Point) add(q Point) Point            { return Point{p.X + q.X, p.Y + q.Y} }
func (p Point) scale(k float64) Point        { return Point{p.X * k, p.Y * k} }
func (p Point) along(s Seg, l float64) Point { return p.add(dir(s.Deg).scale(s.len(l))) }
