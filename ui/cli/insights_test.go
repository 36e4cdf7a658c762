package cli_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"backtrack/store/testkit"
	"backtrack/ui/cli"
)

// The command prints the findings in the desk's words: the brief's line,
// the numbers on both sides and the caveats; a client with three visits
// reads plainly that there are not enough.
func TestInsightsPrintWhatHelpsAClient(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t)
	start := time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local)
	marta, ola := testkit.MustClient(t, s, "Marta", "Nowak"), testkit.MustClient(t, s, "Ola", "Short")
	testkit.InsightVisits(t, s, marta.ID, start, 12)
	testkit.InsightVisits(t, s, ola.ID, start, 3)
	ci, err := s.ClientInsights(ctx, marta.ID)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "insights", "--db", s.Path(), "--client", "Marta Nowak")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Insights for Marta Nowak, over the current episode of care (12 visits)",
		"Stretching: 2.0 points more relief, 6 visits vs 6; 95 % interval", ci.Findings()[0].Words(),
		"Sitting long: pain before 2.4 points higher, 4 visits vs 8", "Observational, not cause",
		"Regression toward the mean", "Parker & Vannest 2009"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	_, out, _ = run(t, "insights", "--db", s.Path(), "--client", "Ola Short")
	if !strings.Contains(out, "Nothing yet: over 3 visits in this episode of care there are not enough visits to tell") ||
		strings.Contains(out, "points more relief, ") && !strings.Contains(out, "not enough visits to tell (") {
		t.Errorf("three visits:\n%s", out)
	}
	code, out, errOut = run(t, "insights", "--db", s.Path(), "--practice")
	if code != 0 || !strings.Contains(out, "All clients: by the 4th visit") || !strings.Contains(out, "Ostelo") {
		t.Errorf("practice: exit %d %s\n%s", code, errOut, out)
	}
	for _, args := range [][]string{{"insights", "--db", s.Path()}, {"insights", "--db", s.Path(), "--practice", "--client", "1"}} {
		if code, _, stderr := run(t, args...); code != cli.ExitUsage || !strings.Contains(stderr, "usage:") {
			t.Errorf("%v: exit %d %s", args, code, stderr)
		}
	}
}

// The physician's report with --insights prints "What has helped" with the
// same numbers as the command, and its caveats; without it, nothing.
func TestReportInsightsPrintWhatHasHelped(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t)
	marta := testkit.MustClient(t, s, "Marta", "Nowak")
	testkit.InsightVisits(t, s, marta.ID, time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local), 12)
	ci, err := s.ClientInsights(ctx, marta.ID)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	with, without := dir+"/with.pdf", dir+"/without.pdf"
	if code, _, stderr := run(t, "report", "--db", s.Path(), "--client", "Marta Nowak", "--insights", "--out", with); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "report", "--db", s.Path(), "--client", "Marta Nowak", "--out", without); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := strings.Join(strings.Fields(pdfText(t, with)), " ")
	for _, want := range []string{"What has helped", ci.Findings()[0].Words(), "Observational, not cause",
		"Regression toward the mean", "Parker & Vannest 2009"} {
		if !strings.Contains(text, strings.Join(strings.Fields(want), " ")) {
			t.Errorf("the report misses %q:\n%s", want, text)
		}
	}
	if strings.Contains(pdfText(t, without), "What has helped") {
		t.Error("a report without --insights prints them")
	}
	if code, _, stderr := run(t, "report", "--db", s.Path(), "--client", "1", "--for", "client", "--insights", "--out", with); code != cli.ExitUsage {
		t.Errorf("--insights on the client's edition: exit %d %s", code, stderr)
	}
}
