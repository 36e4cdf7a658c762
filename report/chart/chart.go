// Package chart is the geometry of the pain trend chart. The desk's widget
// and the printed report both draw from it, so the screen and the paper show
// the same picture. It draws nothing itself: it maps visits to coordinates in
// a plot area whose origin is the top left corner with y growing downwards,
// as both Fyne and gofpdf have it, in whatever unit the caller measures in
// (device-independent pixels on screen, millimetres on paper).
package chart

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"

	"backtrack/store"
)

// MaxPain is the top of the 0-10 Numeric Rating Scale.
const MaxPain = 10

// Frame is the plot area a chart is fitted into and what the caller's
// renderer needs to keep labels legible.
type Frame struct {
	Width, Height float64
	// Inset keeps the first and last visits this far in from the left and
	// right edges, so their markers are drawn whole inside the axes.
	Inset float64
	// MarkerRadius is how large the caller draws a visit's marker; when the
	// visits cannot all have a marker side by side the chart is Dense.
	MarkerRadius float64
	// MeasureLabel gives the width of a date label as the caller will draw
	// it; nil estimates from the number of characters.
	MeasureLabel func(string) float64
	// LabelGap is the least space between two neighbouring date labels.
	LabelGap float64
	// MinPainTickGap is the least vertical distance between two labelled
	// pain ticks: about one line of text.
	MinPainTickGap float64
}

// Point is a position in the plot area.
type Point struct{ X, Y float64 }

// Visit is one visit placed on the chart. BeforeY and AfterY are meaningful
// only where the matching score was recorded.
type Visit struct {
	store.TrendPoint
	// Index is the visit's position in the points given to Layout.
	Index int
	// Value is the score drawn at BeforeY: pain before treatment, or the
	// measure's score.
	Value   float64
	X       float64
	BeforeY float64
	AfterY  float64
}

// HasRelief reports whether both scores were recorded, so the relief within
// the session can be drawn between them.
func (v Visit) HasRelief() bool { return v.Before.Recorded && v.After.Recorded }

// Line is a run of visits in a row whose score was recorded; a visit without
// a score ends it, so a series line breaks there rather than pretend.
type Line []Point

// Reference is the clinically important change level: a pain-before score
// at or below Score is an important improvement on the first visit.
// Renderers name it in the legend rather than on the line, where a label
// would hide the data it crosses.
type Reference struct {
	Shown bool
	Score float64
	Y     float64
	Label string // "Important improvement: pain 5 or lower"
	Short string // "Important: 5 or lower", for a narrow legend
}

// Chart is everything a renderer needs to draw the trend.
type Chart struct {
	Frame Frame
	// Scale is the value axis: the pain scale, or a measure's own.
	Scale Scale
	// Legend names the series of a measure's chart; empty for the pain
	// chart, whose two series the renderers name themselves.
	Legend Legend
	// Visits are ordered oldest first.
	Visits []Visit
	// Before and After are the two series as broken lines. A Line of one
	// point is an isolated score that only a marker can show.
	Before, After []Line
	// PainTicks run from 0 at the bottom to the scale's top; each is also
	// a gridline.
	PainTicks []Tick
	// DateTicks are placed by real time, labelled in DateUnit.
	DateTicks []Tick
	DateUnit  Unit
	Important Reference
	// Dense is true when the visits are too close for a marker each:
	// renderers then draw lines only (and markers for isolated points).
	Dense bool

	from, to time.Time // the dates at x = Inset and x = Width - Inset
}

// Layout places the visits in frame. Points need not be sorted; the input is
// not modified.
func Layout(points []store.TrendPoint, frame Frame) Chart {
	c := Chart{Frame: frame.withDefaults(), Scale: PainScale, Visits: make([]Visit, len(points))}
	for i, p := range points {
		c.Visits[i] = Visit{TrendPoint: p, Index: i, Value: float64(p.Before.Score)}
	}
	c.place()
	if len(c.Visits) > 0 {
		c.Important = c.reference()
	}
	return c
}

// place lays out the visits on the chart's scale: both pain series, or a
// measure's one series from Value.
func (c *Chart) place() {
	frame := c.Frame
	byStart := func(i, j int) bool { return c.Visits[i].Start.Before(c.Visits[j].Start) }
	if !sort.SliceIsSorted(c.Visits, byStart) { // store.PainTrend's order already is
		sort.SliceStable(c.Visits, byStart)
	}
	c.PainTicks = valueTicks(frame, c.Scale)
	if len(c.Visits) == 0 {
		return
	}
	c.from, c.to = dateDomain(c.Visits[0].Start, c.Visits[len(c.Visits)-1].Start)
	for i := range c.Visits {
		v := &c.Visits[i]
		v.X = c.XOf(v.Start)
		v.BeforeY = c.YOf(v.Value)
		v.AfterY = c.YOf(float64(v.After.Score))
	}
	c.Before = lines(c.Visits, func(v *Visit) (float64, bool) { return v.BeforeY, v.Before.Recorded })
	c.After = lines(c.Visits, func(v *Visit) (float64, bool) { return v.AfterY, v.After.Recorded })
	c.DateUnit, c.DateTicks = dateTicks(*c)
	c.Dense = float64(len(c.Visits))*(2*frame.MarkerRadius+1) > frame.Width
}

