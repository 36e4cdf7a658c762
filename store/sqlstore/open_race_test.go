package sqlstore_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// openChildEnv makes the test binary act as a child that opens (creating
// and migrating) the database it names at the moment openChildAt names,
// then closes it: several started together race on one new file.
const (
	openChildEnv = "BACKTRACK_OPEN_CHILD_DB"
	openChildAt  = "BACKTRACK_OPEN_CHILD_AT"
)

func runOpenChild(path string) int {
	if at, err := strconv.ParseInt(os.Getenv(openChildAt), 10, 64); err == nil {
		time.Sleep(time.Until(time.Unix(0, at)))
	}
	s, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := s.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func TestProcessesOpeningOneNewDatabaseAtOnceAllSucceed(t *testing.T) {
	testkit.SQLiteOnly(t)
	const processes = 6
	for round := 0; round < 3; round++ {
		// Given a path where no database exists yet
		path := filepath.Join(t.TempDir(), "first-run", "backtrack.db")

		// When six processes open it at the same instant (two desks on
		// their first run, a desk and a command…)
		start := time.Now().Add(500 * time.Millisecond).UnixNano()
		var wg sync.WaitGroup
		failures := make(chan string, processes)
		for i := 0; i < processes; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				child := exec.Command(os.Args[0], "-test.run=^$")
				child.Env = append(os.Environ(), openChildEnv+"="+path, openChildAt+"="+strconv.FormatInt(start, 10))
				if out, err := child.CombinedOutput(); err != nil {
					failures <- fmt.Sprintf("%v: %s", err, strings.TrimSpace(string(out)))
				}
			}()
		}
		wg.Wait()
		close(failures)

		// Then every one opened it, and the schema is whole and current
		for f := range failures {
			t.Errorf("round %d: a process could not open the new database: %s", round, f)
		}
		if v := userVersion(t, path); v != sqlite.SchemaVersion() {
			t.Errorf("round %d: user_version = %d, want %d", round, v, sqlite.SchemaVersion())
		}
		s := testkit.OpenStoreAt(t, path)
		if problems, err := s.VerifyRecord(context.Background()); err != nil || len(problems) > 0 {
			t.Errorf("round %d: the new record does not verify: %v %v", round, problems, err)
		}
		s.Close()
	}
}

func TestGoroutinesOpeningOneNewDatabaseAtOnceAllSucceed(t *testing.T) {
	// a new file, or a new database on the practice server: each opener
	// reads the version and migrates under the engine's write lock
	path := filepath.Join(t.TempDir(), "backtrack.db")
	if testkit.OnPostgres() {
		path = testkit.PostgresDSN(t)
	}
	const openers = 8
	var wg sync.WaitGroup
	errs := make(chan error, openers)
	for i := 0; i < openers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := sqlstore.Open(context.Background(), path)
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("an opener failed: %v", err)
		}
	}
}
