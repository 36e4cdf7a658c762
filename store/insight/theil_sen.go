package insight

import (
	"math"
	"slices"
)

// Line is a Theil–Sen line (Theil 1950; Sen 1968): the median of the
// slopes between every pair of points, and the median intercept through
// it (Conover 1980), robust to a bad day as a least-squares line is not.
type Line struct {
	Slope     float64
	Intercept float64
	Interval  Interval // Sen's distribution-free interval for the slope
	// Bounded is false when there are too few points for Sen's interval
	// to have both ends: no claim then, whatever the slope.
	Bounded bool
}

// IntervalSen is Sen's interval: the order statistics of the pairwise
// slopes that Kendall's S (ties in y accounted for) puts 95 % between.
const IntervalSen = "Sen's distribution-free interval (Kendall's S)"

// At is the line's value at x.
func (l Line) At(x float64) float64 { return l.Intercept + l.Slope*x }

// theilSen fits the line to points with distinct-enough x; pairs at the
// same x give no slope.
func theilSen(x, y []float64) Line {
	n := len(x)
	// order statistics of the pairwise slopes: counted when the points are
	// whole numbers in visit order (pain, visit by visit), else listed
	var count int
	var kthSlope func(k int) float64
	var medianSlope func() float64
	if n > 1 && ordered(x) && wholeNumbers(x) && wholeNumbers(y) && (x[n-1]-x[0])*(slices.Max(y)-slices.Min(y)) <= 1e6 {
		sc := countSlopes(x, y)
		count, kthSlope, medianSlope = n*(n-1)/2, sc.kth, func() float64 { return sc.quantile(0.5) }
	} else {
		slopes := make([]float64, 0, n*(n-1)/2)
		for i := range n {
			for j := i + 1; j < n; j++ {
				if x[j] != x[i] {
					slopes = append(slopes, (y[j]-y[i])/(x[j]-x[i]))
				}
			}
		}
		count = len(slopes)
		kthSlope = func(k int) float64 { return kth(slopes, k) }
		medianSlope = func() float64 { return kthQuantile(slopes, 0.5) }
	}
	if count == 0 {
		return Line{Intercept: median(slices.Clone(y))}
	}
	l := Line{Slope: medianSlope()}
	resid := make([]float64, n)
	for i := range n {
		resid[i] = y[i] - l.Slope*x[i]
	}
	l.Intercept = median(resid)
	// Var(S) with the correction for tied y (Kendall 1975); Sen's ranks
	// M1 = (N − C)/2 and M2 = (N + C)/2 + 1, 1-based.
	varS := float64(n*(n-1)*(2*n+5)) / 18
	ties := map[float64]int{}
	for _, v := range y {
		ties[v]++
	}
	for _, t := range ties {
		varS -= float64(t*(t-1)*(2*t+5)) / 18
	}
	c := z975 * math.Sqrt(math.Max(varS, 0))
	N := float64(count)
	m1 := int(math.Floor((N - c) / 2))
	m2 := int(math.Ceil((N+c)/2)) + 1
	l.Interval = Interval{Low: math.Inf(-1), High: math.Inf(1), Method: IntervalSen}
	if m1 >= 1 && m2 <= count {
		l.Interval.Low, l.Interval.High = kthSlope(m1-1), kthSlope(m2-1)
		l.Bounded = true
	}
	return l
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	slices.Sort(v)
	return quantile(v, 0.5)
}

// ordered reports whether x strictly increases.
func ordered(x []float64) bool {
	for i := 1; i < len(x); i++ {
		if x[i] <= x[i-1] {
			return false
		}
	}
	return true
}
