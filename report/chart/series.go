package chart

import (
	"fmt"

	"backtrack/store"
)

// Scale is a chart's value axis: 0 at the bottom, Max at the top, labelled
// every step of Steps (finest first) that leaves room for a label.
type Scale struct {
	Max   float64
	Steps []float64
}

// PainScale is the 0-10 Numeric Rating Scale.
var PainScale = Scale{Max: MaxPain, Steps: []float64{1, 2, 5}}

// Legend names a measure's series: "ODI (%, lower is better)" and, for a
// narrow legend, "ODI %".
type Legend struct {
	Series, Short string
}

// Series is one outcome measure over time on its own scale, with the level
// that is a clinically important change from its first score.
type Series struct {
	Kind   store.MeasureKind
	Points []store.MeasurePoint // oldest first, as store.MeasureTrend gives them
	// Baseline is the episode's first score, which the reference is drawn
	// from; zero Taken: the first point.
	Baseline store.MeasurePoint
}

// ScaleOf is a measure's axis: the ODI's 0-100 %, the RMDQ's 0-24, the
// PSFS's 0-10.
func ScaleOf(kind store.MeasureKind) Scale {
	switch kind {
	case store.ODI:
		return Scale{Max: 100, Steps: []float64{10, 20, 25, 50}}
	case store.RMDQ:
		return Scale{Max: store.RMDQItems, Steps: []float64{2, 4, 6, 12}}
	}
	return PainScale
}

// LayoutSeries places a measure's scores in frame by the same geometry as
// the pain chart: dates across by real time, the score up its own scale,
// the clinically important change from the first score as the reference.
func LayoutSeries(s Series, frame Frame) Chart {
	c := Chart{Frame: frame.withDefaults(), Scale: ScaleOf(s.Kind), Visits: make([]Visit, len(s.Points))}
	better := "lower is better"
	if s.Kind.HigherIsBetter() {
		better = "higher is better"
	}
	unit := s.Kind.Unit()
	c.Legend = Legend{Series: fmt.Sprintf("%s%s (%s)", s.Kind.Label(), unit, better), Short: s.Kind.Label() + unit}
	for i, p := range s.Points {
		c.Visits[i] = Visit{TrendPoint: store.TrendPoint{Start: p.Taken, Before: store.PainOf(int(p.Value + 0.5))},
			Index: i, Value: p.Value}
	}
	c.place()
	if len(c.Visits) == 0 {
		return c
	}
	first := c.Visits[0].Value
	if !s.Baseline.Taken.IsZero() {
		first = s.Baseline.Value
	}
	level := s.Kind.ImportantLevel(first)
	if level < 0 || level > c.Scale.Max || (first <= 0 && !s.Kind.HigherIsBetter()) {
		return c // nothing left to improve on, or no room above
	}
	sign := "≤"
	if s.Kind.HigherIsBetter() {
		sign = "≥"
	}
	c.Important = Reference{Shown: true, Score: level, Y: c.YOf(level),
		Label: "Important change " + sign + " " + FormatScore(level), Short: "Important " + sign + " " + FormatScore(level)}
	return c
}

// DescribeValue is a measure's point in words, for a tooltip: "Tue 1 Oct
// 2026 · ODI 35.6 %".
func (c Chart) DescribeValue(v Visit) string {
	return fmt.Sprintf("%s · %s %s", v.Start.Format("Mon 2 Jan 2006"), c.Legend.Short, FormatScore(v.Value))
}

// SeriesMessage is what to show instead of a measure's chart, or "".
func SeriesMessage(s Series) string {
	switch len(s.Points) {
	case 0:
		return fmt.Sprintf("No %s recorded yet.", s.Kind.Label())
	case 1:
		return fmt.Sprintf("%s recorded once (%s): the next one starts the trend.", s.Kind.Label(), FormatScore(s.Points[0].Value)+s.Kind.Unit())
	}
	return ""
}
