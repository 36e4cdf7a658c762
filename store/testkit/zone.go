package testkit

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// InTimeZone runs the calling test again in a child process whose local
// time zone is zone (TZ set) and reports whether this is that child: the
// test goes on only where it returns true, so no test changes time.Local
// under another's feet. The child checks that zone is really in force.
func InTimeZone(t *testing.T, zone string) bool {
	t.Helper()
	if os.Getenv("BACKTRACK_TEST_TZ") == zone {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatalf("time zone %s: %v", zone, err)
		}
		if now := time.Now(); now.Format("MST-0700") != now.In(loc).Format("MST-0700") {
			t.Fatalf("TZ=%s is not in force (local time is %s)", zone, now.Format("MST-0700"))
		}
		return true
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "TZ="+zone, "BACKTRACK_TEST_TZ="+zone)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("%s under TZ=%s: %v\n%s", t.Name(), zone, err, out)
	}
	return false
}
