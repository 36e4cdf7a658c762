package store

import (
	"fmt"
	"math"
	"strconv"
)

// ChangeRule is what makes a change from the baseline clinically important.
// Ostelo et al. (2008) ask for the measure's points AND, "when the baseline
// is taken into account", 30 % of the baseline: at a low baseline the points
// decide (ODI 10 → 6 is inside measurement error), at a high one the
// percentage does (NRS 9 → 7 is 22 %). A worsening is judged by the same
// rule the other way. Scores are rounded to the precision they are printed
// at before they are compared, and the change needed is rounded up to it,
// so the page never says "+2" beside "needs 2" for a change of 1.95.
type ChangeRule struct {
	Points   float64 // the measure's own important change
	Percent  float64 // of the baseline; 0 when the rule has none (PSFS)
	Decimals int     // scores are printed and compared at this precision
	Source   string  // the publication the rule comes from
}

// PainChangeRule is the rule for pain on the 0-10 NRS: 2 points and 30 %.
var PainChangeRule = ChangeRule{Points: 2, Percent: 30, Decimals: 0,
	Source: "Ostelo et al. 2008, Spine, and Farrar et al. 2001, Pain"}

// ChangeRule is the measure's rule: ODI 10 points and 30 %, RMDQ 5 points and
// 30 % (Ostelo et al. 2008); PSFS 2 points on the average (Stratford et al.
// 1995). ODI scores print to one decimal, PSFS averages to two (an average of
// three or four ratings is a third or a quarter).
func (k MeasureKind) ChangeRule() ChangeRule {
	switch k {
	case ODI:
		return ChangeRule{Points: 10, Percent: 30, Decimals: 1, Source: "Ostelo et al. 2008, Spine"}
	case RMDQ:
		return ChangeRule{Points: 5, Percent: 30, Decimals: 0, Source: "Ostelo et al. 2008, Spine"}
	}
	return ChangeRule{Points: 2, Decimals: 2, Source: "Stratford et al. 1995, Physiotherapy Canada"}
}

// Round is v at the rule's precision.
func (r ChangeRule) Round(v float64) float64 {
	scale := math.Pow(10, float64(r.Decimals))
	return math.Round(v*scale) / scale
}

// Format prints v at the rule's precision, without trailing zeros: "35.6",
// "4.25", "7".
func (r ChangeRule) Format(v float64) string {
	return strconv.FormatFloat(r.Round(v), 'f', -1, 64)
}

// Needed is the change from baseline that is clinically important, either
// way: the points or the percentage of the baseline, whichever is larger,
// rounded up to the printed precision.
func (r ChangeRule) Needed(baseline float64) float64 {
	need := r.Points
	if r.Percent > 0 {
		need = math.Max(need, r.Round(baseline)*r.Percent/100)
	}
	scale := math.Pow(10, float64(r.Decimals))
	return math.Ceil(need*scale-1e-9) / scale
}

// Direction is where a change from the baseline lands against the rule.
type Direction int

// The directions.
const (
	NoImportantChange Direction = iota
	ImportantImprovement
	ImportantWorsening
)

// Judge reads a change from baseline to latest. higherIsBetter is true for
// the PSFS; pain, the ODI and the RMDQ count what is wrong.
func (r ChangeRule) Judge(baseline, latest float64, higherIsBetter bool) Direction {
	gain := r.Round(baseline) - r.Round(latest)
	if higherIsBetter {
		gain = -gain
	}
	need := r.Needed(baseline)
	const eps = 1e-9
	switch {
	case gain >= need-eps:
		return ImportantImprovement
	case -gain >= need-eps:
		return ImportantWorsening
	}
	return NoImportantChange
}

// Words is the rule as a report prints it beside a verdict, with its
// source: "at least 10 points and 30 % of the baseline, here 10 points;
// source: Ostelo et al. 2008, Spine".
func (r ChangeRule) Words(baseline float64) string {
	s := "at least " + plainPoints(r.Points)
	if r.Percent > 0 {
		s += fmt.Sprintf(" and %g %% of the baseline, here %s", r.Percent, plainPoints(r.Needed(baseline)))
	}
	return s + "; source: " + r.Source
}

// plainPoints is "1 point", "2 points", "10.7 points".
func plainPoints(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if s == "1" {
		return "1 point"
	}
	return s + " points"
}
