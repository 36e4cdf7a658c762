package insight

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
)

// Interval is a 95 % interval and how it was found.
type Interval struct {
	Low, High float64
	Method    string // IntervalBootstrap or IntervalNormal
}

// The methods an interval is found by.
const (
	// IntervalBootstrap: the percentile bootstrap (Efron & Tibshirani
	// 1993), each side resampled on its own, Resamples times, from a seed
	// fixed by the side's own values, so the same record always prints the
	// same interval and swapping the sides flips it exactly.
	IntervalBootstrap = "percentile bootstrap, 2,000 resamples"
	// IntervalNormal: beyond BootstrapUpTo visits the bootstrap's
	// distribution is the normal one it tends to, so the interval is
	// taken from it directly (the bootstrap's own standard error) at a
	// thousandth of the cost.
	IntervalNormal = "normal approximation to the bootstrap"
)

// Resamples is the number of bootstrap resamples: enough for the 2.5th
// and 97.5th percentiles to move by less than the printed precision.
const Resamples = 2000

// BootstrapUpTo is the number of visits (both sides together) up to which
// intervals are bootstrapped; a record of a few dozen visits is where the
// small-sample method matters, and a 500-visit record stays within a frame.
const BootstrapUpTo = 120

// z975 is the normal distribution's 97.5th percentile.
const z975 = 1.959963984540054

// Excludes reports whether the interval leaves out v.
func (iv Interval) Excludes(v float64) bool { return iv.Low > v || iv.High < v }

// meanDifference is mean(a) − mean(b) with its 95 % interval.
func meanDifference(a, b []float64) (float64, Interval) {
	d := mean(a) - mean(b)
	if len(a) == 0 || len(b) == 0 {
		return d, Interval{Low: math.Inf(-1), High: math.Inf(1)}
	}
	if len(a)+len(b) > BootstrapUpTo {
		se := math.Sqrt(plugInVariance(a)/float64(len(a)) + plugInVariance(b)/float64(len(b)))
		return d, Interval{Low: d - z975*se, High: d + z975*se, Method: IntervalNormal}
	}
	ra, rb := resampler(a), resampler(b)
	stats := make([]float64, Resamples)
	for i := range stats {
		stats[i] = ra.mean() - rb.mean()
	}
	return d, percentile(stats)
}

// percentile is the 2.5th and 97.5th percentiles of the resampled
// statistics (the type 7 quantile, interpolated).
func percentile(stats []float64) Interval {
	slices.Sort(stats)
	return Interval{Low: quantile(stats, 0.025), High: quantile(stats, 0.975), Method: IntervalBootstrap}
}

func quantile(sorted []float64, p float64) float64 {
	h := p * float64(len(sorted)-1)
	lo := int(math.Floor(h))
	if lo+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// sideResampler draws one side's bootstrap resamples from its own stream.
type sideResampler struct {
	values []float64
	rng    *rand.Rand
	buf    []float64
}

// resampler seeds a side's stream from its values: reproducible, and the
// same side draws the same resamples whichever side it is compared with.
func resampler(values []float64) *sideResampler {
	h := fnv.New64a()
	var b [8]byte
	for _, v := range values {
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(v))
		h.Write(b[:])
	}
	seed := h.Sum64()
	return &sideResampler{values: values, rng: rand.New(rand.NewPCG(seed, 0x6261636b74726163)),
		buf: make([]float64, len(values))}
}

func (r *sideResampler) mean() float64 {
	sum := 0.0
	for range r.values {
		sum += r.values[r.rng.IntN(len(r.values))]
	}
	return sum / float64(len(r.values))
}

// sample fills and returns the resampler's buffer with one resample.
func (r *sideResampler) sample() []float64 {
	for i := range r.buf {
		r.buf[i] = r.values[r.rng.IntN(len(r.values))]
	}
	return r.buf
}

func mean(v []float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, x := range v {
		sum += x
	}
	return sum / float64(len(v))
}

// plugInVariance divides by n, as the bootstrap's own variance does.
func plugInVariance(v []float64) float64 {
	m := mean(v)
	sum := 0.0
	for _, x := range v {
		sum += (x - m) * (x - m)
	}
	return sum / float64(len(v))
}
