package store

import (
	"math"
	"time"
)

// MeasureProgress is one measure read against its ChangeRule from the
// baseline of the episode of care: what a report's Function section prints.
type MeasureProgress struct {
	Kind MeasureKind
	// Baseline is the episode's first score (EpisodeStart): it stays the
	// same whatever period a report covers.
	Baseline MeasurePoint
	// First and Latest are the first and latest scores of the period.
	First, Latest MeasurePoint
	Count         int     // scores in the period
	Change        float64 // latest minus baseline, at the printed precision
	Direction     Direction
	Important     bool // an important improvement from the baseline
	Worse         bool // an important worsening from the baseline
	// Relapse is the worst score that was an important worsening from the
	// best score before it (RelapseFrom); Relapse.Taken is zero when there
	// was none. A client who went 30 % → 62 % → 20 % relapsed on the way.
	Relapse, RelapseFrom MeasurePoint
}

// ProgressOfMeasure reads a trend as MeasureTrend returns it, its first
// score the baseline; ok is false without a score.
func ProgressOfMeasure(kind MeasureKind, points []MeasurePoint) (MeasureProgress, bool) {
	return ProgressOfMeasureFrom(kind, MeasurePoint{}, points)
}

// ProgressOfMeasureFrom reads a period's trend against the episode's
// baseline (zero Taken: the trend's first score); ok is false when the
// period has no score of its own.
func ProgressOfMeasureFrom(kind MeasureKind, baseline MeasurePoint, points []MeasurePoint) (MeasureProgress, bool) {
	if len(points) == 0 {
		return MeasureProgress{}, false
	}
	if baseline.Taken.IsZero() || points[0].Taken.Before(baseline.Taken) {
		baseline = points[0]
	}
	p := MeasureProgress{Kind: kind, Baseline: baseline, First: points[0], Latest: points[len(points)-1], Count: len(points)}
	rule := kind.ChangeRule()
	p.Change = rule.Round(rule.Round(p.Latest.Value) - rule.Round(p.Baseline.Value))
	if !p.HasChange() {
		return p, true
	}
	p.Direction = rule.Judge(p.Baseline.Value, p.Latest.Value, kind.HigherIsBetter())
	p.Important, p.Worse = p.Direction == ImportantImprovement, p.Direction == ImportantWorsening
	best := p.Baseline
	for _, pt := range points {
		if !pt.Taken.After(p.Baseline.Taken) {
			continue
		}
		if rule.Judge(best.Value, pt.Value, kind.HigherIsBetter()) == ImportantWorsening &&
			(p.Relapse.Taken.IsZero() || kind.better(p.Relapse.Value, pt.Value)) {
			p.Relapse, p.RelapseFrom = pt, best
		}
		if kind.better(pt.Value, best.Value) {
			best = pt
		}
	}
	if p.Worse && p.Relapse == p.Latest && p.RelapseFrom == p.Baseline { // the verdict says it already
		p.Relapse, p.RelapseFrom = MeasurePoint{}, MeasurePoint{}
	}
	return p, true
}

// better reports a better than b on the measure.
func (k MeasureKind) better(a, b float64) bool {
	if k.HigherIsBetter() {
		return a > b
	}
	return a < b
}

// HasChange reports a score after the baseline.
func (p MeasureProgress) HasChange() bool {
	return p.Latest.Taken.After(p.Baseline.Taken) || (p.Count > 1 && p.Latest != p.Baseline)
}

// Relapsed reports an important worsening on the way, whatever the latest.
func (p MeasureProgress) Relapsed() bool { return !p.Relapse.Taken.IsZero() }

// BaselineMoved reports a period that starts after the baseline: the
// report then names both.
func (p MeasureProgress) BaselineMoved() bool { return p.First.Taken.After(p.Baseline.Taken) }

// Band is the latest score's band, or "". The RMDQ's "recovered" (2 or
// less) is printed only beside an important improvement: 4 → 2 is inside
// measurement error, and the page must not call it recovery.
func (p MeasureProgress) Band() string {
	if p.Kind == RMDQ && !p.Important {
		return ""
	}
	return p.Kind.Band(p.Latest.Value)
}

// Format prints a score at the precision it is compared at.
func (k MeasureKind) Format(v float64) string { return k.ChangeRule().Format(v) }

// ChangeText is "−12 points (−30 %)" or "+1.95 points", from the baseline,
// at the precision the rule compares.
func (p MeasureProgress) ChangeText() string {
	sign := "+"
	if p.Change < 0 {
		sign = "−"
	}
	rule := p.Kind.ChangeRule()
	s := sign + plainPoints(math.Abs(p.Change))
	if base := rule.Round(p.Baseline.Value); rule.Percent > 0 && base > 0 {
		s += " (" + sign + FormatValue(math.Abs(p.Change)/base*100) + " %)"
	}
	return s
}

// Verdict is the change from the baseline in plain words, with the rule and
// its source.
func (p MeasureProgress) Verdict() string {
	rule := p.Kind.ChangeRule()
	needs := rule.Words(p.Baseline.Value)
	better := p.Kind.better(p.Latest.Value, p.Baseline.Value) && p.Change != 0
	switch {
	case !p.HasChange():
		return "Recorded once: the next score shows the change."
	case p.Important:
		return "A clinically important improvement from the baseline (" + needs + ")."
	case p.Worse:
		return "A clinically important worsening from the baseline (" + needs + ")."
	case p.Change == 0:
		return "The same as the baseline: no clinically important change (that needs " + needs + ")."
	case better:
		return "Better than the baseline, but not yet a clinically important improvement (that needs " + needs + ")."
	}
	return "Worse than the baseline, but not a clinically important worsening (that needs " + needs + ")."
}

// EpisodeStart is the day the episode of care began: the treatment plan's
// start, or no day (the client's first record) without a plan. Baselines
// are the first scores on or after it, fixed whatever a report's period.
func EpisodeStart(p Plan) time.Time {
	if p.ID == 0 {
		return time.Time{}
	}
	return p.Start
}
