package store_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"backtrack/store"
)

// items makes answers numbered from 1 with the given scores; a negative
// score leaves that section or item out (skipped).
func items(scores ...int) []store.MeasureItem {
	var out []store.MeasureItem
	for i, s := range scores {
		if s >= 0 {
			out = append(out, store.MeasureItem{Item: strconv.Itoa(i + 1), Score: s})
		}
	}
	return out
}

func activities(ratings ...int) []store.MeasureItem {
	var out []store.MeasureItem
	for i, r := range ratings {
		out = append(out, store.MeasureItem{Item: "activity " + strconv.Itoa(i+1), Score: r})
	}
	return out
}

// TestMeasureScoring is the published rules as a table: all answered, one
// skipped, two skipped, all zero, all at the top.
func TestMeasureScoring(t *testing.T) {
	const skip = -1
	rmdq := func(apply int) []store.MeasureItem {
		s := make([]int, store.RMDQItems)
		for i := range apply {
			s[i] = 1
		}
		return items(s...)
	}
	cases := []struct {
		name  string
		kind  store.MeasureKind
		items []store.MeasureItem
		want  string // the score as printed, or the start of why there is none
	}{
		{"ODI all answered", store.ODI, items(2, 1, 3, 2, 2, 1, 2, 0, 2, 3), "36"},     // 18/50
		{"ODI one skipped", store.ODI, items(2, 1, 3, 2, 2, 1, 2, skip, 2, 1), "35.6"}, // 16/45
		{"ODI two skipped", store.ODI, items(2, 1, 3, 2, 2, 1, skip, skip, 2, 1), "2 ODI sections are skipped"},
		{"ODI all zero", store.ODI, items(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "0"},
		{"ODI all five", store.ODI, items(5, 5, 5, 5, 5, 5, 5, 5, 5, 5), "100"},
		{"ODI section scored 6", store.ODI, items(6, 1, 3, 2, 2, 1, 2, 0, 2, 3), "ODI section 1 (Pain intensity) is scored 6"},
		{"RMDQ seven apply", store.RMDQ, rmdq(7), "7"},
		{"RMDQ one item not answered counts as not applying", store.RMDQ, rmdq(7)[:23], "7"},
		{"RMDQ all zero", store.RMDQ, rmdq(0), "0"},
		{"RMDQ all apply", store.RMDQ, rmdq(24), "24"},
		{"RMDQ item 25", store.RMDQ, []store.MeasureItem{{Item: "25", Score: 1}}, "RMDQ item \"25\" is not one of 1-24"},
		{"PSFS three", store.PSFS, activities(3, 5, 4), "4"},
		{"PSFS five", store.PSFS, activities(3, 5, 4, 6, 7), "5"},
		{"PSFS all zero", store.PSFS, activities(0, 0, 0), "0"},
		{"PSFS all ten", store.PSFS, activities(10, 10, 10, 10), "10"},
		{"PSFS average to a decimal", store.PSFS, activities(6, 6, 7), "6.3"},
		{"PSFS two activities (Stratford 1995: up to three)", store.PSFS, activities(3, 5), "4"},
		{"PSFS six activities", store.PSFS, activities(3, 5, 1, 1, 1, 1), "the PSFS has 6 activities; it takes 1 to 5"},
		{"PSFS rating 11", store.PSFS, activities(3, 11, 5), "PSFS activity \"activity 2\" is rated 11"},
		{"PSFS no activity", store.PSFS, []store.MeasureItem{{Item: " ", Score: 3}, {Item: "a", Score: 1}, {Item: "b", Score: 1}}, "a PSFS rating has no activity"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := store.Measure{Kind: tc.kind, Items: tc.items}.Score()
			got := s.String()
			if !s.OK {
				got = s.Why
			}
			if s.OK && got != tc.want || !s.OK && !strings.HasPrefix(got, tc.want) {
				t.Errorf("score = %q (ok %v), want %q", got, s.OK, tc.want)
			}
		})
	}
}

func TestODISectionByName(t *testing.T) {
	for in, want := range map[string]int{"1": 1, "pain intensity": 1, "Travelling": 10, "SEX LIFE": 8, "sexlife": 8} {
		if n, ok := store.ODISection(in); !ok || n != want {
			t.Errorf("ODISection(%q) = %d, %v; want %d", in, n, ok, want)
		}
	}
	if _, ok := store.ODISection("11"); ok {
		t.Error("section 11 read as a section")
	}
}

