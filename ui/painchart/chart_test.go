package painchart

import (
	"image/color"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"backtrack/report/chart/charttest"
	"backtrack/store"
)

// showChart puts a chart of points in a 640x320 test window with the
// light theme, the size of the desk's chart panel.
func showChart(t *testing.T, points []store.TrendPoint, onTap func(int64)) (*Chart, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	test.ApplyTheme(t, theme.LightTheme())
	c := New(onTap)
	c.SetPoints(points)
	w := test.NewTempWindow(t, c)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(640, 320))
	return c, w
}

// markerPos is where a visit's pain-before marker is, in the chart.
func markerPos(c *Chart, sessionID int64) fyne.Position {
	for _, v := range c.layout.Visits {
		if v.SessionID == sessionID {
			return fyne.NewPos(c.plot.X+float32(v.X), c.plot.Y+float32(v.BeforeY))
		}
	}
	panic("no such visit")
}

// visibleTexts are the words the chart shows, in drawing order.
func visibleTexts(c *Chart) []string {
	var out []string
	for _, o := range test.WidgetRenderer(c).Objects() {
		if t, ok := o.(*canvas.Text); ok && t.Visible() {
			out = append(out, t.Text)
		}
	}
	return out
}

func TestPainChartRendersTrend(t *testing.T) {
	// Given eight visits in a desk-sized chart
	_, w := showChart(t, charttest.Fortnightly(101), nil)
	// Then it draws as the committed markup and picture say
	test.AssertRendersToMarkup(t, "trend.xml", w.Canvas())
	test.AssertRendersToImage(t, "trend_light.png", w.Canvas())
}

func TestPainChartFollowsDarkTheme(t *testing.T) {
	// Given a chart on the light theme
	c, w := showChart(t, charttest.Fortnightly(101), nil)
	// When the therapist switches to dark
	test.ApplyTheme(t, theme.DarkTheme())
	// Then it redraws in the dark theme's colours
	test.AssertRendersToImage(t, "trend_dark.png", w.Canvas())
	dark := theme.DarkTheme().Color(theme.ColorNamePrimary, theme.VariantDark)
	if got := firstMarkerFill(c); !sameColor(got, dark) {
		t.Errorf("before marker %v, want the dark primary %v", got, dark)
	}
}

func firstMarkerFill(c *Chart) color.Color {
	r := c.renderer
	return r.beforeMarks.items[0].FillColor
}

func sameColor(a, b color.Color) bool {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return ar == br && ag == bg && ab == bb && aa == ba
}

func TestPainChartShowsAMessageForFewVisits(t *testing.T) {
	tests := []struct {
		name   string
		points []store.TrendPoint
		want   string
		markup string
	}{
		{"no visits", nil, "No visits yet", ""},
		{"one visit", charttest.Fortnightly(101)[:1], "Record a second visit to see a trend.", "one_visit.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, w := showChart(t, tt.points, nil)
			if !strings.HasPrefix(c.Message(), tt.want) {
				t.Errorf("message %q, want %q", c.Message(), tt.want)
			}
			if !c.renderer.message.Visible() || c.renderer.message.Text != c.Message() {
				t.Error("message not shown")
			}
			if texts := visibleTexts(c); len(texts) != 0 {
				t.Errorf("chart drew %q beside its message", texts)
			}
			if tt.markup != "" {
				test.AssertRendersToMarkup(t, tt.markup, w.Canvas())
			}
		})
	}
}

