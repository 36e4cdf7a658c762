package ui_test

// BenchmarkStartup measures the real app on a ten-year practice against a
// bare Fyne window, under an X server (make bench runs it in Xvfb): the time
// from exec until the window is mapped and viewable, and resident memory two
// seconds later. It builds both programs first; it is skipped without a
// display or without xdotool.

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
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
	goBuild(b, app, "backtrack")
	goBuild(b, bare, "backtrack/ui/internal/barewindow")
	db := filepath.Join(dir, "practice.db")
	if out, err := exec.Command(app, "demo", "--db", db, "--clients", "2000", "--sessions", "12000", "--seed", "1").CombinedOutput(); err != nil {
		b.Fatalf("demo: %v\n%s", err, out)
	}
	b.Run("backtrack", func(b *testing.B) { measureStartup(b, dir, app, "--db", db) })
	b.Run("baseline", func(b *testing.B) { measureStartup(b, dir, bare) })
}

func goBuild(b *testing.B, out, pkg string) {
	b.Helper()
	cmd := exec.Command("go", "build", "-o", out, pkg)
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
}

// measureStartup starts the program b.N times and reports the mean time to
// a viewable window as ns/op and the mean resident memory as rss-MB.
func measureStartup(b *testing.B, dir, program string, args ...string) {
	var shown time.Duration
	var rssKB int
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(program, args...)
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
		began := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		if err := waitForWindow(cmd.Process.Pid, 30*time.Second); err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			b.Fatal(err)
		}
		shown += time.Since(began)
		time.Sleep(2 * time.Second) // let the first screen load its data
		kb, err := residentKB(cmd.Process.Pid)
		cmd.Process.Kill()
		cmd.Wait()
		if err != nil {
			b.Fatal(err)
		}
		rssKB += kb
	}
	b.ReportMetric(float64(shown.Nanoseconds())/float64(b.N), "ns/op")
	b.ReportMetric(float64(rssKB)/1024/float64(b.N), "rss-MB")
}

// waitForWindow polls the X server until pid has a viewable window.
func waitForWindow(pid int, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	for ctx.Err() == nil {
		out, _ := exec.CommandContext(ctx, "xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(pid)).Output()
		if len(bytes.TrimSpace(out)) > 0 {
			return nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return fmt.Errorf("no window from pid %d within %s", pid, limit)
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
