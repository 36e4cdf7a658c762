package chart_test

import (
	"testing"

	"backtrack/report/chart"
	"backtrack/report/chart/charttest"
)

// BenchmarkLayout1000 lays out 1,000 weekly visits, the largest history the
// desk is expected to chart.
func BenchmarkLayout1000(b *testing.B) {
	points := charttest.Thousand()
	b.ReportAllocs()
	for b.Loop() {
		chart.Layout(points, testFrame)
	}
}

// BenchmarkScaleOnly1000 is the baseline: only the arithmetic of mapping
// 1,000 visits to x and y, without lines, ticks or the reference.
func BenchmarkScaleOnly1000(b *testing.B) {
	points := charttest.Thousand()
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
}
