package bodychart

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"backtrack/report/bodymap"
	"backtrack/store"
)

// aMap is a QL-and-gluteus-medius client's map: sharp pain in the left
// lumbar region, a dull ache over the sacrum, referred pain down the back
// of the left thigh, stiffness on the right lateral hip, one region without
// a type.
var aMap = []store.BodyMark{
	{Region: "lumbar-l", PainType: store.Tag{Name: "Sharp / stabbing"}, Intensity: store.PainOf(7)},
	{Region: "sacral", PainType: store.Tag{Name: "Dull ache"}, Intensity: store.PainOf(4)},
	{Region: "thigh-posterior-l", PainType: store.Tag{Name: "Referred pain"}},
	{Region: "hip-lateral-r", PainType: store.Tag{Name: "Stiffness"}, Intensity: store.PainOf(3)},
	{Region: "groin-l"},
}

var treated = []store.Tag{{Name: "Quadratus lumborum", Side: store.Left}, {Name: "Gluteus medius", Side: store.Both}}

func showChart(t *testing.T, th fyne.Theme) (*Chart, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	test.ApplyTheme(t, th)
	c := New()
	c.SetMap(aMap, treated)
	w := test.NewTempWindow(t, c)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(424, 488))
	return c, w
}

func TestTheChartDrawsTheMapLightAndDark(t *testing.T) {
	_, w := showChart(t, theme.LightTheme())
	test.AssertRendersToImage(t, "map_light.png", w.Canvas())
	_, w = showChart(t, theme.DarkTheme())
	test.AssertRendersToImage(t, "map_dark.png", w.Canvas())
}

func TestTheHeatMapDrawsLightAndDark(t *testing.T) {
	for name, th := range map[string]fyne.Theme{"heat_light.png": theme.LightTheme(), "heat_dark.png": theme.DarkTheme()} {
		c, w := showChart(t, th)
		c.SetMap(nil, nil)
		c.SetHeat(map[store.RegionID]int{"lumbar-l": 6, "lumbar-r": 3, "sacral": 1, "gluteal-upper-l": 5}, 6)
		test.AssertRendersToImage(t, name, w.Canvas())
	}
}

func TestTappingARegionNamesIt(t *testing.T) {
	c, _ := showChart(t, theme.LightTheme())
	var got []store.RegionID
	c.OnTapped = func(id store.RegionID) { got = append(got, id) }
	f := bodymap.Layout(0, 0, float64(c.Size().Width), float64(c.Size().Height))
	for _, id := range []store.RegionID{"sacroiliac-r", "knee-l", "neck"} {
		s, _ := f.ShapeOf(id)
		test.TapAt(c, fyne.NewPos(float32(s.Centre.X), float32(s.Centre.Y)))
	}
	test.TapAt(c, fyne.NewPos(2, 2)) // beside the figure: nothing
	if len(got) != 3 || got[0] != "sacroiliac-r" || got[1] != "knee-l" || got[2] != "neck" {
		t.Errorf("taps named %v", got)
	}
}

// A marked region is tinted with its pain type's colour and carries its
// symbol in that colour at its centre.
func TestAMarkedRegionShowsItsTypesColourAndSymbol(t *testing.T) {
	img := Render(424, 488, InkOf(theme.LightTheme(), theme.VariantLight), aMap, nil, nil, 0, "")
	f := bodymap.Layout(0, 0, 424, 488)
	s, _ := f.ShapeOf("lumbar-l")
	want := bodymap.SymbolOf(store.Tag{Name: "Sharp / stabbing"}).Colour()
	got := color.NRGBAModel.Convert(img.At(int(s.Centre.X), int(s.Centre.Y))).(color.NRGBA)
	if got.R != want.R || got.G != want.G || got.B != want.B {
		t.Errorf("symbol at the centre is %v, want %v", got, want)
	}
	un, _ := f.ShapeOf("lumbar-r")
	if g := color.NRGBAModel.Convert(img.At(int(un.Centre.X), int(un.Centre.Y))).(color.NRGBA); g.R == want.R && g.G == want.G {
		t.Error("an unmarked region is tinted")
	}
}

// On the dark theme a marked region's tint is mixed toward the dark paper:
// a deep shade, not the pale tint of print that glares on a dark screen.
func TestADarkChartTintsTowardItsPaper(t *testing.T) {
	lumbar := aMap[:1]
	lum := func(v fyne.ThemeVariant, th fyne.Theme) float64 {
		img := Render(424, 488, InkOf(th, v), lumbar, nil, nil, 0, "")
		f := bodymap.Layout(0, 0, 424, 488)
		want := rgba(bodymap.FillOver(lumbar[0], rgbOf(th.Color(theme.ColorNameBackground, v))))
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				if id, _ := f.HitTest(bodymap.Point{X: float64(x) + 0.5, Y: float64(y) + 0.5}); id == "lumbar-l" &&
					color.NRGBAModel.Convert(img.At(x, y)) == want {
					return 0.299*float64(want.R) + 0.587*float64(want.G) + 0.114*float64(want.B)
				}
			}
		}
		t.Fatalf("no pixel of lumbar (L) has the tint %v", want)
		return 0
	}
	test.NewTempApp(t)
	light, dark := lum(theme.VariantLight, theme.LightTheme()), lum(theme.VariantDark, theme.DarkTheme())
	if dark > light/2 {
		t.Errorf("the dark tint's luminance %.0f is more than half the light one's %.0f", dark, light)
	}
}

func TestTheLegendSaysWhichIsWhich(t *testing.T) {
	test.NewTempApp(t)
	l := NewLegend()
	l.SetMap(aMap, treated)
	want := "Sharp / stabbing · Dull ache · Stiffness · Referred pain · type not given · muscles treated"
	if l.Text != want {
		t.Errorf("legend %q, want %q", l.Text, want)
	}
	l.SetMap(aMap[:1], []store.Tag{{Name: "My own muscle"}})
	if l.Text != "Sharp / stabbing" {
		t.Errorf("a muscle without an outline is in the legend: %q", l.Text)
	}
}
