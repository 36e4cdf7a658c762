package store_test

import (
	"strings"
	"testing"
	"time"

	"backtrack/store"
)

// The cases are worked by hand from the published rules: an important
// change needs the measure's points AND 30 % of the baseline (Ostelo et al.
// 2008: NRS 2, ODI 10, RMDQ 5), the PSFS 2 points on the average
// (Stratford et al. 1995).
func TestVerdictsFollowThePublishedRules(t *testing.T) {
	cases := []struct {
		name          string
		kind          store.MeasureKind // "" for pain on the NRS
		baseline, now float64
		want          store.Direction
	}{
		{"ODI 10 → 6: 4 points is inside measurement error", store.ODI, 10, 6, store.NoImportantChange},
		{"RMDQ 4 → 2: 2 points, not 5", store.RMDQ, 4, 2, store.NoImportantChange},
		{"NRS 3 → 2: 1 point, not 2", "", 3, 2, store.NoImportantChange},
		{"NRS 9 → 7: 2 points but 22 %", "", 9, 7, store.NoImportantChange},
		{"NRS 8 → 6: 2 points but 25 %", "", 8, 6, store.NoImportantChange},
		{"NRS 8 → 5: 3 points and 37.5 %", "", 8, 5, store.ImportantImprovement},
		{"NRS 7 → 5: 2 points but 28.6 %", "", 7, 5, store.NoImportantChange},
		{"NRS 4 → 2: 2 points and 50 %", "", 4, 2, store.ImportantImprovement},
		{"NRS 4 → 6: 2 points and 50 % worse", "", 4, 6, store.ImportantWorsening},
		{"ODI 10 → 14: 4 points worse is not important", store.ODI, 10, 14, store.NoImportantChange},
		{"ODI 30 → 62: 32 points worse", store.ODI, 30, 62, store.ImportantWorsening},
		{"ODI 50 → 36: 14 points but 28 %", store.ODI, 50, 36, store.NoImportantChange},
		{"ODI 50 → 35: 15 points and 30 %", store.ODI, 50, 35, store.ImportantImprovement},
		{"RMDQ 20 → 14: 6 points but 30 % is 6", store.RMDQ, 20, 14, store.ImportantImprovement},
		{"RMDQ 20 → 15: 5 points but 25 %", store.RMDQ, 20, 15, store.NoImportantChange},
		{"PSFS 4.25 → 6.2: 1.95 is not 2", store.PSFS, 4.25, 6.2, store.NoImportantChange},
		{"PSFS 4 → 6: 2 points", store.PSFS, 4, 6, store.ImportantImprovement},
		{"PSFS 6 → 4: 2 points worse", store.PSFS, 6, 4, store.ImportantWorsening},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rule, higher := store.PainChangeRule, false
			if c.kind != "" {
				rule, higher = c.kind.ChangeRule(), c.kind.HigherIsBetter()
			}
			if got := rule.Judge(c.baseline, c.now, higher); got != c.want {
				t.Errorf("Judge(%v → %v) = %v, want %v", c.baseline, c.now, got, c.want)
			}
		})
	}
	// The chart's reference line and the pain threshold say the same.
	if got := store.ImportantThreshold(8); got != 5 {
		t.Errorf("pain threshold from 8 = %v, want 5 (30 %% of 8 is 2.4, so 3 points)", got)
	}
	if got := store.ODI.ImportantLevel(10); got != 0 {
		t.Errorf("ODI level from 10 = %v, want 0 (10 points)", got)
	}
}

func measureProgress(kind store.MeasureKind, vals ...float64) store.MeasureProgress {
	var pts []store.MeasurePoint
	for i, v := range vals {
		pts = append(pts, store.MeasurePoint{Taken: time.Date(2026, 3, 1+7*i, 0, 0, 0, 0, time.UTC), Value: v})
	}
	p, _ := store.ProgressOfMeasure(kind, pts)
	return p
}

