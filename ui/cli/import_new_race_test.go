package cli

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// exportedPractice is a JSON export of a practice with two clients.
func exportedPractice(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "export")
	if code, _, stderr := runCLI(t, "export", "--db", seededDB(t), "--format", "json", "--out", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	return filepath.Join(out, "backtrack.json")
}

func TestConcurrentImportNewKeepsTheAcknowledgedImport(t *testing.T) {
	// Given an export of a practice with two clients
	export := exportedPractice(t)

	for round := 0; round < 12; round++ {
		// When `import json --new` and `import json --new --check` run
		// at once on one new path
		fresh := filepath.Join(t.TempDir(), "moved", "backtrack.db")
		var wg sync.WaitGroup
		var importCode, checkCode int
		var importOut, importErr, checkErr string
		wg.Add(2)
		go func() {
			defer wg.Done()
			importCode, importOut, importErr = runCLI(t, "import", "json", "--new", "--db", fresh, export)
		}()
		go func() {
			defer wg.Done()
			checkCode, _, checkErr = runCLI(t, "import", "json", "--new", "--check", "--db", fresh, export)
		}()
		wg.Wait()

		// Then the import landed and its database is there with its
		// clients; the check, on a database of its own, checked
		if importCode != 0 {
			t.Fatalf("round %d: import --new failed: %s", round, importErr)
		}
		if !strings.Contains(importOut, "2 clients added.") {
			t.Fatalf("round %d: import said %q", round, importOut)
		}
		if _, err := os.Stat(fresh); err != nil {
			t.Fatalf("round %d: the acknowledged import's database is gone: %v (the check said %q)", round, err, checkErr)
		}
		if n := clientsIn(t, fresh); n != 2 {
			t.Fatalf("round %d: the database holds %d clients, want 2", round, n)
		}
		if checkCode != 0 {
			t.Errorf("round %d: the check failed: %q", round, checkErr)
		}
		if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(fresh), ".backtrack-partial-*")); len(leftovers) > 0 {
			t.Errorf("round %d: partial files left: %v", round, leftovers)
		}
	}
}

func TestTwoImportNewAtOnceOneLandsTheOtherSaysSo(t *testing.T) {
	export := exportedPractice(t)
	for round := 0; round < 6; round++ {
		fresh := filepath.Join(t.TempDir(), "backtrack.db")
		var wg sync.WaitGroup
		codes, stderrs := make([]int, 2), make([]string, 2)
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i], _, stderrs[i] = runCLI(t, "import", "json", "--new", "--db", fresh, export)
			}()
		}
		wg.Wait()
		landed := 0
		for i := range 2 {
			switch {
			case codes[i] == 0:
				landed++
			case !strings.Contains(stderrs[i], "nothing was imported"):
				t.Errorf("round %d: an import failed without saying nothing was imported: %q", round, stderrs[i])
			}
		}
		if landed == 0 {
			t.Errorf("round %d: neither import landed: %q", round, stderrs)
		}
		// each import that landed added its two clients to the one file
		if n := clientsIn(t, fresh); n != 2*landed {
			t.Errorf("round %d: %d imports landed, the database holds %d clients", round, landed, n)
		}
	}
}
