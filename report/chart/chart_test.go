package chart_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"backtrack/report/chart"
	"backtrack/report/chart/charttest"
	"backtrack/store"
)

// testFrame is a desk-sized plot: 600x200 units, 4-unit markers.
var testFrame = chart.Frame{Width: 600, Height: 200, Inset: 8, MarkerRadius: 4, LabelGap: 12, MinPainTickGap: 16}

func at(y int, m time.Month, d, hour int) time.Time {
	return time.Date(y, m, d, hour, 0, 0, 0, time.Local)
}

// visit is a trend point; -1 means the score was not recorded.
func visit(id int64, start time.Time, before, after int) store.TrendPoint {
	p := store.TrendPoint{SessionID: id, Start: start}
	if before >= 0 {
		p.Before = store.PainOf(before)
	}
	if after >= 0 {
		p.After = store.PainOf(after)
	}
	return p
}

func labels(ticks []chart.Tick) []string {
	out := make([]string, len(ticks))
	for i, t := range ticks {
		out[i] = strings.TrimSpace(t.Label + " " + t.Context)
	}
	return out
}

func lineLengths(lines []chart.Line) []int {
	out := make([]int, len(lines))
	for i, l := range lines {
		out[i] = len(l)
	}
	return out
}

func TestLayout(t *testing.T) {
	tests := []struct {
		name   string
		points []store.TrendPoint
		// want
		unit          chart.Unit
		dateLabels    []string // nil: not checked beyond the invariants
		before, after []int    // lengths of the broken series lines
		dense         bool
		important     string // "" when no reference line
	}{
		{
			name:       "no visits",
			dateLabels: []string{},
			before:     []int{}, after: []int{},
		},
		{
			name:       "one visit sits inside its calendar day",
			points:     []store.TrendPoint{visit(1, at(2026, 11, 14, 14), 6, 3)},
			unit:       chart.Days,
			dateLabels: []string{"14 Nov 2026", "15 Nov"},
			before:     []int{1}, after: []int{1},
			important: "Important improvement: pain 4 or lower", // from 6: 2 points (30 % is 1.8)
		},
		{
			name:       "two visits a month apart are labelled by week",
			points:     []store.TrendPoint{visit(1, at(2026, 10, 3, 9), 7, 4), visit(2, at(2026, 11, 3, 9), 5, 3)},
			unit:       chart.Weeks,
			dateLabels: []string{"5 Oct 2026", "12 Oct", "19 Oct", "26 Oct", "2 Nov"},
			before:     []int{2}, after: []int{2},
			important: "Important improvement: pain 4 or lower", // from 7: 2 points and 30 % (2.1), so 3 whole points
		},
		{
			name:       "two visits on one day keep their times apart",
			points:     []store.TrendPoint{visit(1, at(2026, 11, 14, 10), 6, 4), visit(2, at(2026, 11, 14, 16), 4, 2)},
			unit:       chart.Days,
			dateLabels: []string{"14 Nov 2026", "15 Nov"},
			before:     []int{2}, after: []int{2},
			important: "Important improvement: pain 4 or lower",
		},
		{
			name: "a gap of a year is drawn to scale in months",
			points: []store.TrendPoint{
				visit(1, at(2025, 3, 10, 9), 8, 5), visit(2, at(2025, 3, 24, 9), 7, 5),
				visit(3, at(2026, 4, 7, 9), 5, 3), visit(4, at(2026, 4, 21, 9), 4, 2),
			},
			unit: chart.Months,
			dateLabels: []string{"Apr 2025", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
				"Jan 2026", "Feb", "Mar", "Apr"},
			before: []int{4}, after: []int{4},
			important: "Important improvement: pain 5 or lower", // from 8: 30 % is 2.4, so 3 whole points
		},
		{
			name: "unrecorded scores break their series only",
			points: []store.TrendPoint{
				visit(1, at(2026, 9, 1, 9), 7, 5), visit(2, at(2026, 9, 8, 9), 6, -1),
				visit(3, at(2026, 9, 15, 9), -1, 4), visit(4, at(2026, 9, 22, 9), 5, 3),
				visit(5, at(2026, 9, 29, 9), 4, 2),
			},
			unit:   chart.Weeks,
			before: []int{2, 2}, after: []int{1, 3},
			important: "Important improvement: pain 4 or lower",
		},
		{
			name:   "the reference comes from the first recorded pain before",
			points: []store.TrendPoint{visit(1, at(2026, 9, 1, 9), -1, 3), visit(2, at(2026, 9, 8, 9), 10, 6)},
			unit:   chart.Days,
			before: []int{1}, after: []int{2},
			important: "Important improvement: pain 7 or lower",
		},
		{
			name:   "no reference when the first pain was 0",
			points: []store.TrendPoint{visit(1, at(2026, 9, 1, 9), 0, 0), visit(2, at(2026, 9, 8, 9), 3, 1)},
			unit:   chart.Days,
			before: []int{2}, after: []int{2},
		},
		{
			name:       "1,000 weekly visits over 19 years are dense and labelled by years",
			points:     charttest.Thousand(),
			unit:       chart.Years,
			dateLabels: []string{"2008", "2010", "2012", "2014", "2016", "2018", "2020", "2022", "2024", "2026"},
			before:     []int{1000}, after: []int{1000},
			dense:     true,
			important: "Important improvement: pain 5 or lower", // from 8: 3 whole points
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// When the visits are laid out
			c := chart.Layout(tt.points, testFrame)

			// Then the chart is well formed and matches what was asked
			checkInvariants(t, c, tt.points)
			if len(tt.points) > 0 && c.DateUnit != tt.unit {
				t.Errorf("date unit = %v, want %v", c.DateUnit, tt.unit)
			}
			if tt.dateLabels != nil && strings.Join(labels(c.DateTicks), "|") != strings.Join(tt.dateLabels, "|") {
				t.Errorf("date labels = %q, want %q", labels(c.DateTicks), tt.dateLabels)
			}
			if got := lineLengths(c.Before); !equalInts(got, tt.before) {
				t.Errorf("before lines = %v, want %v", got, tt.before)
			}
			if got := lineLengths(c.After); !equalInts(got, tt.after) {
				t.Errorf("after lines = %v, want %v", got, tt.after)
			}
			if c.Dense != tt.dense {
				t.Errorf("dense = %v, want %v", c.Dense, tt.dense)
			}
			if tt.important == "" && c.Important.Shown {
				t.Errorf("reference shown as %q, want none", c.Important.Label)
			}
			if tt.important != "" && (!c.Important.Shown || c.Important.Label != tt.important) {
				t.Errorf("reference = %+v, want %q", c.Important, tt.important)
			}
		})
	}
}

