package ui

import (
	"strings"
	"testing"

	"backtrack/store/testkit"
	"backtrack/ui/internal/desktest"
)

// The brief says the finding in one line, with its numbers, and the
// Insights view shows it in full with each visit as a dot; a client with
// too few visits gets no line, and the view says why.
func TestTheBriefSaysWhatHasHelpedAndInsightsShowTheDots(t *testing.T) {
	d, s, c := deskWithClient(t)
	testkit.InsightVisits(t, s, c.ID, desktest.Now.AddDate(0, -4, 0), 3)
	act(d, func() { d.view.Reload() })
	if d.view.Insights.Content.Visible() {
		t.Fatalf("three visits gave the brief a line: %q", d.view.Insights.Line.Text)
	}
	tap(d, d.view.InsightsButton)
	if shown := desktest.ShownText(d.window); !strings.Contains(shown, "not enough visits to tell") {
		t.Errorf("the view with three visits shows %q", shown)
	}
	act(d, func() { d.view.InsightsView.Close() })

	marta := testkit.MustClient(t, s, "Marta", "Nowak")
	testkit.InsightVisits(t, s, marta.ID, desktest.Now.AddDate(0, -4, 0), 12)
	act(d, func() { d.view.Show(marta.ID) })
	line := d.view.Insights.Line.Text
	if !d.view.Insights.Content.Visible() || !strings.HasPrefix(line, "Stretching: ") || !strings.Contains(line, "points more relief, 6 visits vs 6") {
		t.Fatalf("the brief's line: %q", line)
	}
	tap(d, d.view.Insights.Details)
	v := d.view.InsightsView
	if v == nil || v.Pick.Selected != "Relief · Stretching" || len(v.Chart.Values[0]) != 6 || len(v.Chart.Values[1]) != 6 {
		t.Fatalf("the view opened on %+v", v)
	}
	if !strings.Contains(v.Says.Text, "Each dot is a visit") || !strings.Contains(v.Text.Text, "Observational, not cause") {
		t.Errorf("the view says %q / %q", v.Says.Text, v.Text.Text)
	}
}
