package insight_test

import (
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/insight"
)

func painSeries(scores ...int) []store.Pain {
	var out []store.Pain
	for _, s := range scores {
		out = append(out, store.Pain{Score: s, Recorded: true})
	}
	return out
}

func TestThePracticeCountsImportantChangesByVisit(t *testing.T) {
	eps := []insight.Episode{
		// reached at visit 3, discharged: a success by the 4th
		{FirstVisit: day0, PainBefore: painSeries(8, 7, 5), PainTypes: []string{"Aching"}, Regions: []string{"Neck"}},
		// reached at visit 5
		{FirstVisit: day0, PainBefore: painSeries(6, 6, 6, 6, 4, 4), PainTypes: []string{"Aching"}},
		// never, 8 visits
		{FirstVisit: day0.AddDate(1, 0, 0), PainBefore: painSeries(7, 7, 7, 6, 6, 6, 6, 6), PainTypes: []string{"Sharp"}},
		// 2 visits, not reached: counted nowhere
		{FirstVisit: day0, PainBefore: painSeries(5, 5)},
		// a baseline of 1 cannot fall by 2 points: left out
		{FirstVisit: day0, PainBefore: painSeries(1, 0, 0, 0)},
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
	if pr.LeftOut != 1 {
		t.Errorf("left out %d, want 1", pr.LeftOut)
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
