package chart_test

import (
	"testing"

	"backtrack/report/chart"
	"backtrack/report/chart/charttest"
)

// BenchmarkChartLayout lays out 1,000 weekly visits, the longest history the
// chart is expected to draw, beside the bare arithmetic of mapping them to
// x and y (no broken lines, ticks or reference).
func BenchmarkChartLayout(b *testing.B) {
	points := charttest.Thousand()
	b.Run("backtrack", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			chart.Layout(points, testFrame)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		out := make([]chart.Point, 2*len(points))
		b.ReportAllocs()
		for b.Loop() {
			first, span := points[0].Start, points[len(points)-1].Start.Sub(points[0].Start)
			for i, p := range points {
				x := testFrame.Width * float64(p.Start.Sub(first)) / float64(span)
				out[2*i] = chart.Point{X: x, Y: testFrame.Height * (1 - float64(p.Before.Score)/10)}
				out[2*i+1] = chart.Point{X: x, Y: testFrame.Height * (1 - float64(p.After.Score)/10)}
			}
		}
	})
}
