package bodychart

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/report/bodymap"
)

// flat is o and everything in its containers, in order.
func flat(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			out = append(out, flat(child)...)
		}
	}
	return out
}

func labels(o fyne.CanvasObject) []string {
	var out []string
	for _, o := range flat(o) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}

func TestTheLegendNamesEachSymbolOfBothMaps(t *testing.T) {
	test.NewTempApp(t)
	entries := bodymap.Legend(aMap, aMap)
	l := NewLegend()
	l.SetMap(aMap, nil)
	if got := strings.Split(l.Text, " · "); len(got) != len(entries) || got[0] != "Sharp / stabbing" || got[len(got)-1] != "type not given" {
		t.Errorf("legend %q", l.Text)
	}
}

func TestTheHeatKeyCountsVisits(t *testing.T) {
	test.NewTempApp(t)
	if got := labels(NewHeatKey(3)); len(got) != 3 || got[0] != "1 visit" || got[2] != "3 visits" {
		t.Errorf("key of 3: %q", got)
	}
	if got := labels(NewHeatKey(37)); len(got) != 5 || got[0] != "1 visit" || got[4] != "37 visits" {
		t.Errorf("key of 37: %q", got)
	}
}

// On the dark theme the key's swatches are the shades the chart draws
// there, mixed toward the dark paper, not the printed ones.
func TestTheHeatKeyShowsTheShadesOfItsTheme(t *testing.T) {
	test.NewTempApp(t)
	test.ApplyTheme(t, theme.DarkTheme())
	paper := rgbOf(theme.DarkTheme().Color(theme.ColorNameBackground, theme.VariantDark))
	var got []color.Color
	for _, o := range flat(NewHeatKey(4)) {
		if r, ok := o.(*canvas.Rectangle); ok {
			got = append(got, r.FillColor)
		}
	}
	if len(got) != 4 {
		t.Fatalf("%d swatches for 4 visits", len(got))
	}
	for i, c := range got {
		if want := rgba(bodymap.HeatShadeOver(i+1, 4, paper)); c != want {
			t.Errorf("swatch %d is %v, want %v", i+1, c, want)
		}
	}
}
