// Package testkit is the test kit every package's tests share: a real store
// on a file in the test's temporary folder, and a real PDF read back as
// text with pdftotext. It is imported by tests only.
package testkit

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"backtrack/store/sqlstore"
)

// OpenStore opens a new, empty store for one test, closed when the test
// ends: on a file in tb's temporary folder, or on a database of its own on
// the private PostgreSQL server (EngineEnv). now, when given, is the
// store's clock.
func OpenStore(tb testing.TB, now ...time.Time) *sqlstore.Store {
	tb.Helper()
	if OnPostgres() {
		return OpenStoreAt(tb, PostgresDSN(tb), now...)
	}
	return OpenStoreAt(tb, filepath.Join(tb.TempDir(), "backtrack.db"), now...)
}

// OpenStoreAt is OpenStore on a file the test names.
func OpenStoreAt(tb testing.TB, path string, now ...time.Time) *sqlstore.Store {
	tb.Helper()
	var opts []sqlstore.Option
	if len(now) > 0 {
		fixed := now[0]
		opts = append(opts, sqlstore.WithClock(func() time.Time { return fixed }))
	}
	s, err := sqlstore.Open(context.Background(), path, opts...)
	if err != nil {
		tb.Fatalf("open store %s: %v", path, err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// PDF text layouts for PDFText: Raw keeps the order the text was drawn in,
// Layout the columns as printed.
const (
	Raw    = "-raw"
	Layout = "-layout"
)

// PDFText reads the PDF at path back as UTF-8 text with pdftotext (Debian's
// poppler-utils), in the given layout.
func PDFText(tb testing.TB, path, layout string) string {
	tb.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		tb.Fatalf("pdftotext is needed to read reports back (apt-get install poppler-utils): %v", err)
	}
	out, err := exec.Command("pdftotext", layout, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// SmallDisk mounts a file system of size bytes (a tmpfs) for the test and
// returns its folder, so a test can fill a real disk. It needs root (CI and
// the development machines run as root); elsewhere the test is skipped.
func SmallDisk(tb testing.TB, size int) string {
	tb.Helper()
	if os.Geteuid() != 0 {
		tb.Skip("mounting a small disk needs root")
	}
	dir := tb.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d,mode=0700", size), "tmpfs", dir).CombinedOutput()
	if err != nil {
		tb.Skipf("cannot mount a small disk here: %v %s", err, out)
	}
	tb.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}
