package report_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/sqlstore"
)

// threeMeasures gives a client of fourVisits an ODI 44 → 28 % (an
// important improvement), an RMDQ 12 → 10 (no important change) and a
// PSFS 3.3 → 6 with two goals mapped to its activities, and a plan.
func threeMeasures(tb testing.TB, s *sqlstore.Store, clientID int64) {
	tb.Helper()
	ctx := context.Background()
	date := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	numbered := func(scores ...int) []store.MeasureItem {
		var out []store.MeasureItem
		for i, sc := range scores {
			out = append(out, store.MeasureItem{Item: strconv.Itoa(i + 1), Score: sc})
		}
		return out
	}
	rmdq := func(n int) []store.MeasureItem {
		s := make([]int, store.RMDQItems)
		for i := range n {
			s[i] = 1
		}
		return numbered(s...)
	}
	psfs := func(a, b, c int) []store.MeasureItem {
		return []store.MeasureItem{{Item: "Sitting at my desk", Score: a}, {Item: "Lifting my grandson", Score: b}, {Item: "Gardening", Score: c}}
	}
	for _, m := range []store.Measure{
		{Kind: store.ODI, Taken: date(8, 4), Items: numbered(3, 2, 3, 2, 3, 2, 2, 1, 2, 2)},   // 22/50 = 44 %
		{Kind: store.ODI, Taken: date(11, 14), Items: numbered(2, 1, 2, 1, 2, 1, 2, 1, 1, 1)}, // 14/50 = 28 %
		{Kind: store.RMDQ, Taken: date(8, 4), Items: rmdq(12)},
		{Kind: store.RMDQ, Taken: date(11, 14), Items: rmdq(10)},
		{Kind: store.PSFS, Taken: date(8, 4), Items: psfs(3, 2, 5)},
		{Kind: store.PSFS, Taken: date(11, 14), Items: psfs(7, 5, 6)},
	} {
		m.ClientID = clientID
		if _, err := s.SaveMeasure(ctx, m); err != nil {
			tb.Fatal(err)
		}
	}
	_, err := s.SavePlan(ctx, store.Plan{ClientID: clientID, Start: date(8, 4), PlannedVisits: 8, Frequency: "every 2 weeks",
		ReassessVisits: 4, Measures: []store.MeasureKind{store.ODI, store.PSFS},
		Goals: []store.Goal{{Text: "Sit through a working day", Activity: "Sitting at my desk", Status: store.GoalMet},
			{Text: "Lift my grandson again", Activity: "Lifting my grandson", Status: store.GoalPartly}}})
	if err != nil {
		tb.Fatal(err)
	}
}

func TestReportFunctionSectionAndEditions(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	fourVisits(t, s, c.ID)
	threeMeasures(t, s, c.ID)
	// A signed, amended note: every edition marks it where the visit is.
	rec, err := s.ClientRecord(context.Background(), c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	first := rec.Sessions[len(rec.Sessions)-1]
	if _, err := s.SignSession(context.Background(), first.ID, "Anna Keller, LMT"); err != nil {
		t.Fatal(err)
	}
	first.Notes.Plan = "Weekly for six weeks."
	if _, err := s.Save(context.Background(), sqlstore.SaveRequest{Session: first, Amend: true, Reason: "Plan agreed by phone", By: "Anna Keller, LMT"}); err != nil {
		t.Fatal(err)
	}
	function := []string{
		"ODI: baseline 44 % (4 Aug 2026) · latest 28 % (14 Nov 2026) · change −16 points (−36.4 %) · moderate disability",
		"RMDQ: baseline 12 (4 Aug 2026) · latest 10 (14 Nov 2026) · change −2 points (−16.7 %)",
		"PSFS: baseline 3.33 (4 Aug 2026) · latest 6 (14 Nov 2026) · change +2.67 points",
	}
	goals := []string{"4 of 8 planned visits since 4 Aug 2026 · every 2 weeks · ODI, PSFS re-assessed every 4 visits.",
		"1. “Sit through a working day” – met · PSFS “Sitting at my desk” 3 → 7 / 10 (an important change)",
		"2. “Lift my grandson again” – partly met · PSFS “Lifting my grandson” 2 → 5 / 10 (an important change)"}
	cases := []struct {
		edition   report.Edition
		leads     string // the first section after the header
		wants     []string
		forbidden []string
	}{
		{report.ForPhysician, "Summary", append(append([]string{"For the physician", "Function",
			"A clinically important improvement from the baseline (at least 10 points and 30 % of the baseline, here 13.2 points; source: Ostelo et al. 2008, Spine).",
			"Better than the baseline, but not yet a clinically important improvement (that needs at least 5 points and 30 % of the baseline, here 5 points; source: Ostelo et al. 2008, Spine).",
			"OSWESTRY DISABILITY INDEX", "ROLAND-MORRIS DISABILITY QUESTIONNAIRE", "PATIENT-SPECIFIC FUNCTIONAL SCALE", "ODI % Important ≤ 30.8", "PSFS Important ≥ 5.3", "Treatment plan and goals", "Amended"}, function...), goals...),
			[]string{"Dear Zoë", "Medical necessity"}},
		{report.ForClient, "Your progress", append([]string{"For the client", "Dear Zoë",
			"The numbers show real progress: well done", "how much your back limits daily life, and it has clearly improved",
			"Your goals", "Amended"}, function...), []string{"Medical necessity", "A clinically important improvement from the baseline"}},
		{report.ForInsurer, "Visits and dates", []string{"For the insurer", "4 visits from 4 Aug 2026 to 14 Nov 2026.",
			"Dates of service: 4 Aug 2026 (60 min), 1 Sep 2026 (60 min, note not yet signed)", "Medical necessity",
			"with functional limitation documented by standard outcome measures (ODI 44 % at the baseline; RMDQ 12 at the baseline; PSFS 3.33 at the baseline)",
			"1 goal of the treatment plan is not yet met; continued treatment is indicated to reach it.", "Amended"},
			[]string{"Dear Zoë"}},
	}
	for _, tc := range cases {
		t.Run(string(tc.edition), func(t *testing.T) {
			opts := defaultOptions()
			opts.Edition = tc.edition
			path := writePDF(t, s, c.ID, store.Period{}, opts)
			text := normalize(strings.Join(pdfRaw(t, path), "\n"))
			mustContain(t, string(tc.edition), text, tc.wants...)
			for _, f := range tc.forbidden {
				if strings.Contains(text, normalize(f)) {
					t.Errorf("%s edition says %q", tc.edition, f)
				}
			}
			_, afterHeader, _ := strings.Cut(text, "all visits: 4 visits ")
			if !strings.HasPrefix(afterHeader, tc.leads) {
				t.Errorf("%s edition leads with %.60q, want %q", tc.edition, afterHeader, tc.leads)
			}
		})
	}
}

func TestParseEdition(t *testing.T) {
	for _, in := range []string{"client", "Physician", " insurer "} {
		if _, err := report.ParseEdition(in); err != nil {
			t.Errorf("%q: %v", in, err)
		}
	}
	if _, err := report.ParseEdition("lawyer"); err == nil {
		t.Error("lawyer accepted as an edition")
	}
}
