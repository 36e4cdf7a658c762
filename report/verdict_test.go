package report

import (
	"strings"
	"testing"
	"time"

	"backtrack/store"
)

func trend(befores ...int) []store.TrendPoint {
	var out []store.TrendPoint
	for i, b := range befores {
		pt := store.TrendPoint{Start: time.Date(2026, 1, 1+7*i, 9, 0, 0, 0, time.Local)}
		if b >= 0 {
			pt.Before = store.PainOf(b)
			pt.After = store.PainOf(max(b-2, 0))
		}
		out = append(out, pt)
	}
	return out
}

func TestVerdictInPlainWords(t *testing.T) {
	cases := []struct {
		name     string
		befores  []int
		want     string
		wantGood bool
	}{
		{"8 to 5: 3 points and 37.5 %", []int{8, 6, 5}, "fell from the baseline of 8 (1 Jan 2026) to 5, by 3 points (37.5 %). This is a clinically important improvement (at least 2 points and 30 % of the baseline, here 3 points; source: Ostelo et al. 2008, Spine, and Farrar et al. 2001, Pain)", true},
		{"7 to 5: 28.6 % is not 30 %", []int{7, 6, 5}, "fell from the baseline of 7 (1 Jan 2026) to 5, by 2 points (28.6 %). This is less than a clinically important improvement (that needs at least 2 points and 30 % of the baseline, here 3 points", false},
		{"9 to 7: 22 %", []int{9, 7}, "by 2 points (22.2 %). This is less than a clinically important improvement", false},
		{"3 to 2: 33 % but 1 point", []int{3, 2}, "fell from the baseline of 3 (1 Jan 2026) to 2, by 1 point (33.3 %). This is less than a clinically important improvement (that needs at least 2 points and 30 % of the baseline, here 2 points", false},
		{"unchanged", []int{5, 6, 5}, "is the same as at the baseline of 5 (1 Jan 2026): no clinically important change", false},
		{"worse", []int{4, 6}, "rose from the baseline of 4 (1 Jan 2026) to 6, by 2 points (50 %). This is a clinically important worsening (at least 2 points and 30 % of the baseline, here 2 points", false},
		{"relapse on the way", []int{6, 9, 3}, "This is a clinically important improvement (at least 2 points and 30 % of the baseline, here 2 points; source: Ostelo et al. 2008, Spine, and Farrar et al. 2001, Pain). On the way it rose to 9 on 8 Jan 2026 from 6: a clinically important worsening.", false},
		{"from zero", []int{0, 1}, "rose from the baseline of 0 (1 Jan 2026) to 1, by 1 point: more pain, but not a clinically important worsening", false},
		{"one visit", []int{5}, "recorded at one visit only", false},
		{"unrecorded", []int{-1, -1}, "was not recorded", false},
		{"none", nil, "No visits were recorded in this period.", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pts := trend(c.befores...)
			var first store.TrendPoint
			for _, p := range pts {
				if p.Before.Recorded {
					first = p
					break
				}
			}
			got, good := verdict(store.ProgressOf(pts), first)
			if !strings.Contains(got, c.want) || good != c.wantGood {
				t.Errorf("verdict = %q, %v; want it to contain %q, %v", got, good, c.want, c.wantGood)
			}
		})
	}
}

func TestReliefSentence(t *testing.T) {
	p := store.ProgressOf([]store.TrendPoint{
		{Before: store.PainOf(6), After: store.PainOf(3)},
		{Before: store.PainOf(5), After: store.PainOf(5)},
		{Before: store.PainOf(4)},
	})
	if got, want := reliefSentence(p), "pain fell by 1.5 points on average (2 visits with both scores)"; !strings.Contains(got, want) {
		t.Errorf("relief = %q, want %q", got, want)
	}
	p = store.ProgressOf([]store.TrendPoint{{Before: store.PainOf(3), After: store.PainOf(4)}})
	if got, want := reliefSentence(p), "pain rose by 1 point on average (1 visit with both scores)"; !strings.Contains(got, want) {
		t.Errorf("relief = %q, want %q", got, want)
	}
	if got := reliefSentence(store.ProgressOf(nil)); !strings.Contains(got, "not recorded") {
		t.Errorf("relief without scores = %q", got)
	}
}

func TestFormatRange(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.Local) }
	cases := []struct {
		from, to time.Time
		want     string
	}{
		{d(2026, 8, 4), d(2026, 11, 14), "4 Aug – 14 Nov 2026"},
		{d(2025, 12, 1), d(2026, 2, 3), "1 Dec 2025 – 3 Feb 2026"},
		{d(2026, 8, 4), d(2026, 8, 4), "4 Aug 2026"},
		{time.Time{}, d(2026, 8, 4), "until 4 Aug 2026"},
		{d(2026, 8, 4), time.Time{}, "from 4 Aug 2026"},
	}
	for _, c := range cases {
		if got := formatRange(c.from, c.to); got != c.want {
			t.Errorf("formatRange(%v, %v) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}

func TestPrintableKeepsScriptsAndReplacesTheRest(t *testing.T) {
	cases := map[string]string{
		"Zoë Ångström":       "Zoë Ångström",
		"e\u0301":            "é",
		"a\tb\r\nc":          "a b\nc",
		"x\u200dy":           "xy",
		"Σοφία / Наталья":    "Σοφία / Наталья",
		"中":                  "中",
		"한국":                 "한국",
		"عمر":                "□□□",  // Arabic needs shaping: cannot print correctly
		"नम":                 "□□",   // Devanagari too
		"שלום":               "□□□□", // Hebrew runs right to left
		"\U0001F600":         "□",
		"ok\u0007bell":       "okbell",
		"pain 7 → 4, ≥ 30 %": "pain 7 → 4, ≥ 30 %",
	}
	for in, want := range cases {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %q, want %q", in, got, want)
		}
	}
}
