package report_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/sqlstore"
)

// relapseStory is an episode of care from 5 Jan 2026: pain 8 → 6 → 5
// signed and a draft of 1; ODI 30 % → 62 % → 18 % (a relapse on the way);
// PSFS 4.25 (four activities) → 6.2 (five), a change of 1.95.
func relapseStory(t *testing.T, s *sqlstore.Store, clientID int64) {
	t.Helper()
	ctx := context.Background()
	on := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	for i, v := range []visit{{at: day(2026, 1, 5).Add(9 * time.Hour), before: 8, after: 6},
		{at: day(2026, 2, 2).Add(9 * time.Hour), before: 6, after: 5},
		{at: day(2026, 3, 2).Add(9 * time.Hour), before: 5, after: 4},
		{at: day(2026, 3, 30).Add(9 * time.Hour), before: 1, after: 0}} {
		sess := saveVisit(t, s, clientID, v)
		if i < 3 {
			if _, err := s.SignSession(ctx, sess.ID, "Anna Keller, LMT"); err != nil {
				t.Fatal(err)
			}
		}
	}
	odi := func(total int) []store.MeasureItem { // ten sections summing to total
		var out []store.MeasureItem
		for i := range 10 {
			sc := min(5, max(0, total-5*i))
			out = append(out, store.MeasureItem{Item: strconv.Itoa(i + 1), Score: sc})
		}
		return out
	}
	psfs := func(scores ...int) []store.MeasureItem {
		var out []store.MeasureItem
		for i, sc := range scores {
			out = append(out, store.MeasureItem{Item: "activity " + strconv.Itoa(i+1), Score: sc})
		}
		return out
	}
	for _, m := range []store.Measure{
		{Kind: store.ODI, Taken: on(1, 5), Items: odi(15)},               // 30 %
		{Kind: store.ODI, Taken: on(2, 2), Items: odi(31)},               // 62 %
		{Kind: store.ODI, Taken: on(3, 30), Items: odi(9)},               // 18 %
		{Kind: store.PSFS, Taken: on(1, 5), Items: psfs(4, 4, 5, 4)},     // 4.25
		{Kind: store.PSFS, Taken: on(3, 30), Items: psfs(6, 6, 7, 6, 6)}, // 6.2
		{Kind: store.RMDQ, Taken: on(1, 5), Items: rmdqOf(4)},
		{Kind: store.RMDQ, Taken: on(3, 30), Items: rmdqOf(2)},
	} {
		m.ClientID = clientID
		if _, err := s.SaveMeasure(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SavePlan(ctx, store.Plan{ClientID: clientID, Start: on(1, 5), PlannedVisits: 8}); err != nil {
		t.Fatal(err)
	}
}

func rmdqOf(n int) []store.MeasureItem {
	var out []store.MeasureItem
	for i := range store.RMDQItems {
		sc := 0
		if i < n {
			sc = 1
		}
		out = append(out, store.MeasureItem{Item: strconv.Itoa(i + 1), Score: sc})
	}
	return out
}

func TestTheReportJudgesFromTheEpisodesBaselineByThePublishedRules(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Ruth", "Okafor", day(1968, 4, 2))
	relapseStory(t, s, c.ID)
	text := func(edition report.Edition, period store.Period) string {
		opts := defaultOptions()
		opts.Edition = edition
		return normalize(strings.Join(pdfRaw(t, writePDF(t, s, c.ID, period, opts)), "\n"))
	}

	physician := text(report.ForPhysician, store.Period{})
	mustContain(t, "physician", physician,
		"Pain before treatment fell from the baseline of 8 (5 Jan 2026) to 1, by 7 points (87.5 %). This is a clinically important improvement (at least 2 points and 30 % of the baseline, here 3 points; source: Ostelo et al. 2008, Spine, and Farrar et al. 2001, Pain).",
		"One visit counted is an unsigned draft, which may still change.",
		"ODI: baseline 30 % (5 Jan 2026) · latest 18 % (30 Mar 2026) · change −12 points (−40 %)",
		"A clinically important improvement from the baseline (at least 10 points and 30 % of the baseline, here 10 points; source: Ostelo et al. 2008, Spine).",
		"On 2 Feb 2026 it was 62 %, a clinically important worsening from 30 % (5 Jan 2026).",
		"PSFS: baseline 4.25 (5 Jan 2026) · latest 6.2 (30 Mar 2026) · change +1.95 points",
		"Better than the baseline, but not yet a clinically important improvement (that needs at least 2 points; source: Stratford et al. 1995, Physiotherapy Canada).",
		"RMDQ: baseline 4 (5 Jan 2026) · latest 2 (30 Mar 2026) · change −2 points (−50 %)",
		"Better than the baseline, but not yet a clinically important improvement (that needs at least 5 points and 30 % of the baseline, here 5 points; source: Ostelo et al. 2008, Spine).")
	if strings.Contains(physician, "recovered") {
		t.Error("RMDQ 4 → 2 is called recovered beside no important change")
	}
	mustContain(t, "physician", physician, "LATEST PAIN 1 / 10 30 Mar 2026 · unsigned draft")

	// A period from March keeps January's baseline and says both.
	march := text(report.ForPhysician, store.Period{From: day(2026, 3, 1)})
	mustContain(t, "period from March", march,
		"fell from the baseline of 8 (5 Jan 2026) to 1", "In this period it went from 5 (2 Mar 2026) to 1 (30 Mar 2026).",
		"ODI: baseline 30 % (5 Jan 2026) · first in this period 18 % (30 Mar 2026)",
		"Important improvement: pain 5 or lower") // the chart's reference from January's 8, not March's 5

	client := text(report.ForClient, store.Period{})
	mustContain(t, "client", client, "There was a clear setback along the way",
		"There was a clear setback on 2 Feb 2026, and it has come back since")
	if strings.Contains(client, "Well done") || strings.Contains(client, "well done") {
		t.Error("the client's edition says well done over a relapse (ODI 30 % → 62 % → 18 %)")
	}

	insurer := text(report.ForInsurer, store.Period{})
	mustContain(t, "insurer", insurer, "30 Mar 2026 (60 min, note not yet signed)")
	if dir := os.Getenv("BACKTRACK_VERDICT_PDFS"); dir != "" { // to look at the pages as a reader would
		for _, e := range []report.Edition{report.ForPhysician, report.ForClient} {
			opts := defaultOptions()
			opts.Edition = e
			data, _ := os.ReadFile(writePDF(t, s, c.ID, store.Period{From: day(2026, 3, 1)}, opts))
			_ = os.WriteFile(filepath.Join(dir, string(e)+".pdf"), data, 0o600)
		}
	}
}
