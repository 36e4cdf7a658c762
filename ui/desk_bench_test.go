package ui

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
	"backtrack/ui/clientview"
)

// The desk on a large practice: 2,000 clients, one of them with 500
// visits. Each figure is the desk's whole path (background query, result
// applied to the widgets) beside the bare store query it rests on, so the
// ratio is what the screen adds.

var bigPractice struct {
	once sync.Once
	path string
	dir  string // the folder the run built it in, removed after the run
	err  error
}

// practiceEnv names records to run the desk's benchmarks on instead (a
// file, or a practice server's DSN), as the clinic-scale practice of
// store/sqlstore's benchmarks (docs/BENCHMARKS.md). They are only read
// from; run on a copy, since opening the desk may back a file up.
const practiceEnv = "BACKTRACK_BENCH_PRACTICE"

// openBigPractice builds the practice once per run and opens it, or opens
// the one practiceEnv names.
func openBigPractice(b *testing.B) *sqlstore.Store {
	b.Helper()
	if where := os.Getenv(practiceEnv); where != "" {
		bigPractice.once.Do(func() { bigPractice.path = where })
	}
	bigPractice.once.Do(func() {
		dir, err := mkdirTemp()
		if err != nil {
			bigPractice.err = err
			return
		}
		bigPractice.dir, bigPractice.path = dir, filepath.Join(dir, "big.db")
		s, err := sqlstore.Open(context.Background(), bigPractice.path)
		if err != nil {
			bigPractice.err = err
			return
		}
		defer s.Close()
		clients, sessions := testkit.BenchPractice()
		_, bigPractice.err = demo.Fill(context.Background(), s, demo.Options{Clients: clients, Sessions: sessions, Seed: 7})
	})
	if bigPractice.err != nil {
		b.Fatalf("big practice: %v", bigPractice.err)
	}
	s, err := sqlstore.Open(context.Background(), bigPractice.path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkDeskSearchKeystroke: one keystroke in the search over 2,000
// clients ("an" matches most of them), until the list shows the result,
// beside the query the list asks for (its first rows, in its order). Each
// also reports the process's CPU time a keystroke (cpu-ms/op): on a
// loaded machine the wall time of the desk's path, which hops from the
// UI to a query's goroutine and back, counts the waits for a core.
func BenchmarkDeskSearchKeystroke(b *testing.B) {
	s := openBigPractice(b)
	d := newTestDesk(b, s, Options{})
	d.wait() // the desk's first load done: the keystroke is timed, not the start
	q := store.ClientQuery{Text: "an", Order: store.ByLastVisit, Limit: store.ListRows + 1}
	b.Run("backtrack", func(b *testing.B) {
		start := testkit.CPUTime()
		for i := 0; i < b.N; i++ {
			d.tasks.OnUI(func() { d.list.Search.SetText([]string{"an", "a"}[i%2]) })
			d.wait()
		}
		testkit.ReportCPU(b, start)
		// the list shows what the query finds, up to its first rows (a
		// small practice, as make test's single run builds, has fewer)
		q.Text = []string{"an", "a"}[(b.N-1)%2]
		found, err := s.SearchClients(context.Background(), q)
		if err != nil {
			b.Fatal(err)
		}
		if shown, want := len(d.list.Rows()), min(len(found), store.ListRows); shown < want || want == 0 {
			b.Fatalf("the list shows %d rows for %q; the query finds %d", shown, q.Text, len(found))
		}
	})
	b.Run("baseline", func(b *testing.B) {
		start := testkit.CPUTime()
		for i := 0; i < b.N; i++ {
			q.Text = []string{"an", "a"}[i%2]
			if _, err := s.SearchClients(context.Background(), q); err != nil {
				b.Fatal(err)
			}
		}
		testkit.ReportCPU(b, start)
	})
}

// BenchmarkDeskOpenLongHistory: picking the client with 500 visits until
// the header, before-treatment summary, chart and history are filled.
func BenchmarkDeskOpenLongHistory(b *testing.B) {
	s := openBigPractice(b)
	d := newTestDesk(b, s, Options{})
	d.wait()
	long := testkit.LongestHistory(b, s)
	b.Run("backtrack", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			d.tasks.OnUI(func() { d.view.Show(long.ID) })
			d.wait()
		}
		if d.view.History.List.Length() < long.SessionCount {
			b.Fatalf("history shows %d sessions", d.view.History.List.Length())
		}
	})
	b.Run("baseline", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.ClientHistory(context.Background(), long.ID, store.Period{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDeskLongHistoryUIWork: the part of opening a client that runs
// on the UI goroutine (filling the widgets), for 500 visits beside a
// client with a handful: what could make the window stutter.
func BenchmarkDeskLongHistoryUIWork(b *testing.B) {
	s := openBigPractice(b)
	d := newTestDesk(b, s, Options{})
	ctx := context.Background()
	dataOf := func(id int64) clientview.ClientData {
		var data clientview.ClientData
		var err error
		if data.Client, err = s.Client(ctx, id); err == nil {
			if data.Sessions, err = s.ClientHistory(ctx, id, store.Period{}); err == nil {
				data.Trend, err = s.PainTrend(ctx, id, store.Period{})
			}
		}
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	long := dataOf(testkit.LongestHistory(b, s).ID)
	rows, _ := s.SearchClients(ctx, store.ClientQuery{})
	var short clientview.ClientData
	for _, r := range rows {
		if r.SessionCount >= 5 && r.SessionCount <= 10 {
			short = dataOf(r.ID)
			break
		}
	}
	for _, tc := range []struct {
		name string
		data clientview.ClientData
	}{{"backtrack", long}, {"baseline", short}} {
		b.Run(tc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				d.tasks.OnUI(func() { d.view.Apply(tc.data, clientview.ModeOverview) })
			}
		})
	}
}

// TestMain runs the tests on the engine testkit.EngineEnv names (make
// test runs the practice server's own tests, TestClinic…, on PostgreSQL)
// and removes the benchmarks' shared practice after the run.
func TestMain(m *testing.M) {
	code := testkit.RunMain(m)
	if bigPractice.dir != "" { // never the records practiceEnv named
		os.RemoveAll(bigPractice.dir)
	}
	os.Exit(code)
}
