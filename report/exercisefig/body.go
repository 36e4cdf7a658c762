package exercisefig

import (
	"math"
	"slices"
)

// capsule is a limb: a tapered bar with round ends, from a (radius ra) to b
// (radius rb).
type capsule struct {
	a, b   Point
	ra, rb float64
}

// hull is the capsule's outline grown by grow: the convex hull of its two
// end circles.
func (c capsule) hull(grow float64) []Point {
	var pts []Point
	pts = append(pts, circle(c.a, c.ra+grow, 20)...)
	pts = append(pts, circle(c.b, c.rb+grow, 20)...)
	return convexHull(pts)
}

func circle(c Point, r float64, n int) []Point {
	out := make([]Point, n)
	for i := range out {
		out[i] = c.add(dir(360 * float64(i) / float64(n)).scale(r))
	}
	return out
}

// convexHull is Andrew's monotone chain, anticlockwise.
func convexHull(pts []Point) []Point {
	pts = slices.Clone(pts)
	slices.SortFunc(pts, func(a, b Point) int {
		if a.X != b.X {
			return cmpF(a.X, b.X)
		}
		return cmpF(a.Y, b.Y)
	})
	cross := func(o, a, b Point) float64 { return (a.X-o.X)*(b.Y-o.Y) - (a.Y-o.Y)*(b.X-o.X) }
	var h []Point
	for pass := 0; pass < 2; pass++ {
		start := len(h)
		for _, p := range pts {
			for len(h) >= start+2 && cross(h[len(h)-2], h[len(h)-1], p) <= 0 {
				h = h[:len(h)-1]
			}
			h = append(h, p)
		}
		h = h[:len(h)-1]
		slices.Reverse(pts)
	}
	return h
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// posed is a pose's joints and its body parts in layers, before grounding.
type posed struct {
	joints          [jointCount]Point
	far, body, near []capsule
	head            Point
	nose            *Point
	hands           [2]Point // near, far
	feet            [2]Point // near toe, far toe
}

// build places every segment from the pelvis at the origin.
func (p Pose) build() posed {
	var f posed
	pelvis := Point{}
	waist := pelvis.along(p.Lumbar, lumbarLen)
	shoulderC := waist.along(p.Chest, chestLen-2)
	neck := waist.along(p.Chest, chestLen)
	headC := neck.along(p.Head, neckLen+headR)
	f.head = headC
	if p.Face != NoFace {
		n := headC.add(dir(p.Face).scale(headR - 0.5))
		f.nose = &n
	}
	pelvisR, waistR, chestR := 7.0, 6.0, 7.5
	hipHalf, shoulderHalf := 0.0, 0.0
	if p.View != Side {
		pelvisR, waistR, chestR = 8.5, 7.0, 8.5
		hipHalf, shoulderHalf = 5.0, 9.5
	}
	f.body = []capsule{
		{pelvis, waist, pelvisR, waistR},
		{waist, shoulderC, waistR, chestR},
		{shoulderC, neck.along(p.Head, neckLen), 2.6, 2.6},
	}
	limbs := func(l Limbs, sign float64) (hip, knee, ankle, hand Point, parts []capsule, toe Point) {
		hip = pelvis.add(dir(p.Lumbar.Deg - 90*sign).scale(hipHalf))
		shoulder := shoulderC.add(dir(p.Chest.Deg - 90*sign).scale(shoulderHalf))
		knee = hip.along(l.Thigh, thighLen)
		ankle = knee.along(l.Shin, shinLen)
		heel := ankle.add(dir(l.Foot.Deg).scale(-1.5))
		toe = ankle.along(l.Foot, footLen)
		elbow := shoulder.along(l.UpperArm, upperArmLen)
		wrist := elbow.along(l.Forearm, forearmLen)
		handSeg := l.Hand
		if handSeg == (Seg{}) {
			handSeg = l.Forearm
		}
		hand = wrist.along(handSeg, handLen)
		parts = []capsule{
			{hip, knee, 5.6, 4.2}, {knee, ankle, 4.0, 2.6}, {heel, toe, 2.6, 1.8},
			{shoulder, elbow, 3.3, 2.7}, {elbow, wrist, 2.6, 2.0}, {wrist, hand, 2.2, 1.8},
		}
		return
	}
	nh, nk, na, nhand, nparts, ntoe := limbs(p.Near, 1)
	_, fk, fa, fhand, fparts, ftoe := limbs(p.Far, -1)
	// far limbs go behind the body (from the front, the picture's left)
	f.far, f.near = fparts, nparts
	f.hands = [2]Point{nhand, fhand}
	f.feet = [2]Point{ntoe, ftoe}
	f.joints = [jointCount]Point{Pelvis: pelvis, Waist: waist, Neck: neck, HeadCentre: headC,
		NearHip: nh, NearKnee: nk, NearAnkle: na, NearHand: nhand, FarKnee: fk, FarAnkle: fa, FarHand: fhand}
	return f
}

// lowest is the lowest point of the body's outline.
func (f posed) lowest() float64 {
	low := math.Inf(1)
	for _, group := range [][]capsule{f.far, f.body, f.near} {
		for _, c := range group {
			low = math.Min(low, math.Min(c.a.Y-c.ra, c.b.Y-c.rb))
		}
	}
	return math.Min(low, f.head.Y-headR)
}
