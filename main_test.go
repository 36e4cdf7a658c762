package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets a test run this binary as the backtrack command: with
// BACKTRACK_RUN_MAIN set, the test binary is main, with the same package
// initialisation (Fyne's included) as the real one.
func TestMain(m *testing.M) {
	if os.Getenv("BACKTRACK_RUN_MAIN") == "1" {
		os.Args = append([]string{"backtrack"}, strings.Fields(os.Getenv("BACKTRACK_ARGS"))...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// Under the POSIX locales of containers and servers, a command prints
// nothing that is not its own: no "Fyne error: Error parsing user locale C".
func TestCommandsPrintOnlyTheirOwnWordsUnderPOSIXLocales(t *testing.T) {
	for _, env := range [][]string{{"LANG=C.UTF-8"}, {"LANG=C"}, {"LC_ALL=C.UTF-8"}, {"LANG=POSIX.UTF-8"}} {
		db := filepath.Join(t.TempDir(), "s.db")
		for _, args := range []string{"help", "demo --db " + db + " --clients 3", "check --db " + db} {
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), "BACKTRACK_RUN_MAIN=1", "BACKTRACK_ARGS="+args, "HOME="+t.TempDir(),
				"LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
			cmd.Env = append(cmd.Env, env...)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Errorf("%v %s: %v\n%s", env, args, err, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("%v %s printed on stderr:\n%s", env, args, stderr.String())
			}
			if len(out) == 0 {
				t.Errorf("%v %s printed nothing on stdout", env, args)
			}
		}
	}
}
