// Package charttest holds the trends the pain chart's tests draw, so the
// geometry, the printed chart and the desk's widget are tested on the same
// visits.
package charttest

import (
	"time"

	"backtrack/store"
)

// Fortnightly is the wireframe's client: eight visits a fortnight apart
// from Tue 4 Aug 2026 at 10:00, pain before easing from 7 to 4, pain after
// not recorded at the fourth. Session IDs run from firstID.
func Fortnightly(firstID int64) []store.TrendPoint {
	start := time.Date(2026, 8, 4, 10, 0, 0, 0, time.Local)
	before := []int{7, 7, 6, 6, 5, 5, 4, 4}
	after := []int{4, 5, 4, -1, 3, 3, 2, 2}
	out := make([]store.TrendPoint, len(before))
	for i := range out {
		out[i] = store.TrendPoint{SessionID: firstID + int64(i), Start: start.AddDate(0, 0, 14*i), Before: store.PainOf(before[i])}
		if after[i] >= 0 {
			out[i].After = store.PainOf(after[i])
		}
	}
	return out
}

// Weekly is n visits a week apart from start, session IDs from 1: pain
// before eases from 8 to 4 with a restless point up and down, pain after is
// 2 to 4 points lower.
func Weekly(n int, start time.Time) []store.TrendPoint {
	out := make([]store.TrendPoint, n)
	for i := range out {
		before := 8 - 4*i/max(n-1, 1) - i%2
		out[i] = store.TrendPoint{SessionID: int64(i + 1), Start: start.AddDate(0, 0, 7*i),
			Before: store.PainOf(before), After: store.PainOf(max(before-2-i%3, 0))}
	}
	return out
}

// Thousand is 19 years of weekly visits from Mon 1 Jan 2007: the longest
// history the chart is expected to draw.
func Thousand() []store.TrendPoint {
	return Weekly(1000, time.Date(2007, 1, 1, 9, 0, 0, 0, time.Local))
}
