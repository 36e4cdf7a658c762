package bodymap

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	geo "backtrack/report/bodymap"
)

func labels(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func TestTheLegendNamesEachSymbolAndDrawsIt(t *testing.T) {
	test.NewTempApp(t)
	entries := geo.Legend(aMap)
	got := labels(NewLegend(entries))
	if len(got) != len(entries) || got[0] != "Sharp / stabbing" || got[len(got)-1] != "type not given" {
		t.Errorf("legend labels %q", got)
	}
	for _, e := range entries {
		img := symbolImage(e.Symbol, 16, 16)
		// every symbol inks its middle or, a ring, its edge
		if _, _, _, a := img.At(8, 8).RGBA(); a == 0 && !e.Symbol.Outlined() {
			t.Errorf("%s draws nothing in its middle", e.Label)
		}
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
