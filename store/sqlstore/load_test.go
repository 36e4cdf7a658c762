package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"sync"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// loadResult is what a load run did.
type loadResult struct {
	saves, reads int
	p50, p99     time.Duration
}

// loadLength is how long a load run goes on: each therapist saves a number
// of notes (a test, whatever the machine's speed), or for a time (the
// benchmark).
type loadLength struct {
	notes int
	time  time.Duration
}

// runLoad runs therapists at once on the records at where, each with a
// store of their own, saving a note then reading the desk's list and a
// client's record, until the run's length is done. Every error fails tb;
// afterwards every acknowledged save must read back as it was saved, the
// records hold no other new note, and check passes.
func runLoad(tb testing.TB, where string, therapists int, length loadLength) loadResult {
	tb.Helper()
	ctx := context.Background()
	first, err := sqlstore.Open(ctx, where)
	if err != nil {
		tb.Fatal(err)
	}
	defer first.Close()
	clients, err := first.SearchClients(ctx, store.ClientQuery{Limit: 500})
	if err != nil || len(clients) == 0 {
		tb.Fatalf("clients: %d, %v", len(clients), err)
	}
	before := sessionTotal(tb, first)
	var (
		mu        sync.Mutex
		latencies []time.Duration
		acked     []store.Session
		reads     int
		failures  []error
	)
	deadline := time.Now().Add(length.time)
	going := func(i int) bool {
		if length.notes > 0 {
			return i < length.notes
		}
		return time.Now().Before(deadline)
	}
	var wg sync.WaitGroup
	for n := range therapists {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fail := func(err error) {
				mu.Lock()
				failures = append(failures, fmt.Errorf("therapist %d: %w", n+1, err))
				mu.Unlock()
			}
			s, err := sqlstore.Open(ctx, where)
			if err != nil {
				fail(err)
				return
			}
			defer s.Close()
			r := rand.New(rand.NewSource(int64(n)))
			for i := 0; going(i); i++ {
				c := clients[r.Intn(len(clients))]
				sess := store.Session{ClientID: c.ID, DurationMin: 45, PainBefore: store.PainOf(r.Intn(11)),
					PainAfter: store.PainOf(r.Intn(11)),
					Start:     time.Date(2026, 11, 1+r.Intn(24), 8+r.Intn(10), r.Intn(60), 0, 0, time.Local),
					Notes:     store.SOAP{Subjective: fmt.Sprintf("Load run, therapist %d, note %d", n+1, i)}}
				began := time.Now()
				saved, err := s.Save(ctx, sqlstore.SaveRequest{Session: sess})
				took := time.Since(began)
				if err != nil {
					fail(err)
					return
				}
				if _, err := s.SearchClients(ctx, store.ClientQuery{Limit: store.ListRows + 1}); err != nil {
					fail(err)
					return
				}
				if _, err := s.ClientRecord(ctx, clients[r.Intn(len(clients))].ID, store.Period{}); err != nil {
					fail(err)
					return
				}
				mu.Lock()
				latencies = append(latencies, took)
				acked = append(acked, saved)
				reads += 2
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(failures...); err != nil {
		tb.Fatalf("%d errors under load: %v", len(failures), err)
	}
	// every acknowledged save is there, as it was saved, and nothing else
	for _, want := range acked {
		got, err := first.Session(ctx, want.ID)
		if err != nil || got.UID != want.UID || got.Notes != want.Notes || !got.Start.Equal(want.Start) {
			tb.Fatalf("acknowledged note %d (%s): read back %+v, %v", want.ID, want.UID, got.Notes, err)
		}
	}
	if after := sessionTotal(tb, first); after-before != len(acked) {
		tb.Fatalf("%d notes more after the run, %d saves acknowledged", after-before, len(acked))
	}
	if problems, err := first.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		tb.Fatalf("check after the run: %v %v", problems, err)
	}
	if len(latencies) == 0 {
		tb.Fatal("no note was saved in the run")
	}
	slices.Sort(latencies)
	return loadResult{saves: len(acked), reads: reads,
		p50: latencies[len(latencies)/2], p99: latencies[len(latencies)*99/100]}
}

// sessionTotal counts the visits the list shows.
func sessionTotal(tb testing.TB, s *sqlstore.Store) int {
	tb.Helper()
	n := 0
	all, err := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range all {
		n += c.SessionCount
	}
	return n
}

// Ten therapists saving and reading at once, each with a store of their
// own (ten on one file, or ten connections to the server), lose nothing
// and meet no error. BenchmarkClinicLoad is the same for a minute at
// clinic scale.
func TestTenTherapistsAtOnce(t *testing.T) {
	s := testkit.OpenStore(t)
	if _, err := demo.Fill(context.Background(), s, demo.Options{Clients: 30, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	res := runLoad(t, s.Path(), 10, loadLength{notes: 5})
	t.Logf("%d saves, %d reads, save p50 %v p99 %v", res.saves, res.reads, res.p50, res.p99)
	if res.saves != 50 || res.reads != 100 {
		t.Errorf("%d saves and %d reads acknowledged, of 10 therapists' 5 notes each", res.saves, res.reads)
	}
}
