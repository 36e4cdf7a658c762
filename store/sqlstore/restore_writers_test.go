package sqlstore_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// writerChildEnv makes the test binary act as a separate Backtrack process
// that adds clients one command at a time (open, add, close, as an import
// does) and prints "ok NAME" only after the add returned.
const (
	writerChildEnv  = "BACKTRACK_WRITER_CHILD_DB"
	writerChildName = "BACKTRACK_WRITER_CHILD_NAME"
)

func runWriterChild(path, name string) int {
	ctx := context.Background()
	out := bufio.NewWriter(os.Stdout)
	deadline := time.Now().Add(60 * time.Second) // the parent ends it sooner
	for i := 0; time.Now().Before(deadline); i++ {
		began := time.Now()
		s, err := sqlstore.Open(ctx, path)
		if err != nil {
			fmt.Fprintln(out, "fail", err)
			out.Flush()
			continue
		}
		first := fmt.Sprintf("%s%d", name, i)
		_, err = s.CreateClient(ctx, store.Client{FirstName: first, LastName: "Writer"})
		s.Close()
		if err != nil {
			fmt.Fprintln(out, "fail", err)
		} else {
			fmt.Fprintln(out, "ok", first)
		}
		out.Flush()
		// a busy desk, not a flood: the file is left free at least as long
		// as it was held, however slow a loaded machine makes each write,
		// so the restores get their turn
		time.Sleep(max(5*time.Millisecond, time.Since(began)))
	}
	return 0
}

func TestARestoreLosesNoWriteAnotherProcessWasToldLanded(t *testing.T) {
	testkit.SQLiteOnly(t)
	// Given a database and a backup of it with one client
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "live.db")
	s := testkit.OpenStoreAt(t, path)
	testkit.MustClient(t, s, "Marta", "Nowak")
	backup := filepath.Join(dir, "backup.db")
	if _, err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// When two other processes add clients while this one restores the
	// backup again and again
	var children []*exec.Cmd
	var outputs []*bufio.Scanner
	for _, name := range []string{"Alpha", "Beta"} {
		child := exec.Command(os.Args[0], "-test.run=^$")
		child.Env = append(os.Environ(), writerChildEnv+"="+path, writerChildName+"="+name)
		stdout, err := child.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		child.Stderr = os.Stderr
		if err := child.Start(); err != nil {
			t.Fatal(err)
		}
		children = append(children, child)
		outputs = append(outputs, bufio.NewScanner(stdout))
	}
	acked := make(chan []string, len(children))
	for _, lines := range outputs {
		go func() {
			var ok []string
			for lines.Scan() {
				if name, found := strings.CutPrefix(lines.Text(), "ok "); found {
					ok = append(ok, name)
				}
			}
			acked <- ok
		}()
	}
	var kept []string
	restores, inUse := 0, 0
	start := time.Now()
	// Three seconds, and at least five restores however slow a loaded
	// machine is (at most half a minute)
	for (time.Since(start) < 3*time.Second || restores < 5) && time.Since(start) < 30*time.Second {
		res, err := sqlite.Restore(ctx, path, backup, "", time.Now())
		switch {
		case errors.Is(err, store.ErrDatabaseInUse):
			inUse++ // a writer had it open: refused whole, nothing replaced
		case err != nil:
			t.Fatalf("restore: %v", err)
		default:
			restores++
			kept = append(kept, res.Previous)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// the writers stop; what they were told before is what counts
	for _, c := range children {
		c.Process.Kill()
	}
	var all []string
	for range children {
		all = append(all, <-acked...)
	}
	for _, c := range children {
		c.Wait()
	}
	if restores < 3 || len(all) < 10 {
		t.Fatalf("%d restores (%d refused while in use), %d acknowledged writes: too few to say anything", restores, inUse, len(all))
	}

	// Then every acknowledged client is in the restored database (it came
	// after the last restore) or in the copy a restore kept (it came before)
	found := map[string]bool{}
	for _, file := range append(kept, path) {
		for _, name := range clientNamesIn(t, file) {
			found[name] = true
		}
	}
	lost := 0
	for _, name := range all {
		if !found[name] {
			lost++
			t.Errorf("client %s was acknowledged and is in no copy", name)
		}
	}
	t.Logf("%d restores, %d refused while in use, %d acknowledged writes, %d lost", restores, inUse, len(all), lost)
}

// clientNamesIn lists the first names of the clients in a database file.
func clientNamesIn(t *testing.T, path string) []string {
	t.Helper()
	copyPath := filepath.Join(t.TempDir(), "read.db")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copyPath, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if wal, err := os.ReadFile(path + "-wal"); err == nil {
		os.WriteFile(copyPath+"-wal", wal, 0o600)
	}
	s := testkit.OpenStoreAt(t, copyPath)
	all, err := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range all {
		names = append(names, c.FirstName)
	}
	return names
}
