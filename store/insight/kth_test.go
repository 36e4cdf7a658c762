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
