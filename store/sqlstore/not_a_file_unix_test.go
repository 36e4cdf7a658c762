//go:build unix

package sqlstore_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// openWithin opens path for writing or reading only, failing the test
// when the open does not answer in time (reading a named pipe waits for a
// writer that never comes).
func openWithin(t *testing.T, path string, readOnly bool) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		open := sqlstore.Open
		if readOnly {
			open = func(ctx context.Context, path string, _ ...sqlstore.Option) (*sqlstore.Store, error) {
				return sqlstore.OpenReadOnly(ctx, path)
			}
		}
		s, err := open(context.Background(), path)
		if err == nil {
			s.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatalf("opening %s did not answer in 10 s", path)
		return nil
	}
}

func TestANamedPipeIsRefusedBeforeItIsTouched(t *testing.T) {
	testkit.SQLiteOnly(t)
	// Given a named pipe where the records are looked for
	dir := t.TempDir()
	fifo := filepath.Join(dir, "records.db")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, readOnly := range []bool{false, true} {
		// When it is opened (a desk, a command, check or audit)
		err := openWithin(t, fifo, readOnly)

		// Then it is refused in a sentence naming it, and left as it was
		if !errors.Is(err, store.ErrNotFile) {
			t.Errorf("read-only %v: open = %v, want store.ErrNotFile", readOnly, err)
		}
		if err != nil && err.Error() != "open database: "+fifo+" is a named pipe (FIFO), not a file: "+store.ErrNotFile.Error() {
			t.Errorf("read-only %v: the sentence is %q", readOnly, err)
		}
		st, statErr := os.Stat(fifo)
		if statErr != nil || st.Mode().Perm() != 0o644 {
			t.Errorf("read-only %v: the pipe's mode is now %v (%v), want 0644", readOnly, st.Mode(), statErr)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("read-only %v: files were made beside the pipe: %v", readOnly, entries)
		}
	}
	if _, err := sqlite.Check(context.Background(), fifo); !errors.Is(err, store.ErrNotFile) {
		t.Errorf("check = %v, want store.ErrNotFile", err)
	}
}

func TestADeviceIsRefusedBeforeItIsTouched(t *testing.T) {
	testkit.SQLiteOnly(t)
	const device = "/dev/null"
	before, err := os.Stat(device)
	if err != nil {
		t.Skipf("no %s here", device)
	}
	// The refusal is asked first: if it did not refuse, opening would
	// change the device's mode (as root), so the test stops there.
	if err := sqlite.RequireFile(device); !errors.Is(err, store.ErrNotFile) {
		t.Fatalf("RequireFile(%s) = %v, want store.ErrNotFile", device, err)
	}
	for _, readOnly := range []bool{false, true} {
		if err := openWithin(t, device, readOnly); !errors.Is(err, store.ErrNotFile) {
			t.Errorf("read-only %v: open = %v, want store.ErrNotFile", readOnly, err)
		}
	}
	after, err := os.Stat(device)
	if err != nil || after.Mode() != before.Mode() {
		t.Errorf("%s was %v, is now %v (%v)", device, before.Mode(), after.Mode(), err)
	}
	if _, err := os.Stat(device + "-journal"); err == nil {
		t.Errorf("a journal was left beside %s", device)
	}
}
