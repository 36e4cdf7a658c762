package cli_test

import (
	"strings"
	"testing"

	"backtrack/store/testkit"
)

// withPassword is a test server's DSN with a password in it (the test
// server trusts 127.0.0.1 and ignores it), to see that no command prints it.
func withPassword(dsn string) string {
	return strings.Replace(dsn, "backtrack@", "backtrack:s3cret-pw@", 1)
}

func TestCommandsOnAPracticeServer(t *testing.T) {
	testkit.PostgresOnly(t)
	dsn := withPassword(testkit.PostgresDSN(t))
	var printed strings.Builder
	mustRun := func(want int, args ...string) string {
		t.Helper()
		code, out, errOut := run(t, args...)
		printed.WriteString(out + errOut)
		if code != want {
			t.Fatalf("%v: exit %d, want %d\n%s%s", args, code, want, out, errOut)
		}
		return out + errOut
	}
	// given a sample practice on the server
	mustRun(0, "demo", "--db", dsn, "--clients", "5", "--seed", "3")
	// then check verifies the record's history there
	if out := mustRun(0, "check", "--db", dsn); strings.TrimSpace(out) != "ok" {
		t.Errorf("check on the server: %q", out)
	}
	// and reports, exports and the audit read from it
	mustRun(0, "report", "--db", dsn, "--all", "--out", t.TempDir())
	mustRun(0, "export", "--db", dsn, "--format", "json", "--out", t.TempDir())
	mustRun(0, "audit", "--db", dsn)
	// backups and restores are the server's own, said plainly
	if out := mustRun(1, "backup", "--db", dsn); !strings.Contains(out, "pg_dump") {
		t.Errorf("backup on the server: %q", out)
	}
	if out := mustRun(1, "restore", "--db", dsn, "--from", "x.db"); !strings.Contains(out, "pg_dump") {
		t.Errorf("restore on the server: %q", out)
	}
	// a wrong database is refused, not created
	bad := strings.Replace(dsn, "/t", "/missing_t", 1)
	mustRun(1, "check", "--db", bad)
	if strings.Contains(printed.String(), "s3cret-pw") {
		t.Errorf("a command printed the password:\n%s", printed.String())
	}
}
