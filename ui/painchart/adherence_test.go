package painchart

import (
	"image/color"
	"image/png"
	"os"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"backtrack/report/chart/charttest"
	"backtrack/store"
)

// The visits that recorded adherence get a mark in a row of their own,
// one for each, and the row is named; a chart without any has no row.
func TestAdherenceIsAMarkerRowBesidePain(t *testing.T) {
	points := charttest.Fortnightly(101)
	bare, _ := showChart(t, slices.Clone(points), nil)
	if slices.Contains(visibleTexts(bare), adherenceLabel) {
		t.Fatal("a chart without adherence shows its row")
	}
	bareTop := bare.plot.Y
	levels := []store.AdherenceLevel{"", store.DidAll, store.DidSome, store.DidNone, store.DidAll}
	for i := range levels {
		points[i].Adherence = levels[i]
	}
	c, w := showChart(t, points, nil)
	if !slices.Contains(visibleTexts(c), adherenceLabel) {
		t.Errorf("the row is not named: %v", visibleTexts(c))
	}
	if c.plot.Y <= bareTop {
		t.Errorf("the plot did not make room for the row: %v ≤ %v", c.plot.Y, bareTop)
	}
	var rings, dots, dashes int
	r := test.WidgetRenderer(c).(*chartRenderer)
	for _, m := range r.adherenceMarks.items[:r.adherenceMarks.used] {
		if m.FillColor == color.Transparent {
			rings++
		} else {
			dots++
		}
	}
	dashes = r.adherenceNone.used
	if dots != 2 || rings != 1 || dashes != 1 {
		t.Errorf("%d dots, %d rings, %d dashes; want 2, 1, 1", dots, rings, dashes)
	}
	if path := os.Getenv("BACKTRACK_CHART_SHOT"); path != "" {
		f, _ := os.Create(path)
		png.Encode(f, w.Canvas().Capture())
		f.Close()
	}
}