func TestPainChartHoverShowsVisit(t *testing.T) {
	// Given the trend
	c, w := showChart(t, charttest.Fortnightly(101), func(int64) {})
	// When the pointer rests on the third visit's marker
	test.MoveMouse(w.Canvas(), markerPos(c, 103))
	// Then a card gives its date and scores, and offers to open it
	texts := strings.Join(visibleTexts(c), "|")
	for _, want := range []string{"Tue 1 Sep 2026, 10:00", "Before 6 · After 4 · Relief 2", "Click or press Enter to open"} {
		if !strings.Contains(texts, want) {
			t.Errorf("hover shows %q, want %q", texts, want)
		}
	}
	if c.Cursor() != desktop.PointerCursor {
		t.Error("no pointing hand over an openable visit")
	}
	test.AssertRendersToMarkup(t, "hover.xml", w.Canvas())

	// When the pointer moves a little above the fourth visit, off its marker
	pos := markerPos(c, 104)
	test.MoveMouse(w.Canvas(), pos.Add(fyne.NewPos(3, -30)))
	// Then that visit is shown, its missing score said in words
	if v, ok := c.SelectedVisit(); !ok || v.SessionID != 104 {
		t.Errorf("selected %+v, want session 104", v)
	}
	if texts := strings.Join(visibleTexts(c), "|"); !strings.Contains(texts, "Before 6 · After not recorded") {
		t.Errorf("hover shows %q", texts)
	}

	// When the pointer moves between visits and then out
	test.MoveMouse(w.Canvas(), pos.Add(fyne.NewPos(-50, 0)))
	if _, ok := c.SelectedVisit(); ok {
		t.Error("a visit is shown with the pointer between visits")
	}
	test.MoveMouse(w.Canvas(), markerPos(c, 105))
	c.MouseOut()
	// Then nothing is shown
	if _, ok := c.SelectedVisit(); ok || slices.Contains(visibleTexts(c), "Before 5 · After 3 · Relief 2") {
		t.Error("card still shown after the pointer left")
	}
}

func TestPainChartTapOpensVisit(t *testing.T) {
	// Given the trend and a desk that opens what is tapped
	var opened []int64
	c, _ := showChart(t, charttest.Fortnightly(101), func(id int64) { opened = append(opened, id) })
	// When the therapist taps the sixth visit's marker, then empty space
	test.TapAt(c, markerPos(c, 106))
	test.TapAt(c, fyne.NewPos(5, 5))
	// Then only the sixth visit's session is opened
	if !slices.Equal(opened, []int64{106}) {
		t.Errorf("opened %v, want [106]", opened)
	}
}

func TestPainChartKeyboard(t *testing.T) {
	// Given the trend
	var opened []int64
	c, w := showChart(t, charttest.Fortnightly(101), func(id int64) { opened = append(opened, id) })
	// When the chart gets focus, then Left twice, Home, Right and Enter
	w.Canvas().Focus(c)
	if v, _ := c.SelectedVisit(); v.SessionID != 108 {
		t.Errorf("focus starts at session %d, want the latest (108)", v.SessionID)
	}
	for _, key := range []fyne.KeyName{fyne.KeyLeft, fyne.KeyLeft, fyne.KeyHome, fyne.KeyRight, fyne.KeyReturn} {
		c.TypedKey(&fyne.KeyEvent{Name: key})
	}
	// Then the second visit is opened, and a focus ring shows
	if !slices.Equal(opened, []int64{102}) {
		t.Errorf("opened %v, want [102]", opened)
	}
	if !c.renderer.focus.Visible() {
		t.Error("no focus ring")
	}
	// When focus leaves, the card and ring go
	w.Canvas().Unfocus()
	if _, ok := c.SelectedVisit(); ok || c.renderer.focus.Visible() {
		t.Error("selection or focus ring left after focus went")
	}
}

func TestPainChartRedrawsOnResize(t *testing.T) {
	// Given the trend in a wide window
	c, w := showChart(t, charttest.Fortnightly(101), nil)
	wide := c.layout.DateUnit
	// When the window narrows to a side panel
	w.Resize(fyne.NewSize(300, 220))
	// Then coarser dates fit, and every word stays inside the chart
	if c.layout.DateUnit <= wide {
		t.Errorf("date unit %v at 300 wide, want coarser than %v", c.layout.DateUnit, wide)
	}
	size := c.Size()
	for _, o := range test.WidgetRenderer(c).Objects() {
		txt, ok := o.(*canvas.Text)
		if !ok || !txt.Visible() {
			continue
		}
		p, s := txt.Position(), txt.MinSize()
		if p.X < 0 || p.Y < 0 || p.X+s.Width > size.Width+0.5 || p.Y+s.Height > size.Height+0.5 {
			t.Errorf("%q at %v size %v is cut off by the %v chart", txt.Text, p, s, size)
		}
	}
	if strings.Join(visibleTexts(c), "|") == "" {
		t.Error("nothing drawn at 300x220")
	}
}

