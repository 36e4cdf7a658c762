package sqlstore_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// checkChildEnv makes the test binary act as a child that checks the
// database it names (its pages, then its history, read-only) and prints
// "ok" or what it found.
const checkChildEnv = "BACKTRACK_CHECK_CHILD_DB"

func runCheckChild(path string) int {
	if problems, err := checkWhole(context.Background(), path); err != nil || len(problems) > 0 {
		fmt.Println("problems:", problems, err)
		return 1
	}
	fmt.Println("ok")
	return 0
}

// checkWhole is what `backtrack check` reads: SQLite's own checks, then the
// record's history through a read-only store.
func checkWhole(ctx context.Context, path string) ([]string, error) {
	problems, err := sqlite.Check(ctx, path)
	if err != nil || len(problems) > 0 {
		return problems, err
	}
	s, err := sqlstore.OpenReadOnly(ctx, path)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if _, err := s.AuditLog(ctx, store.AuditQuery{}); err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	return s.VerifyRecord(ctx)
}

// churnChildEnv makes the test binary act as a child that, until it is
// killed, opens the database it names, adds fifty clients and closes it
// again: each close copies its log into the file.
const churnChildEnv = "BACKTRACK_CHURN_CHILD_DB"

func runChurnChild(path string) int {
	ctx := context.Background()
	for round := 0; ; round++ {
		s, err := sqlstore.Open(ctx, path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		for i := 0; i < 50; i++ {
			if _, err := s.CreateClient(ctx, store.Client{FirstName: fmt.Sprintf("Churn%d", i), LastName: fmt.Sprintf("Round%d", round)}); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
		}
		if err := s.Close(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println("round", round)
		time.Sleep(10 * time.Millisecond) // no log beside the file for a moment
	}
}

func TestCheckBesideLiveWritersReportsNoFalseDamage(t *testing.T) {
	testkit.SQLiteOnly(t)
	// Given a practice's database that another process keeps opening,
	// writing to and closing (so its write-ahead log comes and goes)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "live.db")
	s := testkit.OpenStoreAt(t, path)
	if _, err := demo.Fill(ctx, s, demo.Options{Clients: 100, Sessions: 1000, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, name := range []string{"Alpha"} {
		child := exec.Command(os.Args[0], "-test.run=^$")
		child.Env = append(os.Environ(), churnChildEnv+"="+path)
		stdout, err := child.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := child.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { child.Process.Kill(); child.Wait() })
		lines := bufio.NewScanner(stdout)
		if !lines.Scan() { // it has written once: it is under way
			t.Fatalf("writer %s ended before writing", name)
		}
		go func() {
			for lines.Scan() {
			}
		}()
	}

	// When the database is checked again and again meanwhile
	deadline := time.Now().Add(15 * time.Second)
	runs := 0
	for ; runs < 200 && time.Now().Before(deadline); runs++ {
		problems, err := sqlite.Check(ctx, path)

		// Then no check reports damage that is not there
		if err != nil || len(problems) > 0 {
			t.Fatalf("check %d beside live writers: %v %v", runs, problems, err)
		}
	}
	t.Logf("%d checks", runs)
}

func TestCheckAndAuditReadALiveDatabaseOnAReadOnlyDisk(t *testing.T) {
	testkit.SQLiteOnly(t)
	unshare, err := exec.LookPath("unshare")
	if err != nil || os.Geteuid() != 0 {
		t.Skip("mounting a folder read-only needs unshare and root")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "live.db")
	s := testkit.OpenStoreAt(t, path)
	testkit.MustClient(t, s, "Marta", "Nowak")

	// checkReadOnly checks the database from a private mount namespace
	// in which its folder is mounted read-only; the mount goes with it.
	checkReadOnly := func(when string) {
		t.Helper()
		script := `mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && touch "$1/probe" 2>/dev/null && echo writable; exec "$2" -test.run='^$'`
		child := exec.Command(unshare, "-m", "--propagation", "private", "sh", "-c", script, "sh", dir, os.Args[0])
		child.Env = append(os.Environ(), checkChildEnv+"="+path)
		out, err := child.CombinedOutput()
		if strings.Contains(string(out), "writable") {
			t.Fatalf("%s: the folder was not mounted read-only", when)
		}
		if strings.Contains(string(out), "mount:") || strings.Contains(string(out), "unshare:") {
			t.Skipf("cannot mount here: %s", out)
		}
		if err != nil || strings.TrimSpace(string(out)) != "ok" {
			t.Errorf("%s: check on a read-only disk: %v %s", when, err, out)
		}
	}

	// Given the database open in a desk (its log and shared index beside it)
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("the open database has no log beside it: %v", err)
	}
	// Then check and audit read it whole through a read-only mount
	checkReadOnly("while a desk has it open")

	// And once the desk has closed it
	s.Close()
	checkReadOnly("after the desk closed it")
}
