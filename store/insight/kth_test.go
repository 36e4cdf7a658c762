package insight

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestKthIsTheSortedOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 3, 10, 101, 1000} {
		for _, spread := range []int{1, 3, 1000} { // ties, and none
			v := make([]float64, n)
			for i := range v {
				v[i] = float64(rng.IntN(spread))
			}
			sorted := slices.Clone(v)
			slices.Sort(sorted)
			for _, k := range []int{0, n / 3, n / 2, n - 1} {
				if got := kth(slices.Clone(v), k); got != sorted[k] {
					t.Errorf("n %d spread %d: kth %d = %v, want %v", n, spread, k, got, sorted[k])
				}
			}
			if got, want := kthQuantile(slices.Clone(v), 0.5), quantile(sorted, 0.5); got != want {
				t.Errorf("n %d: median %v, want %v", n, got, want)
			}
		}
	}
}

// Counting whole-number slopes finds the same order statistics as listing
// them.
func TestCountedSlopesAreTheListedOnes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{2, 3, 7, 40, 300} {
		x, y := make([]float64, n), make([]float64, n)
		var slopes []float64
		for i := range n {
			x[i], y[i] = float64(i+1+i/5), float64(rng.IntN(11))
		}
		for i := range n {
			for j := i + 1; j < n; j++ {
				slopes = append(slopes, (y[j]-y[i])/(x[j]-x[i]))
			}
		}
		slices.Sort(slopes)
		sc := countSlopes(x, y)
		for _, k := range []int{0, len(slopes) / 4, len(slopes) / 2, len(slopes) - 1} {
			if got := sc.kth(k); got != slopes[k] {
				t.Errorf("n %d: slope %d counted %v, listed %v", n, k, got, slopes[k])
			}
		}
		if got, want := sc.quantile(0.5), quantile(slopes, 0.5); got != want {
			t.Errorf("n %d: median counted %v, listed %v", n, got, want)
		}
	}
}
