package sqlstore_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/insight"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func TestClientInsightsReadTheEpisodeOfCare(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	marta := testkit.MustClient(t, s, "Marta", "Nowak")
	start := time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local)
	testkit.InsightVisits(t, s, marta.ID, start, 12)
	got, err := s.ClientInsights(ctx, marta.ID)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range got.Findings() {
		lines = append(lines, f.Line())
	}
	joined := strings.Join(lines, "\n")
	// Sitting long's visits come early, when pain is higher anyway: 2.4
	if got.Visits != 12 || !strings.Contains(joined, "Stretching: 2.0 points more relief, 6 visits vs 6") ||
		!strings.Contains(joined, "Sitting long: pain before 2.4 points higher, 4 visits vs 8") {
		t.Fatalf("12 visits, Stretching +2 relief, Sitting long +2 before; found:\n%s", joined)
	}
	// a plan begun at the 7th visit starts a new episode: 6 visits, 3 with
	// Stretching, 3 without
	if _, err := s.SavePlan(ctx, store.Plan{ClientID: marta.ID, Start: start.AddDate(0, 0, 7*6)}); err != nil {
		t.Fatal(err)
	}
	got, err = s.ClientInsights(ctx, marta.ID)
	if err != nil {
		t.Fatal(err)
	}
	var stretching insight.Comparison
	for _, c := range got.Relief {
		if c.Name == "Stretching" {
			stretching = c
		}
	}
	if got.Visits != 6 || stretching.With != 3 || stretching.Without != 3 {
		t.Errorf("the plan's episode: %d visits, Stretching %d vs %d; want 6, 3 vs 3", got.Visits, stretching.With, stretching.Without)
	}
	if _, err := s.ClientInsights(ctx, marta.ID+100); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("no such client: %v", err)
	}
}

func TestPracticeInsightsCountEachEpisode(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	start := time.Date(2025, 3, 2, 10, 0, 0, 0, time.Local)
	for _, name := range []string{"Marta", "Jonas"} {
		testkit.InsightVisits(t, s, testkit.MustClient(t, s, name, "Nowak").ID, start, 9)
	}
	ola := testkit.MustClient(t, s, "Ola", "Short")
	testkit.InsightVisits(t, s, ola.ID, start.AddDate(1, 0, 0), 2)
	pr, err := s.PracticeInsights(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// pain before 8, 6, 6, 8, 5, 5, 7, 5, 4: 8 → 5 is 3 points and 37 %,
	// reached at the 5th visit
	all := pr.Groups[0]
	if all.Label != "All clients" || all.Shares[0].Of != 2 || all.Shares[0].Reached != 0 ||
		all.Shares[1].Of != 2 || all.Shares[1].Reached != 2 {
		t.Errorf("all clients: %s", all.Words())
	}
	var aching string
	for _, g := range pr.Groups {
		if g.Label == "Pain type: Aching" {
			aching = g.Words()
		}
	}
	if !strings.Contains(aching, "by the 6th visit 100 % (2 of 2") {
		t.Errorf("aching: %q", aching)
	}
	if len(pr.Years) != 2 || pr.Years[0].Year != 2025 || pr.Years[0].Clients != 2 || pr.Years[1].Clients != 1 {
		t.Errorf("years: %+v", pr.Years)
	}
	// a plan begun after Ola's two visits: her episode has none yet
	if _, err := s.SavePlan(ctx, store.Plan{ClientID: ola.ID, Start: start.AddDate(1, 1, 0)}); err != nil {
		t.Fatal(err)
	}
	if pr, err = s.PracticeInsights(ctx); err != nil || len(pr.Years) != 1 {
		t.Errorf("with Ola's plan: years %+v, %v", pr.Years, err)
	}
}

func TestPracticeInsightsAreATherapistsOwnAndTheAuditorsAll(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	c := openClinic(t)
	start := time.Date(2025, 3, 2, 10, 0, 0, 0, time.Local)
	for _, s := range []*sqlstore.Store{c.anna, c.ben} {
		client, err := s.CreateClient(ctx, store.Client{FirstName: "Client", LastName: "Of a therapist"})
		if err != nil {
			t.Fatal(err)
		}
		testkit.InsightVisits(t, s, client.ID, start, 9)
	}
	auditor := testkit.OpenStoreAt(t, c.auditorDSN)
	for name, want := range map[string]struct {
		s    *sqlstore.Store
		seen int
	}{"anna": {c.anna, 1}, "ben": {c.ben, 1}, "the auditor": {auditor, 2}} {
		pr, err := want.s.PracticeInsights(ctx)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := pr.Groups[0].Shares[1].Of; got != want.seen {
			t.Errorf("%s sees %d clients at the 6th visit, want %d", name, got, want.seen)
		}
	}
}