func TestMeasureWordsPrintWhatTheyCompare(t *testing.T) {
	p := measureProgress(store.PSFS, 4.25, 6.2)
	if got, want := p.ChangeText(), "+1.95 points"; got != want {
		t.Errorf("PSFS 4.25 → 6.2 change = %q, want %q (the figure compared, not a rounded +2)", got, want)
	}
	if v := p.Verdict(); !strings.HasPrefix(v, "Better than the baseline, but not yet a clinically important improvement (that needs at least 2 points") ||
		!strings.Contains(v, "Stratford et al. 1995") {
		t.Errorf("PSFS verdict = %q", v)
	}
	if got := store.PSFS.Format(4.25); got != "4.25" {
		t.Errorf("PSFS 4.25 prints as %q", got)
	}
	worse := measureProgress(store.ODI, 10, 14)
	if got, want := worse.ChangeText(), "+4 points (+40 %)"; got != want {
		t.Errorf("ODI 10 → 14 change = %q, want %q", got, want)
	}
	if v := worse.Verdict(); !strings.HasPrefix(v, "Worse than the baseline, but not a clinically important worsening (that needs at least 10 points and 30 % of the baseline, here 10 points; source: Ostelo et al. 2008") {
		t.Errorf("ODI 10 → 14 verdict = %q", v)
	}
	if v := measureProgress(store.ODI, 30, 62).Verdict(); !strings.HasPrefix(v, "A clinically important worsening from the baseline") {
		t.Errorf("ODI 30 → 62 verdict = %q", v)
	}
}

func TestRelapseAndBaselineOfTheEpisode(t *testing.T) {
	p := measureProgress(store.ODI, 30, 62, 18)
	if !p.Important || !p.Relapsed() || p.Relapse.Value != 62 || p.RelapseFrom.Value != 30 {
		t.Errorf("ODI 30 → 62 → 18: important %v, relapse %+v from %+v; want an improvement with the relapse at 62 from 30",
			p.Important, p.Relapse, p.RelapseFrom)
	}
	if q := measureProgress(store.ODI, 40, 20, 36); !q.Relapsed() || q.RelapseFrom.Value != 20 {
		t.Errorf("ODI 40 → 20 → 36 relapsed from the best score: %+v", q)
	}
	if q := measureProgress(store.ODI, 40, 35, 30, 26); q.Relapsed() {
		t.Errorf("a steady fall is no relapse: %+v", q)
	}
	// A period that starts later keeps the episode's baseline.
	base := store.MeasurePoint{Taken: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Value: 50}
	period := []store.MeasurePoint{{Taken: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Value: 40},
		{Taken: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), Value: 34}}
	q, _ := store.ProgressOfMeasureFrom(store.ODI, base, period)
	if q.Baseline.Value != 50 || q.First.Value != 40 || !q.BaselineMoved() || !q.Important || q.Change != -16 {
		t.Errorf("period from March against the January baseline: %+v", q)
	}
	if _, ok := store.ProgressOfMeasureFrom(store.ODI, base, nil); ok {
		t.Error("a period without an ODI of its own prints one from its baseline")
	}
}

func TestPainProgressCountsDraftsAndKeepsTheBaseline(t *testing.T) {
	at := func(d int) time.Time { return time.Date(2026, 2, d, 9, 0, 0, 0, time.UTC) }
	trend := []store.TrendPoint{
		{Start: at(2), Before: store.PainOf(8)},
		{Start: at(9), Before: store.PainOf(5)},
		{Start: at(16), Before: store.PainOf(1), Draft: true},
	}
	p := store.ProgressOf(trend)
	if !p.Latest.Draft || p.Drafts != 1 || !p.Important {
		t.Errorf("latest %+v, drafts %d, important %v; want the draft's 1, marked, counted once", p.Latest, p.Drafts, p.Important)
	}
	baseline := store.TrendPoint{Start: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC), Before: store.PainOf(9)}
	q := store.ProgressFrom(baseline, trend[1:2])
	if !q.HasChange || q.Baseline.Before.Score != 9 || q.Change != -4 || !q.Important || !q.BaselineMoved() {
		t.Errorf("a period after the baseline: %+v", q)
	}
	r := store.ProgressOf([]store.TrendPoint{{Start: at(2), Before: store.PainOf(4)}, {Start: at(9), Before: store.PainOf(7)},
		{Start: at(16), Before: store.PainOf(1)}})
	if !r.Relapsed() || r.Relapse.Before.Score != 7 {
		t.Errorf("pain 4 → 7 → 1 relapsed at 7: %+v", r)
	}
}

func TestPSFSTakesOneToFiveActivities(t *testing.T) {
	for n := 1; n <= 6; n++ {
		m := store.Measure{Kind: store.PSFS, Taken: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
		for i := range n {
			m.Items = append(m.Items, store.MeasureItem{Item: "activity " + string(rune('a'+i)), Score: 5})
		}
		err := m.Check()
		if (err == nil) != (n <= 5) {
			t.Errorf("PSFS with %d activities: %v", n, err)
		}
	}
}
