package chart

import (
	"math"
	"sort"
)

// Nearest is the index in Visits of the visit a pointer at (x, y) means: the closest by date within
// reach horizontally, and where visits share a date, the one whose marker is
// closest vertically. Matching by date first lets a therapist hover anywhere
// above or below a visit, which matters when markers are small or the chart
// is dense.
func (c Chart) Nearest(x, y, reach float64) (int, bool) {
	first := sort.Search(len(c.Visits), func(i int) bool { return c.Visits[i].X >= x-reach })
	best, bestDX, bestDY := -1, math.Inf(1), math.Inf(1)
	for i := first; i < len(c.Visits) && c.Visits[i].X <= x+reach; i++ {
		v := c.Visits[i]
		dy := v.verticalDistance(y)
		if math.IsInf(dy, 1) {
			continue // nothing recorded to point at
		}
		dx := math.Abs(v.X - x)
		if dx < bestDX-1e-9 || (math.Abs(dx-bestDX) <= 1e-9 && dy < bestDY) {
			best, bestDX, bestDY = i, dx, dy
		}
	}
	return best, best >= 0
}

func (v Visit) verticalDistance(y float64) float64 {
	d := math.Inf(1)
	if v.Before.Recorded {
		d = math.Abs(v.BeforeY - y)
	}
	if v.After.Recorded {
		d = math.Min(d, math.Abs(v.AfterY-y))
	}
	return d
}
