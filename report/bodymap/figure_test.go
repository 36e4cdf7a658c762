package bodymap_test

import (
	"fmt"
	"testing"

	"backtrack/report/bodymap"
	"backtrack/store"
)

var sizes = []struct{ x, y, w, h float64 }{
	{0, 0, 212, 244},   // design size
	{0, 0, 120, 140},   // the brief's small map
	{10, 20, 640, 400}, // a wide box: the figure is centred
	{0, 0, 90, 600},    // a tall, narrow box
	{5, 5, 2000, 2300}, // print resolution
}

func TestEveryRegionsCentreHitsThatRegionAtEverySize(t *testing.T) {
	for _, sz := range sizes {
		f := bodymap.Layout(sz.x, sz.y, sz.w, sz.h)
		for _, s := range f.Shapes() {
			t.Run(fmt.Sprintf("%vx%v/%s", sz.w, sz.h, s.Region), func(t *testing.T) {
				if got, ok := f.HitTest(s.Centre); !ok || got != s.Region {
					t.Errorf("centre %v hits %q (%v)", s.Centre, got, ok)
				}
			})
		}
	}
}

func TestPointsOutsideTheFigureHitNothing(t *testing.T) {
	for _, sz := range sizes {
		f := bodymap.Layout(sz.x, sz.y, sz.w, sz.h)
		at := func(dx, dy float64) bodymap.Point { // design units
			return bodymap.Point{X: f.OffsetX + dx*f.Scale, Y: f.OffsetY + dy*f.Scale}
		}
		for name, p := range map[string]bodymap.Point{
			"the box's corner":           {X: sz.x, Y: sz.y},
			"the title":                  at(50, 6),
			"between the views":          at(107, 120),
			"beside the back view's hip": at(5, 110),
			"between the legs, back":     at(50, 170),
			"between the arm and side":   at(28, 100),
			"beyond the figure":          at(300, 300),
			"above the head, front":      at(164, 12.5),
		} {
			if got, ok := f.HitTest(p); ok {
				t.Errorf("%vx%v: %s (%v) hits %q", sz.w, sz.h, name, p, got)
			}
		}
	}
}

func TestTheFigureDrawsEveryRegionOfTheRecordOnce(t *testing.T) {
	f := bodymap.Layout(0, 0, 212, 244)
	drawn := map[store.RegionID]bodymap.Shape{}
	for _, s := range f.Shapes() {
		if _, twice := drawn[s.Region]; twice {
			t.Errorf("%s drawn twice", s.Region)
		}
		drawn[s.Region] = s
	}
	for _, r := range store.Regions() {
		s, ok := drawn[r.ID]
		if !ok {
			t.Errorf("%s is not drawn", r.ID)
			continue
		}
		if s.Back != r.Back {
			t.Errorf("%s on the wrong view", r.ID)
		}
		delete(drawn, r.ID)
	}
	for id := range drawn {
		t.Errorf("%s is drawn but not in the record", id)
	}
}

// The client's left is on the viewer's left from behind, on the viewer's
// right from the front.
func TestSidesAreTheClientsOwn(t *testing.T) {
	f := bodymap.Layout(0, 0, 212, 244)
	l, _ := f.ShapeOf("lumbar-l")
	r, _ := f.ShapeOf("lumbar-r")
	kl, _ := f.ShapeOf("knee-l")
	kr, _ := f.ShapeOf("knee-r")
	if l.Centre.X >= r.Centre.X || kl.Centre.X <= kr.Centre.X {
		t.Errorf("lumbar L %v R %v, knee L %v R %v", l.Centre, r.Centre, kl.Centre, kr.Centre)
	}
}

func TestEachPainTypeHasItsOwnSymbolAndColour(t *testing.T) {
	symbols, colours := map[bodymap.Symbol]string{}, map[bodymap.RGB]string{}
	for _, name := range []string{"Sharp / stabbing", "Dull ache", "Stiffness", "Decreased mobility", "Fatigue", "Referred pain", ""} {
		s := bodymap.SymbolOf(store.Tag{Name: name})
		if other, dup := symbols[s]; dup {
			t.Errorf("%q and %q share a symbol", name, other)
		}
		if other, dup := colours[s.Colour()]; dup {
			t.Errorf("%q and %q share a colour", name, other)
		}
		symbols[s], colours[s.Colour()] = name, name
		if len(s.Path(bodymap.Point{}, 1)) == 0 {
			t.Errorf("%q has no shape", name)
		}
	}
	legend := bodymap.Legend([]store.BodyMark{{Region: "sacral"}, {Region: "lumbar-l", PainType: store.Tag{Name: "Dull ache"}}},
		[]store.BodyMark{{Region: "calf-l", PainType: store.Tag{Name: "Sharp / stabbing"}}})
	if len(legend) != 3 || legend[0].Label != "Sharp / stabbing" || legend[2].Label != "type not given" {
		t.Errorf("legend %+v", legend)
	}
}

func TestHeatShadesDarkenWithHowOftenARegionHurt(t *testing.T) {
	sessions := []store.Session{{BodyMap: []store.BodyMark{{Region: "lumbar-l"}, {Region: "sacral"}}},
		{BodyMap: []store.BodyMark{{Region: "lumbar-l"}}}}
	counts, max := bodymap.Heat(sessions)
	if counts["lumbar-l"] != 2 || counts["sacral"] != 1 || max != 2 {
		t.Fatalf("counts %v max %d", counts, max)
	}
	lum := func(c bodymap.RGB) int { return 299*int(c.R) + 587*int(c.G) + 114*int(c.B) }
	if !(lum(bodymap.HeatShade(0, 2)) > lum(bodymap.HeatShade(1, 2)) && lum(bodymap.HeatShade(1, 2)) > lum(bodymap.HeatShade(2, 2))) {
		t.Error("the shading does not darken with the count")
	}
}

func TestHeatShadesSinkTowardADarkPaperAsTheMarksDo(t *testing.T) {
	white, dark := bodymap.RGB{R: 255, G: 255, B: 255}, bodymap.RGB{R: 23, G: 23, B: 24}
	if got := bodymap.HeatShadeOver(1, 10, white); got != bodymap.HeatShade(1, 10) {
		t.Errorf("over white %v, want the printed shade %v", got, bodymap.HeatShade(1, 10))
	}
	// the printed scale is kept: orange half way, deep red at the most
	if got := bodymap.HeatShadeOver(5, 10, white); got != (bodymap.RGB{R: 253, G: 141, B: 60}) {
		t.Errorf("half way over white %v", got)
	}
	if got := bodymap.HeatShadeOver(10, 10, white); got != (bodymap.RGB{R: 177, G: 0, B: 38}) {
		t.Errorf("the most over white %v", got)
	}
	lum := func(c bodymap.RGB) int { return (299*int(c.R) + 587*int(c.G) + 114*int(c.B)) / 1000 }
	if got := bodymap.HeatShadeOver(0, 4, dark); got != dark {
		t.Errorf("a region never marked is %v, want the paper %v", got, dark)
	}
	rare := bodymap.HeatShadeOver(1, 10, dark)
	if lum(rare) > 128 {
		t.Errorf("a region hurt once in ten glares on dark paper: %v (luminance %d)", rare, lum(rare))
	}
	seen := map[bodymap.RGB]bool{}
	for _, n := range bodymap.HeatSteps(10) {
		c := bodymap.HeatShadeOver(n, 10, dark)
		if seen[c] || c == dark {
			t.Errorf("step %d on dark paper is %v: not told apart", n, c)
		}
		seen[c] = true
	}
}