func (f Frame) withDefaults() Frame {
	if f.MeasureLabel == nil {
		// About 0.55 em a character at a 12-unit font.
		f.MeasureLabel = func(s string) float64 { return 6.6 * float64(len([]rune(s))) }
	}
	if 2*f.Inset >= f.Width {
		f.Inset = 0
	}
	return f
}

// XOf is where a moment falls across the plot.
func (c Chart) XOf(t time.Time) float64 {
	span := c.to.Sub(c.from)
	if span <= 0 {
		return c.Frame.Width / 2
	}
	usable := c.Frame.Width - 2*c.Frame.Inset
	return c.Frame.Inset + usable*float64(t.Sub(c.from))/float64(span)
}

// timeAt is the moment at x, the inverse of XOf.
func (c Chart) timeAt(x float64) time.Time {
	usable := c.Frame.Width - 2*c.Frame.Inset
	if usable <= 0 {
		return c.from
	}
	return c.from.Add(time.Duration(float64(c.to.Sub(c.from)) * (x - c.Frame.Inset) / usable))
}

// YOf is where a score falls: 0 at the bottom, the scale's top at the top.
func (c Chart) YOf(score float64) float64 {
	top := c.Scale.Max
	if top <= 0 {
		top = MaxPain
	}
	return c.Frame.Height * (1 - score/top)
}

// dateDomain spans the visits; visits within one day get the whole calendar
// day(s) they fall on, so a single visit or two on one day still sit between
// two labelled dates instead of on a zero-length axis.
func dateDomain(first, last time.Time) (time.Time, time.Time) {
	if last.Sub(first) >= 24*time.Hour {
		return first, last
	}
	return startOfDay(first), startOfDay(last).AddDate(0, 0, 1)
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

func lines(visits []Visit, score func(*Visit) (float64, bool)) []Line {
	var out []Line
	// One backing array for all the runs: a long history lays out in a
	// couple of allocations.
	buf := make([]Point, 0, len(visits))
	var cur Line
	for i := range visits {
		y, ok := score(&visits[i])
		if !ok {
			if cur != nil {
				out = append(out, cur[:len(cur):len(cur)])
				cur = nil
			}
			continue
		}
		if cur == nil {
			cur = buf[len(buf):len(buf)]
		}
		cur = append(cur, Point{visits[i].X, y})
		buf = buf[:len(buf)+1]
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

// reference places the clinically important change level from the first
// recorded pain-before. A first score of 0 leaves nothing to improve on.
func (c Chart) reference() Reference {
	for _, v := range c.Visits {
		if v.Before.Recorded {
			return c.referenceFrom(v.Before.Score)
		}
	}
	return Reference{}
}

// FromBaseline places the reference from the episode's baseline, which a
// report for a later period does not draw among its visits; a baseline not
// recorded leaves the chart's own.
func (c Chart) FromBaseline(baseline store.Pain) Chart {
	if baseline.Recorded && len(c.Visits) > 0 {
		c.Important = c.referenceFrom(baseline.Score)
	}
	return c
}

func (c Chart) referenceFrom(first int) Reference {
	if first <= 0 {
		return Reference{}
	}
	// The scale is whole numbers: a threshold of 4.2 is met by a 4.
	score := math.Floor(store.ImportantThreshold(first) + 1e-9)
	level := FormatScore(score) + " or lower"
	return Reference{
		Shown: true,
		Score: score,
		Y:     c.YOf(score),
		Label: "Important improvement: pain " + level,
		Short: "Important: " + level,
	}
}

// FormatScore writes a score to one decimal, as "5" or "4.2".
func FormatScore(score float64) string {
	return strconv.FormatFloat(math.Round(score*10)/10, 'f', -1, 64)
}

// DateTimeLayout is how a visit's day and time read, on screen and on
// paper: "Tue 14 Nov 2026, 14:00".
const DateTimeLayout = "Mon 2 Jan 2006, 15:04"

// Describe is a visit in words, for a tooltip or a screen reader:
// "Tue 14 Nov 2026, 14:00 · pain 4 → 2".
func Describe(v store.TrendPoint) string {
	return fmt.Sprintf("%s · pain %s → %s", v.Start.Format(DateTimeLayout), v.Before, v.After)
}

// Message is what to show instead of a chart when there is no trend to
// draw yet, or "" when there is.
func Message(points []store.TrendPoint) string {
	scored := 0
	for _, p := range points {
		if p.Before.Recorded || p.After.Recorded {
			scored++
		}
	}
	switch {
	case scored >= 2:
		return ""
	case len(points) == 0:
		return "No visits yet. Record pain before and after a visit to start the trend."
	case len(points) == 1:
		return "Record a second visit to see a trend."
	case scored == 0:
		return "No pain scores recorded yet. Record pain before and after treatment to see a trend."
	default:
		return "Record pain scores at a second visit to see a trend."
	}
}
