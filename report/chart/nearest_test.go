package chart_test

import (
	"testing"

	"backtrack/report/chart"
	"backtrack/report/chart/charttest"
	"backtrack/store"
)

func TestNearest(t *testing.T) {
	// Given three weekly visits, the middle one without any score, and a
	// fourth on the same day as the third
	points := []store.TrendPoint{
		visit(1, at(2026, 9, 1, 9), 7, 4),
		visit(2, at(2026, 9, 8, 9), -1, -1),
		visit(3, at(2026, 9, 15, 9), 6, 5),
		visit(4, at(2026, 9, 15, 9), 2, 1), // same minute: only height tells them apart
	}
	c := chart.Layout(points, testFrame)
	x := func(i int) float64 { return c.Visits[i].X }
	tests := []struct {
		name    string
		x, y    float64
		want    int64 // session; 0 for none
		comment string
	}{
		{"on the first marker", x(0), c.Visits[0].BeforeY, 1, ""},
		{"above the first visit, off its markers", x(0) + 3, 0, 1, "hovering by date"},
		{"just out of reach", x(0) - 13, 0, 0, ""},
		{"an unscored visit is skipped", x(1), 100, 0, "nothing to point at within reach"},
		{"same date, nearer the high marker", x(2), c.YOf(6), 3, ""},
		{"same date, nearer the low marker", x(2), c.YOf(1), 4, ""},
	}
	for _, tt := range tests {
		i, ok := c.Nearest(tt.x, tt.y, 12)
		got := int64(0)
		if ok {
			got = c.Visits[i].SessionID
		}
		if got != tt.want {
			t.Errorf("%s: session %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestNearestInDenseChart(t *testing.T) {
	// Given 1,000 weekly visits
	c := chart.Layout(charttest.Thousand(), testFrame)
	// Then every visit is found at its own x
	for _, i := range []int{0, 1, 499, 998, 999} {
		got, ok := c.Nearest(c.Visits[i].X, c.Visits[i].BeforeY, 2)
		if !ok || got != i {
			t.Errorf("at visit %d's x found visit %d (ok=%v)", i, got, ok)
		}
	}
}
