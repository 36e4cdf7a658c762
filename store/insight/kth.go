package insight

// kth is the k-th smallest of v (0-based), found by quickselect (Hoare
// 1961) in linear time on average: a 500-visit record has 124,750
// pairwise slopes, and sorting them all would take most of a frame. v is
// reordered.
func kth(v []float64, k int) float64 {
	lo, hi := 0, len(v)-1
	for lo < hi {
		// the median of three as the pivot: sorted or constant runs stay linear
		mid := lo + (hi-lo)/2
		if v[mid] < v[lo] {
			v[mid], v[lo] = v[lo], v[mid]
		}
		if v[hi] < v[lo] {
			v[hi], v[lo] = v[lo], v[hi]
		}
		if v[hi] < v[mid] {
			v[hi], v[mid] = v[mid], v[hi]
		}
		pivot := v[mid]
		i, j := lo, hi
		for i <= j {
			for v[i] < pivot {
				i++
			}
			for v[j] > pivot {
				j--
			}
			if i <= j {
				v[i], v[j] = v[j], v[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return v[k]
		}
	}
	return v[k]
}

// kthQuantile is the type 7 quantile p of v, as quantile of the sorted v.
func kthQuantile(v []float64, p float64) float64 {
	h := p * float64(len(v)-1)
	lo := int(h)
	a := kth(v, lo)
	if lo+1 >= len(v) || h == float64(lo) {
		return a
	}
	return a + (h-float64(lo))*(kth(v, lo+1)-a)
}
