package insight_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/insight"
)

var day0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// synthetic builds n weekly visits: pain before 6 ± noise, relief 1 ±
// noise; Stretching on every other visit adds reliefEffect points of
// relief, the Sitting trigger on every third adds flareEffect points
// before treatment. Noise is drawn from seed, so each record is fixed.
func synthetic(n int, reliefEffect, flareEffect float64, seed uint64) []insight.Visit {
	rng := rand.New(rand.NewPCG(seed, 7))
	noise := func() float64 { return rng.NormFloat64() * 0.8 }
	var out []insight.Visit
	for i := range n {
		v := insight.Visit{Start: day0.AddDate(0, 0, 7*i), PainTypes: []string{"Aching"}, Regions: []string{"Lower back"}}
		before, relief := 6+noise(), 1+noise()
		v.Exposures = []insight.Exposure{{Kind: insight.ExposureTechnique, Name: "Swedish"}}
		if i%2 == 0 {
			v.Exposures = append(v.Exposures, insight.Exposure{Kind: insight.ExposureTechnique, Name: "Stretching"})
			relief += reliefEffect
		}
		if i%3 == 0 {
			v.Triggers = []string{"Sitting long"}
			v.PainTypes = append(v.PainTypes, "Sharp")
			before += flareEffect
		}
		v.Before = pain(before)
		v.After = pain(before - relief)
		out = append(out, v)
	}
	return out
}

func pain(v float64) store.Pain {
	return store.Pain{Score: int(math.Max(0, math.Min(10, math.Round(v)))), Recorded: true}
}

func find(list []insight.Comparison, name string) insight.Comparison {
	for _, c := range list {
		if c.Name == name {
			return c
		}
	}
	panic("no comparison " + name)
}

func TestATechniqueAddingTwoPointsOfReliefIsFound(t *testing.T) {
	ci := insight.OfClient(synthetic(12, 2, 0, 1), nil)
	c := find(ci.Relief, "Stretching")
	if !c.Found() {
		t.Fatalf("Stretching adds 2 points of relief over 12 visits, not found: %s", c.Words())
	}
	if c.With != 6 || c.Without != 6 || c.Difference < 1 || c.Difference > 3 {
		t.Errorf("Stretching: %d vs %d, difference %.2f; want 6 vs 6 about 2", c.With, c.Without, c.Difference)
	}
	if !c.Interval.Excludes(0) || c.Interval.Low > 2 || c.Interval.High < 2 {
		t.Errorf("interval %v should hold 2 and leave out 0", c.Interval)
	}
	line := c.Line()
	if !strings.HasPrefix(line, "Stretching: ") || !strings.Contains(line, "points more relief, 6 visits vs 6") {
		t.Errorf("brief line %q", line)
	}
	for _, f := range ci.Findings() {
		if f.Name == "Swedish" || f.Name == "Sitting long" {
			t.Errorf("claimed where nothing is: %s", f.Words())
		}
	}
}

func TestATriggerAddingTwoPointsBeforeTreatmentIsFound(t *testing.T) {
	ci := insight.OfClient(synthetic(12, 0, 2, 2), nil)
	c := find(ci.Flares, "Sitting long")
	if !c.Found() || c.With != 4 || c.Without != 8 {
		t.Fatalf("Sitting long adds 2 points before treatment on 4 of 12 visits: %s", c.Words())
	}
	if !strings.Contains(c.Words(), "pain before 2") && !strings.Contains(c.Words(), "pain before 1.") {
		t.Errorf("words %q", c.Words())
	}
	want := []string{"Aching (4 of 4)", "Sharp (4 of 4)", "Lower back (4 of 4)"}
	if strings.Join(c.Comes, ", ") != strings.Join(want, ", ") {
		t.Errorf("comes with %v, want %v", c.Comes, want)
	}
}

func TestThreeVisitsAreNotEnoughToTell(t *testing.T) {
	ci := insight.OfClient(synthetic(3, 4, 4, 3), nil)
	if f := ci.Findings(); len(f) != 0 {
		t.Fatalf("3 visits claimed %s", f[0].Words())
	}
	c := find(ci.Relief, "Stretching")
	if w := c.Words(); !strings.Contains(w, "not enough visits to tell") || !strings.Contains(w, "2 visits vs 1") {
		t.Errorf("words %q", w)
	}
	if c.Line() != "" {
		t.Errorf("a brief line without a finding: %q", c.Line())
	}
	for _, co := range ci.Courses {
		if co.SlopeFound() || co.NAPFound() {
			t.Errorf("3 visits told a course: %s", co.Words())
		}
	}
}

func TestAClientWithNoEffectHasNoFinding(t *testing.T) {
	ci := insight.OfClient(synthetic(12, 0, 0, 4), nil)
	for _, f := range ci.Findings() {
		t.Errorf("claimed where nothing is: %s", f.Words())
	}
	for _, c := range append(ci.Relief, ci.Flares...) {
		if c.Name == "Swedish" { // on every visit
			continue
		}
		if !strings.Contains(c.Words(), "not enough visits to tell") || !strings.Contains(c.Words(), "95 % interval") {
			t.Errorf("without a finding the words say so, with the numbers: %q", c.Words())
		}
	}
}

