package painchart

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"backtrack/report/chart"
	"backtrack/store"
)

// odiSeries is an ODI improving from 44 % to 24 % over four forms: an
// important change needs 10 points and 30 % of 44 (13.2), so ≤ 30.8.
func odiSeries() chart.Series {
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	return chart.Series{Kind: store.ODI, Points: []store.MeasurePoint{
		{Taken: day(8, 4), Value: 44}, {Taken: day(9, 1), Value: 38}, {Taken: day(10, 13), Value: 30}, {Taken: day(11, 14), Value: 24}}}
}

func TestMeasureChartRendersOnItsOwnScale(t *testing.T) {
	test.NewTempApp(t)
	test.ApplyTheme(t, theme.LightTheme())
	c := New(nil)
	c.SetSeries(odiSeries())
	w := test.NewTempWindow(t, c)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(420, 240))
	test.AssertRendersToImage(t, "odi_light.png", w.Canvas())
	texts := visibleTexts(c)
	for _, want := range []string{"100", "ODI % (lower is better)", "Important change ≤ 30.8"} {
		if !slices.Contains(texts, want) {
			t.Errorf("chart shows %q, want %q among them", texts, want)
		}
	}
	// The latest form sits at 24 % of the way up, by the same geometry.
	v := c.layout.Visits[3]
	if want := c.layout.Frame.Height * (1 - 24.0/100); v.BeforeY < want-0.01 || v.BeforeY > want+0.01 {
		t.Errorf("24 %% at y %v, want %v", v.BeforeY, want)
	}
	// Back to pain: the pain scale again.
	c.SetPoints(nil)
	if c.scale().Max != chart.MaxPain {
		t.Error("SetPoints left the measure's scale")
	}
}
