package insight_test

import (
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/insight"
)

func TestImprovedAtMostIsTheRulesFall(t *testing.T) {
	// 2 points or 30 % of the baseline, whichever is more, rounded up
	for baseline, want := range map[int]int{10: 7, 8: 5, 7: 4, 6: 4, 3: 1, 2: 0, 1: -1, 0: -1} {
		if got := insight.ImprovedAtMost(baseline); got != want {
			t.Errorf("from %d: at most %d is an important improvement, want %d", baseline, got, want)
		}
	}
}

// episodeOf is an episode of weekly visits from day0 with these pains
// before treatment (-1: not recorded), read as a reader of the record
// reads it.
func episodeOf(first time.Time, painTypes, regions []string, before ...int) insight.Episode {
	e := insight.Episode{FirstVisit: first, PainTypes: painTypes, Regions: regions}
	for _, p := range before {
		if p < 0 {
			e.Add(store.Pain{})
		} else {
			e.Add(store.PainOf(p))
		}
	}
	return e
}

func TestAnEpisodeIsReadVisitByVisit(t *testing.T) {
	for _, c := range []struct {
		before            []int
		baseline, reached int
	}{
		{[]int{8, 7, 5, 2}, 8, 3}, // 3 points and 37 %
		{[]int{8, 6, -1, 6, 5}, 8, 5},
		{[]int{-1, 2, 0}, -1, 0}, // no baseline: nothing to fall from
		{[]int{6, 5, 6}, 6, 0},
		{[]int{2, 0, 0}, 2, 2},
	} {
		e := episodeOf(day0, nil, nil, c.before...)
		base := -1
		if e.Baseline.Recorded {
			base = e.Baseline.Score
		}
		if e.Visits != len(c.before) || base != c.baseline || e.ReachedAt != c.reached {
			t.Errorf("%v: %d visits from %d, reached at %d; want %d visits from %d, reached at %d",
				c.before, e.Visits, base, e.ReachedAt, len(c.before), c.baseline, c.reached)
		}
	}
}

func TestThePracticeCountsImportantChangesByVisit(t *testing.T) {
	achingPain, sharp := []string{"Aching"}, []string{"Sharp"}
	eps := []insight.Episode{
		// reached at visit 3, discharged: a success by the 4th
		episodeOf(day0, achingPain, []string{"Neck"}, 8, 7, 5),
		// reached at visit 5
		episodeOf(day0, achingPain, nil, 6, 6, 6, 6, 4, 4),
		// never, 8 visits
		episodeOf(day0.AddDate(1, 0, 0), sharp, nil, 7, 7, 7, 6, 6, 6, 6, 6),
		// 2 visits, not reached: counted nowhere
		episodeOf(day0, nil, nil, 5, 5),
		// a baseline of 1 cannot fall by 2 points: left out
		episodeOf(day0, nil, nil, 1, 0, 0, 0),
		// no pain recorded at the first visit: left out
		episodeOf(day0, nil, nil, -1, 6, 2),
	}
	pr := insight.OfPractice(eps)
	all := pr.Groups[0]
	want := []insight.Share{{Visit: 4, Reached: 1, Of: 3}, {Visit: 6, Reached: 2, Of: 3}, {Visit: 8, Reached: 2, Of: 3}}
	for i, w := range want {
		g := all.Shares[i]
		if g.Visit != w.Visit || g.Reached != w.Reached || g.Of != w.Of || g.Low > float64(g.Reached)/float64(g.Of) || g.High < float64(g.Reached)/float64(g.Of) {
			t.Errorf("all clients %+v, want %+v", g, w)
		}
	}
	if pr.LeftOut != 2 {
		t.Errorf("left out %d, want 2", pr.LeftOut)
	}
	var aching insight.Group
	for _, g := range pr.Groups {
		if g.Label == "Pain type: Aching" {
			aching = g
		}
	}
	if w := aching.Words(); !strings.Contains(w, "by the 4th visit 50 % (1 of 2") || !strings.Contains(w, "by the 6th visit 100 % (2 of 2") {
		t.Errorf("aching: %q", w)
	}
	if len(pr.Years) != 2 || pr.Years[0].Clients != 3 || pr.Years[0].Reached != 2 || pr.Years[0].Median != 4 {
		t.Errorf("years %+v", pr.Years)
	}
	if !strings.Contains(pr.RuleWords(), "Ostelo") || len(pr.Caveats) == 0 {
		t.Errorf("rule %q caveats %v", pr.RuleWords(), pr.Caveats)
	}
}
