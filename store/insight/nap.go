package insight

import "math"

// nap is the non-overlap of all pairs (Parker & Vannest 2009): of every
// pair of a first visit and a latest one, the share where the latest is
// better, ties counting half. 0.5 is no change, 1 every latest visit better
// than every first one. It is the Mann–Whitney U over n₁·n₂ (the area
// under the ROC curve), which gives its standard error beyond the
// bootstrap (Hanley & McNeil 1982).
func nap(first, latest []float64, higherIsBetter bool) float64 {
	if len(first) == 0 || len(latest) == 0 {
		return math.NaN()
	}
	score := 0.0
	for _, a := range first {
		for _, b := range latest {
			switch {
			case a == b:
				score += 0.5
			case (b > a) == higherIsBetter:
				score++
			}
		}
	}
	return score / float64(len(first)*len(latest))
}

// napInterval is NAP with its 95 % interval, clipped to 0-1.
func napInterval(first, latest []float64, higherIsBetter bool) (float64, Interval) {
	v := nap(first, latest, higherIsBetter)
	var iv Interval
	if len(first)+len(latest) > BootstrapUpTo {
		n1, n2 := float64(len(first)), float64(len(latest))
		q1, q2 := v/(2-v), 2*v*v/(1+v)
		se := math.Sqrt((v*(1-v) + (n1-1)*(q1-v*v) + (n2-1)*(q2-v*v)) / (n1 * n2))
		iv = Interval{Low: v - z975*se, High: v + z975*se, Method: IntervalNormal}
	} else {
		rf, rl := resampler(first), resampler(latest)
		stats := make([]float64, Resamples)
		for i := range stats {
			stats[i] = nap(rf.sample(), rl.sample(), higherIsBetter)
		}
		iv = percentile(stats)
	}
	iv.Low, iv.High = math.Max(0, iv.Low), math.Min(1, iv.High)
	return v, iv
}
