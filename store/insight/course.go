package insight

import (
	"fmt"

	"backtrack/store"
)

// Course is the level and slope of one series over the episode, and the
// non-overlap of its first and latest visits.
type Course struct {
	Name           string // "Pain before treatment", "ODI"
	Per            string // the slope's unit of time: "visit", "week"
	Points         int
	HigherIsBetter bool
	Line           Line
	// FirstLevel and LatestLevel are the line's values at the first and
	// the latest point: the level, read through the day-to-day noise.
	FirstLevel, LatestLevel float64
	// NAP compares the first third of the points with the latest third
	// (at least MinVisits each); NFirst is 0 when there are too few.
	NAP             float64
	NAPInterval     Interval
	NFirst, NLatest int
}

// SlopeFound reports whether the slope may be said in words: Sen's
// interval has both ends and leaves out a flat course.
func (c Course) SlopeFound() bool { return c.Line.Bounded && c.Line.Interval.Excludes(0) }

// NAPFound reports whether NAP may be said: each phase has MinVisits
// points and its interval leaves out 0.5 (no change).
func (c Course) NAPFound() bool {
	return c.NFirst >= MinVisits && c.NLatest >= MinVisits && c.NAPInterval.Excludes(0.5)
}

// painCourse is the course of pain before treatment, visit by visit.
func painCourse(visits []Visit) Course {
	var x, y []float64
	for i, v := range visits {
		if v.Before.Recorded {
			x = append(x, float64(i+1))
			y = append(y, float64(v.Before.Score))
		}
	}
	return courseOf("Pain before treatment", "visit", false, x, y)
}

// measureCourse is a measure's course, week by week since its first score.
func measureCourse(k store.MeasureKind, pts []store.MeasurePoint) Course {
	var x, y []float64
	for _, p := range pts {
		x = append(x, p.Taken.Sub(pts[0].Taken).Hours()/(24*7))
		y = append(y, p.Value)
	}
	return courseOf(k.Label(), "week", k.HigherIsBetter(), x, y)
}

func courseOf(name, per string, higherIsBetter bool, x, y []float64) Course {
	c := Course{Name: name, Per: per, Points: len(y), HigherIsBetter: higherIsBetter}
	if len(y) == 0 {
		return c
	}
	c.Line = theilSen(x, y)
	c.FirstLevel, c.LatestLevel = c.Line.At(x[0]), c.Line.At(x[len(x)-1])
	third := len(y) / 3
	if third >= MinVisits {
		c.NFirst, c.NLatest = third, third
		c.NAP, c.NAPInterval = napInterval(y[:third], y[len(y)-third:], higherIsBetter)
	}
	return c
}

// Words is the course in full, with its numbers: "Pain before treatment:
// falling 0.3 points a visit (95 % interval −0.5 to −0.1), from 6.2 to 3.1
// over 12 visits; latest 4 visits better than the first 4 in 88 % of
// pairs (NAP 0.88, 95 % interval 0.70 to 1.00)".
func (c Course) Words() string {
	if c.Points < 2 {
		return fmt.Sprintf("%s: %d %s scored; not enough to tell a course", c.Name, c.Points, plural(c.Points, "point"))
	}
	s := c.Name + ": "
	slope := fmt.Sprintf("%s a %s, 95 %% interval %s", signed(c.Line.Slope), c.Per, c.Line.Interval.Words())
	if c.SlopeFound() {
		s += pick(c.Line.Slope < 0, "falling ", "rising ") + points(abs(c.Line.Slope)) + " a " + c.Per +
			fmt.Sprintf(" (95 %% interval %s)", c.Line.Interval.Words())
	} else {
		s += "not enough points to tell a trend (" + slope + ")"
	}
	s += fmt.Sprintf("; level %s at the first and %s at the latest of %d %s", number(c.FirstLevel),
		number(c.LatestLevel), c.Points, plural(c.Points, "score"))
	if c.NFirst == 0 {
		return s + fmt.Sprintf("; first against latest: not enough to tell (needs %d scores, %d in each third)", 3*MinVisits, MinVisits)
	}
	napNumbers := fmt.Sprintf("NAP %.2f, 95 %% interval %.2f to %.2f; first %d vs latest %d", c.NAP,
		c.NAPInterval.Low, c.NAPInterval.High, c.NFirst, c.NLatest)
	if c.NAPFound() {
		return s + fmt.Sprintf("; the latest %d %s than the first %d (%s; 0.5 is no change, ties count half)", c.NLatest,
			pick(c.NAP > 0.5, "better", "worse"), c.NFirst, napNumbers)
	}
	return s + "; first against latest: not enough to tell (" + napNumbers + ")"
}

func signed(v float64) string {
	if v > 0 {
		return "+" + number(v)
	}
	return number(v)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