func TestODIBands(t *testing.T) {
	for score, want := range map[float64]string{0: "minimal disability", 20: "minimal disability", 20.1: "moderate disability",
		40: "moderate disability", 41: "severe disability", 60: "severe disability", 61: "crippling back pain", 81: "bed-bound or exaggerating"} {
		if got := store.ODI.Band(score); got != want {
			t.Errorf("band of %v = %q, want %q", score, got, want)
		}
	}
	if store.RMDQ.Band(2) != "recovered" || store.RMDQ.Band(3) != "" {
		t.Error("RMDQ 2 or less reads as recovered, 3 does not")
	}
}

func TestMeasureProgressVerdicts(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	pts := func(kind store.MeasureKind, vals ...float64) store.MeasureProgress {
		var p []store.MeasurePoint
		for i, v := range vals {
			p = append(p, store.MeasurePoint{Taken: day(i + 1), Value: v})
		}
		got, _ := store.ProgressOfMeasure(kind, p)
		return got
	}
	cases := []struct {
		p                store.MeasureProgress
		important, worse bool
	}{
		{pts(store.ODI, 40, 28), true, false},      // 12 points, 30 %
		{pts(store.ODI, 40, 30), false, false},     // 10 points but 25 %
		{pts(store.ODI, 20, 14), false, false},     // 30 % but 6 points
		{pts(store.ODI, 30, 40), false, true},      // 10 points worse
		{pts(store.RMDQ, 12, 7), true, false},      // 5 points
		{pts(store.RMDQ, 12, 9), false, false},     // 3 points, 25 %
		{pts(store.PSFS, 4, 6), true, false},       // +2
		{pts(store.PSFS, 4, 5.7), false, false},    // +1.7
		{pts(store.PSFS, 6, 4), false, true},       // −2
		{pts(store.ODI, 10, 6), false, false},      // 40 % but 4 points: inside measurement error
		{pts(store.RMDQ, 4, 2), false, false},      // 50 % but 2 points
		{pts(store.ODI, 10, 14), false, false},     // 4 points worse is no important worsening
		{pts(store.PSFS, 4.25, 6.2), false, false}, // +1.95 is not 2
	}
	for i, tc := range cases {
		if tc.p.Important != tc.important || tc.p.Worse != tc.worse {
			t.Errorf("case %d (%s %v → %v): important %v worse %v, want %v %v", i, tc.p.Kind, tc.p.First.Value, tc.p.Latest.Value,
				tc.p.Important, tc.p.Worse, tc.important, tc.worse)
		}
	}
	if v := pts(store.ODI, 40, 28).Verdict(); v != "A clinically important improvement from the baseline (at least 10 points and 30 % of the baseline, here 12 points; source: Ostelo et al. 2008, Spine)." {
		t.Errorf("verdict = %q", v)
	}
	if c := pts(store.ODI, 40, 28).ChangeText(); c != "−12 points (−30 %)" {
		t.Errorf("change = %q", c)
	}
}

func TestPlanStatus(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 14, 0, 0, 0, time.UTC) }
	plan := store.Plan{Start: day(1), PlannedVisits: 8, ReassessVisits: 4, Measures: []store.MeasureKind{store.ODI, store.PSFS}}
	var sessions []store.Session
	for d := 1; d <= 4; d++ {
		sessions = append(sessions, store.Session{Start: day(d * 2)})
	}
	odi := store.Measure{Kind: store.ODI, Taken: day(2), Items: items(2, 2, 2, 2, 2, 2, 2, 2, 2, 2)}
	st := plan.StatusOf(sessions, []store.Measure{odi}, day(10))
	if got := st.Words(); got != "4 of 8 planned visits done · PSFS due" {
		t.Errorf("status = %q, want 4 of 8 planned visits done · PSFS due (ODI taken at visit 1, three visits since)", got)
	}
	sessions = append(sessions, store.Session{Start: day(10)})
	if got := plan.StatusOf(sessions, []store.Measure{odi}, day(11)).Words(); got != "5 of 8 planned visits done · ODI, PSFS due" {
		t.Errorf("status = %q, want 5 of 8 planned visits done · ODI, PSFS due", got)
	}
	sessions[4].VoidedAt = day(11)
	weekly := store.Plan{Start: day(1), ReassessWeeks: 2, Measures: []store.MeasureKind{store.ODI}}
	if got := weekly.StatusOf(sessions, []store.Measure{odi}, day(15)).Words(); got != "4 visits since the plan (1 entered in error, not counted)" {
		t.Errorf("status = %q, want 4 visits since the plan, the voided one named, not counted (13 days since the ODI)", got)
	}
	if got := weekly.StatusOf(sessions, []store.Measure{odi}, day(16)).Words(); got != "4 visits since the plan (1 entered in error, not counted) · ODI due" {
		t.Errorf("status = %q, want the ODI due (two weeks since the ODI)", got)
	}
}
