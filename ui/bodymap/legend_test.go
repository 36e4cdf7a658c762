package bodymap

import (
	"strings"
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

func TestTheLegendNamesEachSymbolOfBothMaps(t *testing.T) {
	test.NewTempApp(t)
	entries := geo.Legend(aMap, aMap)
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