func TestPainChartThousandVisits(t *testing.T) {
	// Given 1,000 visits
	c, w := showChart(t, charttest.Thousand(), nil)
	// Then the dense chart draws its lines without a marker or connector a
	// visit
	r := c.renderer
	if !c.layout.Dense || r.beforeMarks.used != 0 || r.connectors.used != 0 {
		t.Errorf("dense=%v, %d markers, %d connectors", c.layout.Dense, r.beforeMarks.used, r.connectors.used)
	}
	// And its segments are drawn in one raster, not a canvas object each
	// (every object is a draw call that a software OpenGL keeps memory for)
	if n := len(r.Objects()); n > 100 {
		t.Errorf("%d canvas objects for 1,000 visits, want the words and one raster", n)
	}
	if r.before.used < 900 || r.after.used < 900 {
		t.Errorf("%d and %d segments drawn for 1,000 visits", r.before.used, r.after.used)
	}
	// And the important-change level is dashed over the lines, not buried
	layers := r.shapeLayers()
	if slices.Index(layers, shapes(&r.dashes)) < slices.Index(layers, shapes(&r.before)) {
		t.Error("important-change level drawn under a dense history")
	}
	// And a visit can still be found by hovering its date
	test.MoveMouse(w.Canvas(), markerPos(c, 500))
	if v, ok := c.SelectedVisit(); !ok || v.SessionID < 499 || v.SessionID > 501 {
		t.Errorf("hover found %+v, want session 500 or a neighbour", v)
	}
	// And the legend offers no per-visit relief it does not draw
	if slices.Contains(visibleTexts(c), "Relief in a visit") {
		t.Error("dense legend lists relief connectors")
	}
}

func TestPainChartSetPointsReplacesTrend(t *testing.T) {
	// Given a chart with a visit selected
	c, w := showChart(t, charttest.Fortnightly(101), nil)
	test.MoveMouse(w.Canvas(), markerPos(c, 103))
	// When another client's single visit is set
	c.SetPoints(charttest.Fortnightly(101)[:1])
	// Then the selection is gone and the message shows
	if _, ok := c.SelectedVisit(); ok {
		t.Error("selection survived new points")
	}
	if c.Message() != "Record a second visit to see a trend." {
		t.Errorf("message %q", c.Message())
	}
}

func TestPainChartRasterDrawsEachVisitWhereItIs(t *testing.T) {
	// Given the trend
	c, _ := showChart(t, charttest.Fortnightly(101), nil)
	ink := inkFrom(theme.LightTheme())
	for _, scale := range []float32{1, 2} {
		// When the raster is drawn at the canvas's scale (2 on a HiDPI screen)
		size := c.Size()
		img := c.renderer.raster.Generator(int(size.Width*scale), int(size.Height*scale))
		at := func(p fyne.Position) color.Color {
			return img.At(int(p.X*scale), int(p.Y*scale))
		}
		// Then the third visit's pain before is a filled dot at its place,
		// its pain after a hollow ring, and the plot between them empty
		v := c.layout.Visits[2]
		x := c.plot.X + float32(v.X)
		if got := at(fyne.NewPos(x, c.plot.Y+float32(v.BeforeY))); !sameColor(got, ink.before) {
			t.Errorf("scale %v: before marker's centre %v, want %v", scale, got, ink.before)
		}
		after := fyne.NewPos(x, c.plot.Y+float32(v.AfterY))
		if got := at(after); !sameColor(got, ink.paper) {
			t.Errorf("scale %v: after marker's centre %v, want the paper %v", scale, got, ink.paper)
		}
		ring := false
		for px := int(after.X * scale); px <= int((after.X+ink.marker)*scale)+1; px++ {
			ring = ring || sameColor(img.At(px, int(after.Y*scale)), ink.after)
		}
		if !ring {
			t.Errorf("scale %v: no solid ring of %v around the after marker", scale, ink.after)
		}
		if _, _, _, a := at(fyne.NewPos(x+20, c.plot.Y+5)).RGBA(); a != 0 {
			t.Errorf("scale %v: ink in the plot's empty top", scale)
		}
	}
}
