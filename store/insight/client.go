package insight

import (
	"cmp"
	"fmt"
	"slices"

	"backtrack/store"
)

// ClientInsights is what the record says about one client's episode of
// care: the comparisons, the course, and the caveats that go with them.
type ClientInsights struct {
	Visits    int
	Relief    []Comparison // per exposure: relief within the visit
	NextVisit []Comparison // per exposure: pain before at the next visit
	Flares    []Comparison // per trigger: pain before treatment
	Courses   []Course     // pain before treatment, then each measure
	Caveats   []string
}

// Findings are the comparisons that may be said in words: what went with
// more relief first (what the therapist can do), then with the next
// visit, then the flares; within each, the largest difference first.
func (ci ClientInsights) Findings() []Comparison {
	var out []Comparison
	for _, list := range [][]Comparison{ci.Relief, ci.NextVisit, ci.Flares} {
		var found []Comparison
		for _, c := range list {
			if c.Found() {
				found = append(found, c)
			}
		}
		slices.SortStableFunc(found, func(a, b Comparison) int {
			return cmp.Compare(abs(b.Difference), abs(a.Difference))
		})
		out = append(out, found...)
	}
	return out
}

// OfClient reads the episode's visits (VisitsOf) and the measures taken
// in it (any order).
func OfClient(visits []Visit, measures []store.Measure) ClientInsights {
	ci := ClientInsights{Visits: len(visits), Caveats: Caveats}
	for _, e := range exposuresOf(visits) {
		ci.Relief = append(ci.Relief, compareRelief(visits, e))
		ci.NextVisit = append(ci.NextVisit, compareNextVisit(visits, e))
	}
	for _, t := range triggersOf(visits) {
		ci.Flares = append(ci.Flares, compareFlare(visits, t))
	}
	ci.Courses = append(ci.Courses, painCourse(visits))
	for _, k := range store.MeasureKinds {
		if pts := store.MeasureTrend(measures, k); len(pts) > 0 {
			ci.Courses = append(ci.Courses, measureCourse(k, pts))
		}
	}
	return ci
}

// exposuresOf lists the exposures of the visits, techniques first, each
// by name.
func exposuresOf(visits []Visit) []Exposure {
	var out []Exposure
	for _, v := range visits {
		for _, e := range v.Exposures {
			out = appendNewExposure(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Exposure) int {
		return cmp.Or(cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)), cmp.Compare(a.Name, b.Name))
	})
	return out
}

func kindOrder(kind string) int {
	switch kind {
	case ExposureTechnique:
		return 0
	case ExposureMuscle:
		return 1
	}
	return 2
}

func triggersOf(visits []Visit) []string {
	var out []string
	for _, v := range visits {
		for _, t := range v.Triggers {
			out = appendNew(out, t)
		}
	}
	slices.Sort(out)
	return out
}

// compareRelief sets the relief of visits with e against those without;
// visits without both scores are on neither side.
func compareRelief(visits []Visit, e Exposure) Comparison {
	var with, without []float64
	for _, v := range visits {
		if r, ok := v.Relief(); ok {
			if v.Has(e) {
				with = append(with, r)
			} else {
				without = append(without, r)
			}
		}
	}
	return compare(Relief, e.Kind, e.Name, with, without)
}

// compareNextVisit sets the pain before the visit after one with e
// against the pain after one without; the episode's last visit has no
// next one.
func compareNextVisit(visits []Visit, e Exposure) Comparison {
	var with, without []float64
	for i := 0; i+1 < len(visits); i++ {
		next := visits[i+1].Before
		if !next.Recorded {
			continue
		}
		if visits[i].Has(e) {
			with = append(with, float64(next.Score))
		} else {
			without = append(without, float64(next.Score))
		}
	}
	return compare(NextVisit, e.Kind, e.Name, with, without)
}

// compareFlare sets the pain before treatment on visits with the trigger
// against those without, and names the pain types and regions most often
// recorded with it.
func compareFlare(visits []Visit, trigger string) Comparison {
	var with, without []float64
	types, regions := map[string]int{}, map[string]int{}
	for _, v := range visits {
		has := slicesContains(v.Triggers, trigger)
		if has {
			for _, t := range v.PainTypes {
				types[t]++
			}
			for _, r := range v.Regions {
				regions[r]++
			}
		}
		if !v.Before.Recorded {
			continue
		}
		if has {
			with = append(with, float64(v.Before.Score))
		} else {
			without = append(without, float64(v.Before.Score))
		}
	}
	c := compare(Flare, "trigger", trigger, with, without)
	n := 0
	for _, v := range visits {
		if slicesContains(v.Triggers, trigger) {
			n++
		}
	}
	c.Comes = append(mostOften(types, n), mostOften(regions, n)...)
	return c
}

// mostOften is the two names counted most, "sharp (5 of 6)".
func mostOften(counts map[string]int, of int) []string {
	type named struct {
		name string
		n    int
	}
	var list []named
	for name, n := range counts {
		list = append(list, named{name, n})
	}
	slices.SortFunc(list, func(a, b named) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.name, b.name)) })
	var out []string
	for i := 0; i < len(list) && i < 2; i++ {
		out = append(out, fmt.Sprintf("%s (%d of %d)", list[i].name, list[i].n, of))
	}
	return out
}

func compare(q Question, kind, name string, with, without []float64) Comparison {
	d, iv := meanDifference(with, without)
	return Comparison{Question: q, Kind: kind, Name: name, With: len(with), Without: len(without),
		MeanWith: mean(with), MeanWithout: mean(without), Difference: d, Interval: iv,
		ValuesWith: with, ValuesWithout: without}
}

func slicesContains(list []string, s string) bool { return slices.Contains(list, s) }

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// OfRecord is the insights of a client's record as the desk holds it (the
// whole record, store.ClientRecord): its current episode's visits and the
// measures taken in it.
func OfRecord(rec store.ClientRecord) ClientInsights {
	start := store.EpisodeStart(rec.Plan).Format(store.DateLayout)
	var measures []store.Measure
	for _, m := range rec.Measures {
		if store.EpisodeStart(rec.Plan).IsZero() || m.Taken.Format(store.DateLayout) >= start {
			measures = append(measures, m)
		}
	}
	return OfClient(VisitsOf(rec.Sessions, rec.Plan), measures)
}
