package ui

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"backtrack/store/insight"
	"backtrack/store/sqlstore"
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

// On a practice server each therapist's practice view counts their own
// clients, and the front desk, which reads no notes, is not offered it.
func TestClinicPracticeInsightsAreTheTherapistsOwn(t *testing.T) {
	dsn, _ := clinicDatabase(t)
	anna := testkit.OpenStoreAt(t, testkit.ClinicLogin(t, dsn, "anna", sqlstore.TherapistRole))
	bob := testkit.OpenStoreAt(t, testkit.ClinicLogin(t, dsn, "bob", sqlstore.TherapistRole))
	marta := testkit.MustClient(t, anna, "Marta", "Nowak")
	testkit.InsightVisits(t, anna, marta.ID, desktest.Now.AddDate(0, -4, 0), 12)
	for _, name := range []string{"Jonas", "Lena"} {
		c := testkit.MustClient(t, bob, name, "Weber")
		testkit.InsightVisits(t, bob, c.ID, desktest.Now.AddDate(0, -4, 0), 12)
	}

	shown := openPracticeInsights(t, newTestDesk(t, anna, Options{}))
	if !regexp.MustCompile(`All clients: by the 4th visit \d+ % \(\d+ of 1;`).MatchString(shown) {
		t.Errorf("Anna's practice view counts more than her one client:\n%s", shown)
	}
	frida := testkit.OpenStoreAt(t, testkit.ClinicLogin(t, dsn, "frida", sqlstore.FrontDeskRole))
	if d := newTestDesk(t, frida, Options{}); !d.menu.practiceInsights.Disabled {
		t.Error("the front desk is offered Practice insights…")
	}
}
