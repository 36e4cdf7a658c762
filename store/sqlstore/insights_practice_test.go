package sqlstore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/insight"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// The database reduces each client's visits to a few figures for the
// practice view; the figures must be the ones a reading of every visit
// gives, on a practice with plans begun mid-record, pain not recorded,
// voided notes, two visits at one minute and a client whose every visit
// came before their plan.
func TestPracticeInsightsAreTheVisitByVisitReading(t *testing.T) {
	ctx := context.Background()
	where := filepath.Join(t.TempDir(), "practice.db")
	if testkit.OnPostgres() {
		where = testkit.PostgresDSN(t)
	}
	s := testkit.OpenStoreAt(t, where)
	sum, err := demo.Fill(ctx, s, demo.Options{Clients: 60, Seed: 7, Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Plans == 0 || sum.Voided == 0 {
		t.Fatalf("the seeded practice should hold plans and a voided note: %+v", sum)
	}
	oddEpisodes(t, s)
	raw := rawOn(t, where)

	got, err := s.PracticeInsights(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := visitByVisitPractice(t, s, raw)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the practice view\n%+v\nthe visit-by-visit reading\n%+v", got, want)
	}
	if want.LeftOut == 0 || len(want.Groups) < 3 || want.Groups[0].Shares[2].Reached == 0 {
		t.Errorf("the seeded practice should leave some out and reach some changes: %+v", want)
	}
}

// oddEpisodes adds the episodes a reduction in SQL could get wrong: two
// visits in one minute (the first saved is the first visit, and presents
// with Sharp pain at 8), a first visit with no pain recorded, a first
// visit voided, and visits all before the client's plan.
func oddEpisodes(t *testing.T, s *sqlstore.Store) {
	ctx := context.Background()
	day := time.Date(2024, 5, 6, 9, 0, 0, 0, time.Local)
	sharp, err := s.AddTerm(ctx, store.PainType, "Sharp, in two visits at once")
	if err != nil {
		t.Fatal(err)
	}
	visit := func(client int64, start time.Time, pain store.Pain, tags ...store.Tag) store.Session {
		saved, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: client, Start: start,
			DurationMin: 60, PainBefore: pain, PainTypes: tags}, Sign: true, By: demo.Therapist})
		if err != nil {
			t.Fatal(err)
		}
		return saved
	}
	weekly := func(client int64, from int, scores ...int) {
		for i, p := range scores {
			visit(client, day.AddDate(0, 0, 7*(from+i)), store.PainOf(p))
		}
	}
	tied := testkit.MustClient(t, s, "Tied", "Visits")
	visit(tied.ID, day, store.PainOf(8), store.Tag{TermID: sharp.ID})
	visit(tied.ID, day, store.PainOf(3))
	weekly(tied.ID, 1, 7, 5)

	unrecorded := testkit.MustClient(t, s, "Unrecorded", "First")
	visit(unrecorded.ID, day, store.Pain{})
	weekly(unrecorded.ID, 1, 6, 2)

	voided := testkit.MustClient(t, s, "Voided", "First")
	first := visit(voided.ID, day, store.PainOf(2))
	if _, err := s.VoidSession(ctx, first.ID, "Entered on the wrong client", demo.Therapist); err != nil {
		t.Fatal(err)
	}
	weekly(voided.ID, 1, 9, 8, 6)

	before := testkit.MustClient(t, s, "Before", "Plan")
	weekly(before.ID, 0, 7, 4)
	if _, err := s.SavePlan(ctx, store.Plan{ClientID: before.ID, Start: day.AddDate(0, 1, 0)}); err != nil {
		t.Fatal(err)
	}
}

// rawOn opens the practice at where with database/sql alone.
func rawOn(t *testing.T, where string) *sql.DB {
	driver, dsn := "sqlite", "file:"+where
	if testkit.OnPostgres() {
		driver, dsn = "pgx", where
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}

// visitByVisitPractice is the practice view read the way it was before
// the database reduced each client's visits: every standing visit's pain
// before treatment, in client and date order, the visits before the
// client's plan skipped, the rule judged visit by visit in Go. What each
// episode presented with is read from its first visit as the client's
// record holds it.
func visitByVisitPractice(t *testing.T, s *sqlstore.Store, raw *sql.DB) insight.Practice {
	starts := map[int64]string{}
	scanRows(t, raw, `SELECT client_id, starts_on FROM plans`, func(rows *sql.Rows) {
		var client int64
		var start string
		must(t, rows.Scan(&client, &start))
		starts[client] = start
	})
	type reading struct {
		client, first int64
		start         string
		pain          []store.Pain
	}
	var readings []reading
	scanRows(t, raw, `SELECT client_id, id, started_at, pain_before FROM sessions WHERE voided_at = ''
		ORDER BY client_id, started_at, id`, func(rows *sql.Rows) {
		var client, id int64
		var start string
		var before sql.NullInt64
		must(t, rows.Scan(&client, &id, &start, &before))
		if start < starts[client] {
			return
		}
		if len(readings) == 0 || readings[len(readings)-1].client != client {
			readings = append(readings, reading{client: client, first: id, start: start})
		}
		r := &readings[len(readings)-1]
		r.pain = append(r.pain, store.Pain{Score: int(before.Int64), Recorded: before.Valid})
	})
	var episodes []insight.Episode
	for _, r := range readings {
		first, err := time.Parse(store.StartLayout, r.start)
		must(t, err)
		e := insight.Episode{FirstVisit: first, Visits: len(r.pain), Baseline: r.pain[0], ReachedAt: reachedAt(r.pain)}
		e.PainTypes, e.Regions = presentedAt(t, s, r.client, r.first)
		episodes = append(episodes, e)
	}
	return insight.OfPractice(episodes)
}

// reachedAt is the visit (1-based) at which pain before treatment first
// fell by the rule from the first visit's, 0 when never or when the first
// was not recorded or too low to fall by it.
func reachedAt(pain []store.Pain) int {
	base := float64(pain[0].Score)
	if !pain[0].Recorded || store.PainChangeRule.Needed(base) > base {
		return 0
	}
	for i, p := range pain[1:] {
		if p.Recorded && store.PainChangeRule.Judge(base, float64(p.Score), false) == store.ImportantImprovement {
			return i + 2
		}
	}
	return 0
}

// presentedAt is the pain types and regions of the client's visit id, as
// the client's insights read a visit.
func presentedAt(t *testing.T, s *sqlstore.Store, client, id int64) (painTypes, regions []string) {
	rec, err := s.ClientRecord(context.Background(), client, store.Period{})
	must(t, err)
	for _, sess := range rec.Sessions {
		if sess.ID == id {
			v := insight.VisitsOf([]store.Session{sess}, store.Plan{})[0]
			slices.Sort(v.PainTypes)
			slices.Sort(v.Regions)
			return v.PainTypes, v.Regions
		}
	}
	t.Fatalf("client %d has no visit %d", client, id)
	return nil, nil
}

func scanRows(t *testing.T, db *sql.DB, query string, scan func(*sql.Rows)) {
	rows, err := db.Query(query)
	must(t, err)
	defer rows.Close()
	for rows.Next() {
		scan(rows)
	}
	must(t, rows.Err())
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
