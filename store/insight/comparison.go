package insight

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// MinVisits is the fewest visits on each side of a comparison for it to be
// said in words: with two, one bad day is half the side.
const MinVisits = 3

// Question is what a comparison asks of the visits.
type Question int

// The questions.
const (
	// Relief: pain before − pain after within the visit, with the
	// exposure against without.
	Relief Question = iota
	// NextVisit: pain before at the next visit, after a visit with the
	// exposure against one without (lower is better).
	NextVisit
	// Flare: pain before treatment on visits with a trigger against
	// without (higher is a flare).
	Flare
)

// Comparison is one factor's visits set against the others.
type Comparison struct {
	Question Question
	Name     string // "Stretching", "Gluteus medius", "Sitting long"
	Kind     string // ExposureTechnique, ExposureMuscle, "trigger"
	// With and Without are the visits on each side.
	With, Without         int
	MeanWith, MeanWithout float64
	Difference            float64 // MeanWith − MeanWithout
	Interval              Interval
	// Relief: with are the visits with the exposure. Flare: with, the
	// trigger, and Comes lists the pain types and regions most often
	// recorded with it, "sharp (5 of 6)".
	Comes []string
	// Values are each side's per-visit values, for the dot chart.
	ValuesWith, ValuesWithout []float64
}

// Found reports whether the comparison may be said in words: each side
// has MinVisits visits and the interval leaves out no difference.
func (c Comparison) Found() bool {
	return c.With >= MinVisits && c.Without >= MinVisits && c.Interval.Excludes(0)
}

// Line is the finding in one line, as the brief prints it: "Stretching:
// 2.1 points more relief, 6 visits vs 6". Empty when nothing was found.
func (c Comparison) Line() string {
	if !c.Found() {
		return ""
	}
	return fmt.Sprintf("%s: %s, %s", c.Name, c.effect(), visitsVs(c.With, c.Without))
}

// Words is the comparison in full, found or not, always with its numbers:
// "Stretching: 2.1 points more relief, 6 visits vs 6 (95 % interval 0.8 to
// 3.4)" or "Massage gun: not enough visits to tell (0.5 points more relief,
// 2 visits vs 10; 95 % interval −1.2 to 2.3)".
func (c Comparison) Words() string {
	if c.With == 0 || c.Without == 0 {
		return fmt.Sprintf("%s: %s, so nothing to compare with", c.Name, pick(c.With == 0,
			fmt.Sprintf("on none of the %d %s", c.Without, plural(c.Without, "visit")),
			fmt.Sprintf("on all %d %s", c.With, plural(c.With, "visit"))))
	}
	numbers := fmt.Sprintf("%s; 95 %% interval %s", visitsVs(c.With, c.Without), c.Interval.Words())
	if c.Found() {
		return fmt.Sprintf("%s: %s, %s", c.Name, c.effect(), numbers)
	}
	return fmt.Sprintf("%s: not enough visits to tell (%s, %s)", c.Name, c.effect(), numbers)
}

// effect is the difference in words: "2.1 points more relief", "pain 1.3
// points lower at the next visit", "pain before 2 points higher".
func (c Comparison) effect() string {
	d := c.Difference
	size := points(math.Abs(d))
	switch c.Question {
	case Relief:
		return size + " " + pick(d >= 0, "more", "less") + " relief"
	case NextVisit:
		return "pain " + size + " " + pick(d <= 0, "lower", "higher") + " at the next visit"
	}
	return "pain before " + size + " " + pick(d >= 0, "higher", "lower")
}

// Words is "0.8 to 3.4", or "not computable" for a side with no visit.
func (iv Interval) Words() string {
	if math.IsInf(iv.Low, 0) || math.IsInf(iv.High, 0) || math.IsNaN(iv.Low) {
		return "not computable"
	}
	return number(iv.Low) + " to " + number(iv.High)
}

func visitsVs(with, without int) string {
	return fmt.Sprintf("%d %s vs %d", with, pick(with == 1, "visit", "visits"), without)
}

// number prints to one decimal, with a true minus sign.
func number(v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
	if s == "-0.0" {
		s = "0.0"
	}
	return strings.Replace(s, "-", "−", 1)
}

func points(v float64) string {
	s := number(v)
	if s == "1.0" {
		return s + " point"
	}
	return s + " points"
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}
