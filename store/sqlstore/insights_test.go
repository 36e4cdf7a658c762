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

// insightVisits saves n weekly visits for client from day start: pain
// before 6 (8 with Sitting long, every third visit) falling a point every
// 4 visits, relief 1 (3 with Stretching, every other visit), all with
// Swedish massage.
func insightVisits(t *testing.T, s *sqlstore.Store, clientID int64, start time.Time, n int) {
	t.Helper()
	ctx := context.Background()
	term := func(kind store.Kind, name string) store.Tag {
		tm, err := s.TermNamed(ctx, kind, name)
		if err != nil {
			if tm, err = s.AddTerm(ctx, kind, name); err != nil {
				t.Fatal(err)
			}
		}
		return store.Tag{TermID: tm.ID}
	}
	for i := range n {
		before, relief := 6, 1
		sess := store.Session{ClientID: clientID, Start: start.AddDate(0, 0, 7*i), DurationMin: 60,
			Techniques: []store.Tag{term(store.Technique, "Swedish massage")},
			PainTypes:  []store.Tag{term(store.PainType, "Aching")}}
		if i%2 == 0 {
			sess.Techniques = append(sess.Techniques, term(store.Technique, "Stretching"))
			relief += 2
		}
		if i%3 == 0 {
			sess.Triggers = []store.Tag{term(store.Trigger, "Sitting long")}
			before += 2
		}
		relief += (i / 2) % 2 // noise, as often on Stretching's visits as not
		sess.PainBefore = store.Pain{Score: before - i/4, Recorded: true}
		sess.PainAfter = store.Pain{Score: before - i/4 - relief, Recorded: true}
		if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: sess}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestClientInsightsReadTheEpisodeOfCare(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	marta := testkit.MustClient(t, s, "Marta", "Nowak")
	start := time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local)
	insightVisits(t, s, marta.ID, start, 12)
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
		insightVisits(t, s, testkit.MustClient(t, s, name, "Nowak").ID, start, 9)
	}
	insightVisits(t, s, testkit.MustClient(t, s, "Ola", "Short").ID, start.AddDate(1, 0, 0), 2)
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
		insightVisits(t, s, client.ID, start, 9)
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
