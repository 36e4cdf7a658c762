package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every command's error is said once: no command named again after
// "backtrack COMMAND:", no part repeated, no file named twice by the
// layers an error passed through.
func TestNoCommandLineErrorRepeatsItself(t *testing.T) {
	dir := t.TempDir()
	db, missing, aFile := filepath.Join(dir, "p.db"), filepath.Join(dir, "missing.db"), filepath.Join(dir, "a.txt")
	if code, _, errOut := run(t, "demo", "--db", db, "--clients", "2", "--seed", "1"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	if err := os.WriteFile(aFile, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, args := range [][]string{
		{"import", "clients", "--db", db, filepath.Join(dir, "none.csv")},
		{"import", "sessions", "--db", db, "--dates", "sideways", aFile},
		{"import", "clients", "--db", missing, aFile},
		{"export", "--db", db, "--out", aFile},
		{"export", "--db", missing, "--out", filepath.Join(dir, "out")},
		{"audit", "--db", missing},
		{"audit", "--db", db, "--from", "31.02.2026"},
		{"check", "--db", missing},
		{"check", "--db", dir},
		{"clients", "--db", missing},
		{"backup", "--db", missing, "--out", filepath.Join(dir, "b")},
		{"backup", "--db", db, "--out", filepath.Join(aFile, "b.bak")},
		{"report", "--db", db, "--all", "--out", aFile},
		{"report", "--db", missing, "--all", "--out", dir},
		{"restore", "--db", filepath.Join(dir, "r.db"), "--from", filepath.Join(dir, "none.bak")},
	} {
		code, _, errOut := run(t, args...)
		if code == 0 {
			t.Errorf("%v succeeded", args)
		}
		for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
			if strings.HasPrefix(line, "backtrack ") {
				lines = append(lines, line)
				if why := repeats(line); why != "" {
					t.Errorf("%v says %q: %s", args, line, why)
				}
			}
		}
	}
	if len(lines) < 12 {
		t.Errorf("only %d error lines: %q", len(lines), lines)
	}
}

// repeats says how an error line repeats itself, "" when it does not.
func repeats(line string) string {
	command, rest, _ := strings.Cut(strings.TrimPrefix(line, "backtrack "), ": ")
	parts := strings.Split(rest, ": ")
	if first := strings.Fields(parts[0]); len(first) > 0 && first[0] == command {
		return "names the command again"
	}
	seen := map[string]int{}
	for i, part := range parts {
		if i > 0 && part == parts[i-1] {
			return "repeats " + part
		}
		for _, word := range strings.Fields(part) {
			if !strings.ContainsAny(word, "/\\.") || len(word) < 3 {
				continue
			}
			if j, said := seen[word]; said && j != i {
				return "names " + word + " twice"
			}
			seen[word] = i
		}
	}
	return ""
}
