package testkit

import (
	"context"
	"flag"
	"testing"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/sqlstore"
)

// BenchOnce reports whether the benchmarks run once each (-benchtime 1x):
// make test runs them so, to see that each still runs, not to measure it.
func BenchOnce() bool {
	f := flag.Lookup("test.benchtime")
	return f != nil && f.Value.String() == "1x"
}

// BenchPractice is the size of the practice the benchmarks build: ten
// years of a practice (2,000 clients, 12,000 sessions, the long-term
// client's 500 among them) for make bench, and when they run once only
// enough to hold the long-term client (20 clients, 1,000 sessions), which
// builds in seconds rather than a minute.
func BenchPractice() (clients, sessions int) {
	if BenchOnce() {
		return 20, 2 * demo.LongTermVisits
	}
	return 2000, 12000
}

// LongHistoryAtLeast is how many visits the benchmarks' long-term client
// must have. Not exactly demo's 500: a note entered in error no longer
// counts, and the figure is about a long history, not a number.
const LongHistoryAtLeast = demo.LongTermVisits * 9 / 10

// LongestHistory finds the client with the most visits in s, failing tb
// when even they have fewer than LongHistoryAtLeast.
func LongestHistory(tb testing.TB, s *sqlstore.Store) store.ClientSummary {
	tb.Helper()
	rows, err := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
	if err != nil {
		tb.Fatal(err)
	}
	var best store.ClientSummary
	for _, r := range rows {
		if r.SessionCount > best.SessionCount {
			best = r
		}
	}
	if best.SessionCount < LongHistoryAtLeast {
		tb.Fatalf("the longest history has %d visits; the benchmark needs at least %d", best.SessionCount, LongHistoryAtLeast)
	}
	return best
}
