package sqlstore_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func TestTwoWritersAtOnce(t *testing.T) {
	ctx := context.Background()
	// two stores on one record, as two windows or a window and a command
	// would be (two desks on the practice server)
	a, b := testkit.OpenStorePair(t)
	c, err := a.CreateClient(ctx, store.Client{FirstName: "Lena", LastName: "Fischer"})
	if err != nil {
		t.Fatal(err)
	}

	const perWriter = 100
	var wg sync.WaitGroup
	errs := make(chan error, 4*perWriter)
	for _, s := range []*sqlstore.Store{a, a, b, b} { // goroutines on one store and across stores
		wg.Add(1)
		go func(s *sqlstore.Store) {
			defer wg.Done()
			for i := 0; i < perWriter; i++ {
				_, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, DurationMin: 60,
					Start: time.Date(2026, 1, 1, 9, 0, 0, 0, time.Local).Add(time.Duration(i) * time.Hour)}})
				if err != nil {
					errs <- err
				}
				if _, err := s.ClientHistory(ctx, c.ID, store.Period{}); err != nil {
					errs <- err
				}
			}
		}(s)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write: %v", err)
	}
	hist, err := b.ClientHistory(ctx, c.ID, store.Period{})
	if err != nil || len(hist) != 4*perWriter {
		t.Errorf("history has %d sessions (%v), want %d", len(hist), err, 4*perWriter)
	}
}

// crashChildEnv makes the test binary act as a child that saves sessions
// in a loop and reports each saved ID on stdout, until it is killed.
const crashChildEnv = "BACKTRACK_CRASH_CHILD_DB"

func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		os.Exit(runCrashChild(path))
	}
	if path := os.Getenv(signChildEnv); path != "" {
		os.Exit(runSignChild(path))
	}
	if path := os.Getenv(submitChildEnv); path != "" {
		os.Exit(runSubmitChild(path))
	}
	if path := os.Getenv(churnChildEnv); path != "" {
		os.Exit(runChurnChild(path))
	}
	if path := os.Getenv(checkChildEnv); path != "" {
		os.Exit(runCheckChild(path))
	}
	if path := os.Getenv(openChildEnv); path != "" {
		os.Exit(runOpenChild(path))
	}
	if path := os.Getenv(writerChildEnv); path != "" {
		os.Exit(runWriterChild(path, os.Getenv(writerChildName)))
	}
	code := testkit.RunMain(m)
	removeClinicCopy()
	os.Exit(code)
}

func runCrashChild(path string) int {
	ctx := context.Background()
	s, err := sqlstore.Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	cs, err := s.SearchClients(ctx, store.ClientQuery{})
	if err != nil || len(cs) == 0 {
		fmt.Fprintln(os.Stderr, "no client", err)
		return 1
	}
	stiff, _ := s.TermNamed(ctx, store.PainType, "Stiffness")
	ql, _ := s.TermNamed(ctx, store.Muscle, "Quadratus lumborum")
	out := bufio.NewWriter(os.Stdout)
	for i := 0; ; i++ {
		sess, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{
			ClientID: cs[0].ID, DurationMin: 60,
			Start:      time.Date(2025, 1, 1, 9, 0, 0, 0, time.Local).Add(time.Duration(i) * time.Hour),
			PainBefore: store.PainOf(i % 11), PainAfter: store.PainOf(i % 7),
			PainTypes: []store.Tag{{TermID: stiff.ID}}, Muscles: []store.Tag{{TermID: ql.ID, Side: store.Both}},
			Notes: store.SOAP{Subjective: fmt.Sprintf("visit %d", i)},
		}})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		// reported only after the commit returned: it must survive the kill
		fmt.Fprintln(out, sess.ID)
		out.Flush()
	}
}

func TestKilledWriterLosesNothingItReported(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "crash.db")
	s, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateClient(ctx, store.Client{FirstName: "Lena", LastName: "Fischer"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	for round := 0; round < 3; round++ {
		// given a child process saving sessions as fast as it can
		child := exec.Command(os.Args[0], "-test.run=^$")
		child.Env = append(os.Environ(), crashChildEnv+"="+path)
		stdout, err := child.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		child.Stderr = os.Stderr
		if err := child.Start(); err != nil {
			t.Fatal(err)
		}
		// when it is killed with SIGKILL after it reported some saves
		var reported []int64
		lines := bufio.NewScanner(stdout)
		for lines.Scan() {
			id, err := strconv.ParseInt(lines.Text(), 10, 64)
			if err != nil {
				t.Fatalf("child said %q", lines.Text())
			}
			reported = append(reported, id)
			if len(reported) == 40+round*25 {
				if err := child.Process.Signal(syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
				break
			}
		}
		for lines.Scan() { // saves reported while the signal was on its way
			if id, err := strconv.ParseInt(lines.Text(), 10, 64); err == nil {
				reported = append(reported, id)
			}
		}
		child.Wait()

		// then the file passes SQLite's checks
		problems, err := sqlite.Check(ctx, path)
		if err != nil || len(problems) > 0 {
			t.Fatalf("round %d: check = %v, %v", round, problems, err)
		}
		// and every session the child reported is there, with its tags
		s, err := sqlstore.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range reported {
			sess, err := s.Session(ctx, id)
			if err != nil {
				t.Fatalf("round %d: reported session %d: %v", round, id, err)
			}
			if sess.ClientID != c.ID || len(sess.PainTypes) != 1 || len(sess.Muscles) != 1 {
				t.Fatalf("round %d: session %d came back partial: %+v", round, id, sess)
			}
		}
		s.Close()
	}
}

func TestAWriterWaitsItsTurnBehindALongImportInAnotherProcess(t *testing.T) {
	testkit.SQLiteOnly(t)
	// Given one store (another process, as far as SQLite can tell) holding
	// the write lock for longer than SQLite's own wait of five seconds
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "busy.db")
	long := testkit.OpenStoreAt(t, path)
	other := testkit.OpenStoreAt(t, path)
	started := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- long.Batch(ctx, func(b *sqlstore.Batch) error {
			if _, err := b.CreateClient(store.Client{FirstName: "Long", LastName: "Import"}); err != nil {
				return err
			}
			close(started)
			time.Sleep(6 * time.Second)
			return nil
		})
	}()
	<-started
	// When another writer saves meanwhile
	c, err := other.CreateClient(ctx, store.Client{FirstName: "Short", LastName: "Write"})
	// Then it waited its turn and landed: no "database is locked"
	if err != nil {
		t.Fatalf("the second writer failed: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got, err := other.Client(ctx, c.ID); err != nil || got.FirstName != "Short" {
		t.Errorf("second write: %+v, %v", got, err)
	}
}