// Across many clients with no effect, a claim is made about as often as a
// 95 % interval misses: the method's false alarms, counted.
func TestNoEffectIsRarelyClaimed(t *testing.T) {
	claims, tries := 0, 0
	for seed := range uint64(200) {
		ci := insight.OfClient(synthetic(12, 0, 0, 100+seed), nil)
		for _, c := range append(ci.Relief, ci.Flares...) {
			tries++
			if c.Found() {
				claims++
			}
		}
	}
	if rate := float64(claims) / float64(tries); rate > 0.12 {
		t.Errorf("claimed %d of %d comparisons with no effect (%.0f %%)", claims, tries, 100*rate)
	} else {
		t.Logf("false claims: %d of %d", claims, tries)
	}
}

func TestSwappingTheSidesFlipsTheSign(t *testing.T) {
	visits := synthetic(12, 2, 0, 5)
	a := find(insight.OfClient(visits, nil).Relief, "Stretching")
	// the same visits with Stretching on the other half
	for i := range visits {
		if i%2 == 0 {
			visits[i].Exposures = visits[i].Exposures[:1]
		} else {
			visits[i].Exposures = append(visits[i].Exposures, insight.Exposure{Kind: insight.ExposureTechnique, Name: "Stretching"})
		}
	}
	b := find(insight.OfClient(visits, nil).Relief, "Stretching")
	if a.Difference != -b.Difference || a.Interval.Low != -b.Interval.High || a.Interval.High != -b.Interval.Low {
		t.Errorf("swapped: %.3f [%.3f, %.3f] against %.3f [%.3f, %.3f]", a.Difference, a.Interval.Low,
			a.Interval.High, b.Difference, b.Interval.Low, b.Interval.High)
	}
}

func TestAConstantSeriesHasSlopeZero(t *testing.T) {
	var visits []insight.Visit
	for i := range 10 {
		visits = append(visits, insight.Visit{Start: day0.AddDate(0, 0, i), Before: pain(5), After: pain(3)})
	}
	co := insight.OfClient(visits, nil).Courses[0]
	if co.Line.Slope != 0 || co.SlopeFound() || co.NAP != 0.5 || co.NAPFound() {
		t.Errorf("constant: slope %v found %v, NAP %v found %v", co.Line.Slope, co.SlopeFound(), co.NAP, co.NAPFound())
	}
}

func TestAFallingCourseIsFound(t *testing.T) {
	var visits []insight.Visit
	for i := range 12 {
		visits = append(visits, insight.Visit{Start: day0.AddDate(0, 0, 7*i), Before: pain(8 - 0.5*float64(i)), After: pain(2)})
	}
	co := insight.OfClient(visits, nil).Courses[0]
	if !co.SlopeFound() || math.Abs(co.Line.Slope+0.5) > 0.01 || !co.NAPFound() || co.NAP != 1 {
		t.Fatalf("falling 0.5 a visit: %s", co.Words())
	}
	if w := co.Words(); !strings.Contains(w, "falling 0.5 points a visit") || !strings.Contains(w, "NAP 1.00") {
		t.Errorf("words %q", w)
	}
}

func TestMeasuresHaveACourse(t *testing.T) {
	var ms []store.Measure
	for i := range 6 {
		ms = append(ms, store.Measure{Kind: store.RMDQ, Taken: day0.AddDate(0, 0, 14*i), Items: rmdq(12 - 2*i)})
	}
	ci := insight.OfClient(synthetic(6, 0, 0, 6), ms)
	if len(ci.Courses) != 2 || ci.Courses[1].Name != store.RMDQ.Label() || !ci.Courses[1].SlopeFound() {
		t.Fatalf("courses %+v", ci.Courses)
	}
	if w := ci.Courses[1].Words(); !strings.Contains(w, "falling 1.0 point a week") {
		t.Errorf("RMDQ words %q", w)
	}
}

func rmdq(yes int) []store.MeasureItem {
	var items []store.MeasureItem
	for i := range 24 {
		s := 0
		if i < yes {
			s = 1
		}
		items = append(items, store.MeasureItem{Item: fmt.Sprint(i + 1), Score: s})
	}
	return items
}

func TestEveryViewCarriesTheCaveats(t *testing.T) {
	ci := insight.OfClient(nil, nil)
	if len(ci.Caveats) != 5 || !strings.Contains(strings.Join(ci.Caveats, " "), "not cause") {
		t.Errorf("caveats %v", ci.Caveats)
	}
}

func TestAnExposureOnEveryVisitHasNothingToCompare(t *testing.T) {
	ci := insight.OfClient(synthetic(5, 0, 0, 8), nil)
	c := find(ci.Relief, "Swedish")
	if w := c.Words(); w != "Swedish: on all 5 visits, so nothing to compare with" || c.Found() {
		t.Errorf("words %q", w)
	}
}
