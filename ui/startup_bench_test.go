package ui_test

// BenchmarkStartup measures the real app on a ten-year practice against a
// bare Fyne window, under an X server (make bench runs it in Xvfb): the time
// from exec until the window is mapped and viewable, and resident memory two
// seconds later; then the same on an empty database, and the memory after
// the longest history's report is printed. It builds both programs first;
// it is skipped without a display or without xdotool.

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"backtrack/store/testkit"
)

func BenchmarkStartup(b *testing.B) {
	if os.Getenv("DISPLAY") == "" {
		b.Skip("no X display (make bench runs this under Xvfb)")
	}
	if _, err := exec.LookPath("xdotool"); err != nil {
		b.Skip("xdotool is not installed")
	}
	dir := b.TempDir()
	app, bare := filepath.Join(dir, "backtrack"), filepath.Join(dir, "barewindow")
	// the desk as make build builds it (with its tags), the bare window plain
	goBuild(b, app, "-tags", appTags, "backtrack")
	goBuild(b, bare, "backtrack/ui/internal/barewindow")
	db := filepath.Join(dir, "practice.db")
	clients, sessions := testkit.BenchPractice()
	if out, err := exec.Command(app, "demo", "--db", db, "--clients", strconv.Itoa(clients),
		"--sessions", strconv.Itoa(sessions), "--seed", "1").CombinedOutput(); err != nil {
		b.Fatalf("demo: %v\n%s", err, out)
	}
	b.Run("backtrack", func(b *testing.B) { measureStartup(b, dir, nil, app, "--db", db) })
	b.Run("baseline", func(b *testing.B) { measureStartup(b, dir, nil, bare) })
	// On a new, empty database: the desk's own cost with no records.
	b.Run("empty", func(b *testing.B) {
		b.Run("backtrack", func(b *testing.B) {
			measureStartup(b, dir, nil, app, "--db", filepath.Join(b.TempDir(), "empty.db"))
		})
		b.Run("baseline", func(b *testing.B) { measureStartup(b, dir, nil, bare) })
	})
	// After a therapist's busiest moment: the client with the longest
	// history open and their progress report printed. Its time is mostly
	// the waits, so it reports resident memory only.
	b.Run("report", func(b *testing.B) {
		b.Run("backtrack", func(b *testing.B) {
			// settings and home of its own: each run prints as if for the
			// first time (no report to replace, no backup begun and cut short)
			measureStartup(b, b.TempDir(), printReport, app, "--db", db, "--select-client", "busiest")
			b.ReportMetric(0, "ns/op")
		})
		b.Run("baseline", func(b *testing.B) {
			measureStartup(b, dir, nil, bare)
			b.ReportMetric(0, "ns/op")
		})
	})
}

// appTags are make build's tags (the Makefile's APP_TAGS).
const appTags = "no_emoji"

func goBuild(b *testing.B, out string, args ...string) {
	b.Helper()
	cmd := exec.Command("go", append([]string{"build", "-o", out}, args...)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %v: %v\n%s", args, err, msg)
	}
}

// printReport asks the desk in window for the open client's progress
// report (Ctrl+P, then Return: the dialog's own file name, in the home
// folder) and waits until the PDF is there.
func printReport(b *testing.B, window, home string) {
	before, _ := filepath.Glob(filepath.Join(home, "*.pdf"))
	for _, keys := range []string{"ctrl+p", "Return"} {
		time.Sleep(time.Second) // the client's record, then the dialog, shown
		if out, err := exec.Command("xdotool", "key", "--window", window, keys).CombinedOutput(); err != nil {
			b.Fatalf("xdotool key %s: %v\n%s", keys, err, out)
		}
	}
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if after, _ := filepath.Glob(filepath.Join(home, "*.pdf")); len(after) > len(before) {
			return
		}
	}
	b.Fatal("no report written within 60 s")
}

// measureStartup starts the program b.N times and reports the mean time to
// a viewable window as ns/op and the mean resident memory as rss-MB, two
// seconds after the window shows or, with then, two seconds after then
// (given the window's id and the program's home folder) returns.
func measureStartup(b *testing.B, dir string, then func(b *testing.B, window, home string), program string, args ...string) {
	var shown time.Duration
	var rssKB int
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		cmd, window, began, exited := startShowing(b, home, dir, program, args...)
		shown += time.Since(began)
		if then != nil {
			then(b, window, home)
		}
		time.Sleep(2 * time.Second) // let the first screen load its data
		kb, err := residentKB(cmd.Process.Pid)
		cmd.Process.Kill()
		<-exited
		if err != nil {
			b.Fatal(err)
		}
		rssKB += kb
	}
	b.ReportMetric(float64(shown.Nanoseconds())/float64(b.N), "ns/op")
	b.ReportMetric(float64(rssKB)/1024/float64(b.N), "rss-MB")
}

// startShowing starts program and waits for its window, starting it again
// (up to startAttempts times) when it exits without one: under Xvfb a GLFW
// program now and then cannot open the display ("X11: Failed to open
// display", then a panic), measured once in 60 starts of the bare window
// here, and one such start must not fail the run. A program that never
// shows a window, or that keeps dying, still fails it, with its last words.
func startShowing(b *testing.B, home, dir, program string, args ...string) (cmd *exec.Cmd, window string, began time.Time, exited <-chan error) {
	b.Helper()
	for attempt := 1; ; attempt++ {
		c := exec.Command(program, args...)
		c.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "HOME="+home)
		var stderr tailBuffer
		c.Stderr = &stderr
		began = time.Now()
		if err := c.Start(); err != nil {
			b.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- c.Wait() }()
		shown, err := waitForWindow(c.Process.Pid, windowLimit, done)
		if err == nil {
			return c, shown, began, done
		}
		c.Process.Kill()
		if !errors.Is(err, errExited) {
			<-done
		}
		if !errors.Is(err, errExited) || attempt == startAttempts {
			b.Fatalf("%s (attempt %d): %v; its last words:\n%s", filepath.Base(program), attempt, err, stderr.String())
		}
		b.Logf("%s (attempt %d): %v, starting it again; its last words:\n%s", filepath.Base(program), attempt, err, stderr.String())
	}
}

// startAttempts bounds the starts of one measurement.
const startAttempts = 3

// errExited says the program ended before its window showed.
var errExited = errors.New("exited before showing a window")

// tailBuffer keeps the last 4 KB written to it: enough for a panic's first
// lines, safe to write from the process's pipe goroutine while read after
// Wait.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - 4096; over > 0 {
		t.buf = t.buf[over:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

// windowLimit is how long a window may take to show before the run fails:
// a bare window took over 30 s once, on this 2-core machine under a load
// average of 30.
const windowLimit = 90 * time.Second

// waitForWindow polls the X server until pid has a viewable window, and
// returns its id; it gives up at once when the program exits (having
// taken exited's one value).
func waitForWindow(pid int, limit time.Duration, exited <-chan error) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	for ctx.Err() == nil {
		out, _ := exec.CommandContext(ctx, "xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(pid)).Output()
		if ids := strings.Fields(string(out)); len(ids) > 0 {
			return ids[0], nil
		}
		select {
		case err := <-exited:
			return "", fmt.Errorf("%w (%v)", errExited, err)
		case <-time.After(5 * time.Millisecond):
		}
	}
	return "", fmt.Errorf("no window from pid %d within %s", pid, limit)
}

// residentKB reads VmRSS from /proc.
func residentKB(pid int) (int, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
		}
	}
	return 0, fmt.Errorf("no VmRSS for pid %d", pid)
}
