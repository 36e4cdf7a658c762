package cli_test

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/ui/cli"
)

// run runs a command line and returns its exit code and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = cli.Run(context.Background(), cli.Env{Stdout: &out, Stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

func TestHelpDescribesEveryCommand(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		code, out, _ := run(t, args...)
		if code != 0 {
			t.Errorf("%v exit %d", args, code)
		}
		for _, want := range []string{"demo", "check", "--db PATH"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v output lacks %q:\n%s", args, want, out)
			}
		}
	}
	code, out, _ := run(t, "help", "demo")
	if code != 0 || !strings.Contains(out, "--seed") {
		t.Errorf("help demo: %d %s", code, out)
	}
}

func TestUsageMistakesExit2(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"frobnicate"},
		{"check", "--db", db, "--colour", "blue"},
		{"check", "--db", db, "extra"},
		{"demo"},
		{"demo", "--db", db, "--clients", "0"},
		{"demo", "--db", db, "--clients", "many"},
	} {
		code, _, errOut := run(t, args...)
		if code != cli.ExitUsage {
			t.Errorf("%v exit %d, want %d", args, code, cli.ExitUsage)
		}
		if !strings.Contains(errOut, "usage") {
			t.Errorf("%v printed no usage: %s", args, errOut)
		}
	}
}

func TestDemoIsDeterministicAndChecksOK(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	for _, db := range []string{a, b} {
		code, out, errOut := run(t, "demo", "--db", db, "--clients", "12", "--seed", "42")
		if code != 0 || !strings.Contains(out, "12 clients") {
			t.Fatalf("demo: %d %s %s", code, out, errOut)
		}
	}
	if da, db := dump(t, a), dump(t, b); da != db {
		t.Error("the same seed gave different data")
	}
	// the same seed again into a database that has clients is refused
	if code, _, errOut := run(t, "demo", "--db", a); code != 1 || !strings.Contains(errOut, "already has clients") {
		t.Errorf("demo over existing data: %d %s", code, errOut)
	}
	if code, out, _ := run(t, "check", "--db", a); code != 0 || strings.TrimSpace(out) != "ok" {
		t.Errorf("check = %d %q", code, out)
	}
}

func TestDemoLargePracticeHasTheLongTermClient(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1,500 sessions")
	}
	db := filepath.Join(t.TempDir(), "big.db")
	code, out, errOut := run(t, "demo", "--db", db, "--clients", "100", "--sessions", "1500", "--seed", "1")
	if code != 0 || !strings.Contains(out, "100 clients, 1500 sessions") {
		t.Fatalf("demo: %d %s %s", code, out, errOut)
	}
	conn := openRaw(t, db)
	var most int
	if err := conn.QueryRow(`SELECT MAX(n) FROM (SELECT COUNT(*) n FROM sessions GROUP BY client_id)`).Scan(&most); err != nil {
		t.Fatal(err)
	}
	if most != 500 {
		t.Errorf("largest history = %d, want 500", most)
	}
}

func TestCheckListsProblemsAndExits1(t *testing.T) {
	db := filepath.Join(t.TempDir(), "broken.db")
	if code, _, errOut := run(t, "demo", "--db", db, "--clients", "2", "--seed", "1"); code != 0 {
		t.Fatal(errOut)
	}
	// given a session whose client was removed behind Backtrack's back
	conn := openRaw(t, db)
	if _, err := conn.Exec(`PRAGMA foreign_keys = OFF; DELETE FROM clients WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	code, out, _ := run(t, "check", "--db", db)
	if code != 1 || !strings.Contains(out, "foreign key: sessions") {
		t.Errorf("check = %d %q", code, out)
	}
	if code, _, errOut := run(t, "check", "--db", filepath.Join(t.TempDir(), "missing.db")); code != 1 || errOut == "" {
		t.Errorf("check of a missing file = %d %q", code, errOut)
	}
}

func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	conn.SetMaxOpenConns(1)
	t.Cleanup(func() { conn.Close() })
	return conn
}

// dump is every client and session row as text, in ID order.
func dump(t *testing.T, path string) string {
	t.Helper()
	conn := openRaw(t, path)
	var b strings.Builder
	for _, q := range []string{
		`SELECT first_name||last_name||date_of_birth||phone||email||contraindications FROM clients ORDER BY id`,
		`SELECT started_at||duration_min||IFNULL(pain_before,'-')||IFNULL(pain_after,'-')||subjective||plan FROM sessions ORDER BY id`,
		`SELECT session_id||':'||term_id||side FROM session_tags ORDER BY session_id, term_id`,
	} {
		rows, err := conn.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			b.WriteString(s + "\n")
		}
		rows.Close()
	}
	return b.String()
}

func TestDemoRefusesMoreSessionsThanFit(t *testing.T) {
	dir := t.TempDir()
	// 60 clients hold at most 500 + 59*40 = 2,860 visits
	code, _, errOut := run(t, "demo", "--db", filepath.Join(dir, "a.db"), "--clients", "60", "--sessions", "3000")
	if code != 1 || !strings.Contains(errOut, "at most 2860 sessions") {
		t.Errorf("too many sessions: %d %s", code, errOut)
	}
	// a small practice with more visits than 40 each gets a long-term client
	code, out, errOut := run(t, "demo", "--db", filepath.Join(dir, "b.db"), "--clients", "3", "--sessions", "200")
	if code != 0 || !strings.Contains(out, "3 clients, 200 sessions") {
		t.Errorf("3 clients, 200 sessions: %d %s %s", code, out, errOut)
	}
}
