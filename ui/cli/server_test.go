package cli_test

import (
	"backtrack/store/sqlstore"
	"context"
	"strings"
	"testing"
	"time"

	"backtrack/store"
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

func TestMigrateMovesAFileToAnEmptyServer(t *testing.T) {
	testkit.PostgresOnly(t)
	file := t.TempDir() + "/practice.db"
	if code, _, errOut := run(t, "demo", "--db", file, "--clients", "6", "--seed", "2"); code != 0 {
		t.Fatal(errOut)
	}
	dsn := withPassword(testkit.PostgresDSN(t))
	code, out, errOut := run(t, "migrate", "--from", file, "--to", dsn)
	if code != 0 || !strings.Contains(out, "Moved 6 clients") || strings.Contains(out+errOut, "s3cret-pw") {
		t.Fatalf("migrate: exit %d\n%s%s", code, out, errOut)
	}
	// the server lists what the file lists
	_, fromFile, _ := run(t, "clients", "--db", file, "--archived")
	_, fromServer, _ := run(t, "clients", "--db", dsn, "--archived")
	if fromFile != fromServer || strings.Count(fromFile, "\n") != 6 {
		t.Errorf("clients differ:\nfile:\n%s\nserver:\n%s", fromFile, fromServer)
	}
	// a second move is refused: the server is no longer empty
	if code, _, errOut := run(t, "migrate", "--from", file, "--to", dsn); code != 1 || !strings.Contains(errOut, "empty database only") {
		t.Errorf("second migrate: exit %d %s", code, errOut)
	}
	if code, out, _ := run(t, "check", "--db", dsn); code != 0 || strings.TrimSpace(out) != "ok" {
		t.Errorf("check after migrate: %d %s", code, out)
	}
}

// A therapist's check on a clinic where a colleague keeps a private note
// says ok and exits 0 (the server checks the chain for them), naming what
// this login could not read; it never calls the note deleted.
func TestATherapistsCheckBesideAColleaguesPrivateNote(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	dsn := testkit.PostgresDSN(t)
	if code, out, errOut := run(t, "clinic", "init", "--db", dsn); code != 0 {
		t.Fatalf("clinic init: %s%s", out, errOut)
	}
	anna := testkit.OpenStoreAt(t, testkit.ClinicLogin(t, dsn, "anna", "backtrack_therapist"))
	client, err := anna.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := anna.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: client.ID, DurationMin: 60, Private: true,
		Start: time.Date(2026, 11, 2, 10, 0, 0, 0, time.Local)}, Sign: true, By: "Anna Keller, LMT"}); err != nil {
		t.Fatal(err)
	}
	ben := testkit.ClinicLogin(t, dsn, "ben", "backtrack_therapist")
	code, out, errOut := run(t, "check", "--db", ben)
	if code != 0 || !strings.HasPrefix(out, "ok\n1 note private to a colleague was not compared") || strings.Contains(out, "deleted") {
		t.Errorf("ben's check: exit %d\n%s%s", code, out, errOut)
	}
}
