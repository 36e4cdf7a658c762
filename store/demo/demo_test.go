package demo_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/testkit"
)

var today = time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)

func TestTwoDemosAtOnceFillTheDatabaseOnce(t *testing.T) {
	// Given two processes (two stores on one file) filling one new database
	path := filepath.Join(t.TempDir(), "sample.db")
	a, b := testkit.OpenStoreAt(t, path), testkit.OpenStoreAt(t, path)
	opt := demo.Options{Clients: 12, Sessions: 60, Seed: 7, Today: today}
	errs := make(chan error, 2)
	for _, s := range []*struct{ fill func() error }{
		{func() error { _, err := demo.Fill(context.Background(), a, opt); return err }},
		{func() error { _, err := demo.Fill(context.Background(), b, opt); return err }},
	} {
		go func() { errs <- s.fill() }()
	}
	// Then one fills it and the other is refused: never twice the clients
	var refused int
	for range 2 {
		if err := <-errs; errors.Is(err, demo.ErrHasClients) {
			refused++
		} else if err != nil {
			t.Fatal(err)
		}
	}
	all, err := a.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
	if err != nil || len(all) != 12 || refused != 1 {
		t.Errorf("%d clients (%v), %d refused; want 12 and 1", len(all), err, refused)
	}
}

func TestADemoNeverJoinsRealRecords(t *testing.T) {
	s := testkit.OpenStore(t)
	if _, err := s.CreateClient(context.Background(), store.Client{FirstName: "Marta", LastName: "Nowak"}); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Fill(context.Background(), s, demo.Options{Clients: 3, Today: today}); !errors.Is(err, demo.ErrHasClients) {
		t.Errorf("demo into real records: %v", err)
	}
}

func TestADemoIsBounded(t *testing.T) {
	s := testkit.OpenStore(t)
	_, err := demo.Fill(context.Background(), s, demo.Options{Clients: 100_000_000, Today: today})
	if err == nil || err.Error() != "demo: at most 100000 clients (got 100000000)" {
		t.Errorf("a hundred million clients: %v", err)
	}
}

func TestDemoMeasuresFollowEachClientsPainStory(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, today)
	sum, err := demo.Fill(ctx, s, demo.Options{Clients: 30, Seed: 7, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Measures == 0 || sum.Plans == 0 {
		t.Fatalf("summary %+v: no measures or plans", sum)
	}
	all, _ := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	agree, disagree := 0, 0
	for _, c := range all {
		rec, err := s.ClientRecord(ctx, c.ID, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		pain := store.ProgressOf(rec.Trend)
		odi, ok := store.ProgressOfMeasure(store.ODI, store.MeasureTrend(rec.Measures, store.ODI))
		if !ok || odi.Count < 2 || !pain.HasChange {
			continue
		}
		if rec.Plan.ID == 0 || len(rec.Plan.Goals) == 0 {
			t.Errorf("%s has measures but no plan with goals", c.FullName())
		}
		// The ODI moves with the pain measured at the same visits: down
		// when pain fell a lot, up when it rose.
		if (pain.Change <= -3 && odi.Change < 0) || (pain.Change >= 1 && odi.Change > 0) || (pain.Change > -3 && pain.Change < 1) {
			agree++
		} else {
			disagree++
		}
	}
	if agree < 5 || disagree > agree/4 {
		t.Errorf("ODI follows pain for %d clients and goes against it for %d", agree, disagree)
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("sample record: %v %v", problems, err)
	}
}
