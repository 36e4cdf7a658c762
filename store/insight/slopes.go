package insight

import (
	"cmp"
	"math"
	"slices"
)

// slopeCounts holds the pairwise slopes of whole-number points (pain
// scores visit by visit) as counts of each distinct rise over run: a
// 500-visit record has 124,750 slopes but a few thousand distinct ones, so
// their order statistics come from a sort of those, not of them all.
type slopeCounts struct {
	values []float64 // distinct slopes, ascending
	cum    []int     // cum[i]: slopes ≤ values[i]
}

// wholeNumbers reports whether every value is a whole number of modest
// size, so rise and run can index counts.
func wholeNumbers(v []float64) bool {
	for _, x := range v {
		if x != math.Trunc(x) || math.Abs(x) > 1e6 {
			return false
		}
	}
	return true
}

// countSlopes counts the slopes of points with whole-number x (strictly
// increasing) and y.
func countSlopes(x, y []float64) slopeCounts {
	lo, hi := slices.Min(y), slices.Max(y)
	rises, runs := 2*int(hi-lo)+1, int(x[len(x)-1]-x[0])+1
	counts := make([]int, rises*runs) // [rise + (hi − lo)][run]
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			counts[(int(y[j]-y[i])+int(hi-lo))*runs+int(x[j]-x[i])]++
		}
	}
	type slope struct {
		v float64
		n int
	}
	var list []slope
	for i, n := range counts {
		if n > 0 {
			rise, run := i/runs-int(hi-lo), i%runs
			list = append(list, slope{float64(rise) / float64(run), n})
		}
	}
	slices.SortFunc(list, func(a, b slope) int { return cmp.Compare(a.v, b.v) })
	var sc slopeCounts
	total := 0
	for _, s := range list {
		total += s.n
		if k := len(sc.values); k > 0 && sc.values[k-1] == s.v {
			sc.cum[k-1] = total // 2/4 and 1/2 are one slope
			continue
		}
		sc.values = append(sc.values, s.v)
		sc.cum = append(sc.cum, total)
	}
	return sc
}

// kth is the k-th smallest slope (0-based).
func (sc slopeCounts) kth(k int) float64 {
	i, _ := slices.BinarySearch(sc.cum, k+1)
	return sc.values[i]
}

// quantile is the type 7 quantile p of the slopes.
func (sc slopeCounts) quantile(p float64) float64 {
	n := sc.cum[len(sc.cum)-1]
	h := p * float64(n-1)
	lo := int(h)
	a := sc.kth(lo)
	if lo+1 >= n || h == float64(lo) {
		return a
	}
	return a + (h-float64(lo))*(sc.kth(lo+1)-a)
}
