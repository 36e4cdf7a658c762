package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"backtrack/store/insight"
	"backtrack/store/testkit"
	"backtrack/ui/cli"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

// openPracticeInsights opens File › Practice insights… as a click would
// and waits for the record to be read.
func openPracticeInsights(t *testing.T, d *Desk) string {
	t.Helper()
	if d.menu.practiceInsights.Disabled {
		t.Fatal("Practice insights… is greyed out")
	}
	act(d, d.menu.practiceInsights.Action)
	if top := kit.TopLayer(d.window); top == nil || top.Name() != "practice insights" {
		t.Fatalf("the menu entry opened %v", top)
	}
	return desktest.ShownText(d.window)
}

// The practice view says what `backtrack insights --practice` prints for
// the same record: every heading and every line, in the same words.
func TestPracticeInsightsShowTheCommandLinesWords(t *testing.T) {
	d, s, c := deskWithClient(t)
	testkit.InsightVisits(t, s, c.ID, desktest.Now.AddDate(-1, -2, 0), 12)
	jonas := testkit.MustClient(t, s, "Jonas", "Weber")
	testkit.InsightVisits(t, s, jonas.ID, desktest.Now.AddDate(0, -4, 0), 8)
	shown := openPracticeInsights(t, d)

	var out, errOut bytes.Buffer
	if code := cli.Run(context.Background(), cli.Env{Stdout: &out, Stderr: &errOut}, []string{"insights", "--db", s.Path(), "--practice"}); code != 0 {
		t.Fatalf("backtrack insights --practice: exit %d: %s", code, errOut.String())
	}
	lines := 0
	for _, line := range strings.Split(out.String(), "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "- ")
		if line == "" {
			continue
		}
		lines++
		if !strings.Contains(shown, line) {
			t.Errorf("the command line prints %q; the desk shows:\n%s", line, shown)
		}
	}
	for _, want := range []string{"All clients: by the 4th visit", "Pain type: Aching", "Observational, not cause"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the view lacks %q:\n%s", want, shown)
		}
	}
	if lines < 8 || strings.Contains(shown, "Reading every episode") {
		t.Errorf("%d lines printed; the view shows:\n%s", lines, shown)
	}
}

// While the record is read the view says so; a practice with nothing
// recorded yet is then told so, not shown a row of "no client counted".
func TestPracticeInsightsOfAnEmptyPracticeSayThereIsNothingYet(t *testing.T) {
	d := newTestDesk(t, desktest.OpenStore(t), Options{})
	hold := make(chan struct{})
	d.tasks.Hold = hold
	d.tasks.OnUI(d.menu.practiceInsights.Action)
	if busy := desktest.ShownText(d.window); !strings.Contains(busy, "Reading every episode of care") {
		t.Errorf("while reading, the view shows:\n%s", busy)
	}
	d.tasks.Hold = nil
	close(hold)
	d.wait()
	shown := desktest.ShownText(d.window)
	if !strings.Contains(shown, insight.EmptyPracticeWords) || strings.Contains(shown, "no client counted") {
		t.Errorf("the empty practice's view shows:\n%s", shown)
	}
}