// checkInvariants holds for every chart: visits in date order inside the
// insets, scores on the 0-10 scale, ticks inside the plot and apart.
func checkInvariants(t *testing.T, c chart.Chart, points []store.TrendPoint) {
	t.Helper()
	f := testFrame
	if len(c.Visits) != len(points) {
		t.Fatalf("%d visits placed, want %d", len(c.Visits), len(points))
	}
	for i, v := range c.Visits {
		if points[v.Index].SessionID != v.SessionID {
			t.Errorf("visit %d: index %d points at session %d, want %d", i, v.Index, points[v.Index].SessionID, v.SessionID)
		}
		if v.X < f.Inset-1e-9 || v.X > f.Width-f.Inset+1e-9 {
			t.Errorf("visit %d at x=%.2f, outside [%v, %v]", i, v.X, f.Inset, f.Width-f.Inset)
		}
		if i > 0 && v.X < c.Visits[i-1].X {
			t.Errorf("visit %d at x=%.2f is left of the visit before it (%.2f)", i, v.X, c.Visits[i-1].X)
		}
		if v.Before.Recorded && math.Abs(v.BeforeY-f.Height*(1-float64(v.Before.Score)/10)) > 1e-9 {
			t.Errorf("visit %d: pain %d drawn at y=%.2f", i, v.Before.Score, v.BeforeY)
		}
	}
	if n := len(c.PainTicks); n != 11 || c.PainTicks[0].Pos != f.Height || c.PainTicks[n-1].Pos != 0 {
		t.Errorf("pain ticks = %+v, want 0..10 from bottom to top", c.PainTicks)
	}
	for i, tick := range c.DateTicks {
		if tick.Pos < 0 || tick.Pos > f.Width {
			t.Errorf("date tick %q at x=%.2f is outside the plot", tick.Label, tick.Pos)
		}
		if i > 0 && tick.Pos-c.DateTicks[i-1].Pos < 6.6*float64(len(tick.Label)) {
			t.Errorf("date ticks %q and %q overlap", c.DateTicks[i-1].Label, tick.Label)
		}
	}
	if len(points) > 0 && len(c.DateTicks) == 0 {
		t.Errorf("no date ticks for %d visits", len(points))
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLayoutPlacesVisitsByRealTime(t *testing.T) {
	// Given two visits a week apart, then one a year later
	points := []store.TrendPoint{
		visit(1, at(2025, 3, 10, 9), 8, 5), visit(2, at(2025, 3, 17, 9), 7, 5), visit(3, at(2026, 3, 17, 9), 5, 3),
	}
	c := chart.Layout(points, testFrame)
	// Then the year takes 365 times the room of the week, not the same room
	week := c.Visits[1].X - c.Visits[0].X
	year := c.Visits[2].X - c.Visits[1].X
	if ratio := year / week; math.Abs(ratio-365.0/7) > 0.01 {
		t.Errorf("year/week spacing = %.3f, want %.3f", ratio, 365.0/7)
	}
	// And the ends sit on the insets
	if c.Visits[0].X != testFrame.Inset || math.Abs(c.Visits[2].X-(testFrame.Width-testFrame.Inset)) > 1e-9 {
		t.Errorf("ends at %.2f and %.2f, want %v and %v", c.Visits[0].X, c.Visits[2].X, testFrame.Inset, testFrame.Width-testFrame.Inset)
	}
}

func TestLayoutTwoVisitsOnOneDay(t *testing.T) {
	// Given visits at 10:00 and 16:00 on one day
	c := chart.Layout([]store.TrendPoint{visit(1, at(2026, 11, 14, 10), 6, 4), visit(2, at(2026, 11, 14, 16), 4, 2)}, testFrame)
	// Then each sits at its hour of the day, between the day's two ticks
	usable := testFrame.Width - 2*testFrame.Inset
	for i, hour := range []float64{10, 16} {
		want := testFrame.Inset + usable*hour/24
		if math.Abs(c.Visits[i].X-want) > 1e-6 {
			t.Errorf("visit at %v:00 drawn at x=%.2f, want %.2f", hour, c.Visits[i].X, want)
		}
	}
}

func TestLayoutSortsWithoutTouchingInput(t *testing.T) {
	// Given visits out of order
	points := []store.TrendPoint{visit(2, at(2026, 9, 8, 9), 5, 3), visit(1, at(2026, 9, 1, 9), 7, 4)}
	c := chart.Layout(points, testFrame)
	// Then the chart runs oldest first and the caller's slice is unchanged
	if c.Visits[0].SessionID != 1 || c.Visits[0].Index != 1 {
		t.Errorf("first visit = session %d (index %d), want session 1 (index 1)", c.Visits[0].SessionID, c.Visits[0].Index)
	}
	if points[0].SessionID != 2 {
		t.Error("Layout reordered the caller's points")
	}
	if c.Important.Label != "Important improvement: pain 4 or lower" {
		t.Errorf("reference %q, want it from the oldest visit's 7", c.Important.Label)
	}
}

func TestDateUnitSuitsSpan(t *testing.T) {
	start := at(2026, 1, 5, 9)
	tests := []struct {
		span time.Duration
		want chart.Unit
	}{
		{10 * 24 * time.Hour, chart.Days},
		{60 * 24 * time.Hour, chart.Weeks},
		{300 * 24 * time.Hour, chart.Months},
		{4 * 365 * 24 * time.Hour, chart.Months}, // quarters
		{10 * 365 * 24 * time.Hour, chart.Years},
	}
	for _, tt := range tests {
		c := chart.Layout([]store.TrendPoint{visit(1, start, 6, 4), visit(2, start.Add(tt.span), 4, 2)}, testFrame)
		if c.DateUnit != tt.want {
			t.Errorf("span %v: unit %v (%q), want %v", tt.span, c.DateUnit, labels(c.DateTicks), tt.want)
		}
	}
}

func TestPainTicksThinOutWhenShort(t *testing.T) {
	f := testFrame
	f.Height = 60 // 6 units a point: every 5th label fits a 16-unit gap... but not every 2nd
	c := chart.Layout(nil, f)
	if got := strings.Join(labels(c.PainTicks), ","); got != "0,5,10" {
		t.Errorf("pain ticks = %s, want 0,5,10", got)
	}
}

func TestMessage(t *testing.T) {
	tests := []struct {
		name   string
		points []store.TrendPoint
		want   string
	}{
		{"none", nil, "No visits yet"},
		{"one", []store.TrendPoint{visit(1, at(2026, 9, 1, 9), 6, 4)}, "Record a second visit to see a trend."},
		{"two, one unscored", []store.TrendPoint{visit(1, at(2026, 9, 1, 9), 6, 4), visit(2, at(2026, 9, 8, 9), -1, -1)}, "Record pain scores at a second visit"},
		{"two, none scored", []store.TrendPoint{visit(1, at(2026, 9, 1, 9), -1, -1), visit(2, at(2026, 9, 8, 9), -1, -1)}, "No pain scores recorded yet"},
		{"two with a score each", []store.TrendPoint{visit(1, at(2026, 9, 1, 9), 6, -1), visit(2, at(2026, 9, 8, 9), -1, 2)}, ""},
	}
	for _, tt := range tests {
		got := chart.Message(tt.points)
		if (tt.want == "") != (got == "") || !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: Message = %q, want it to start %q", tt.name, got, tt.want)
		}
	}
}

func TestDescribe(t *testing.T) {
	got := chart.Describe(visit(7, at(2026, 11, 14, 14), 4, -1))
	if want := "Sat 14 Nov 2026, 14:00 · pain 4 → –"; got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
}
