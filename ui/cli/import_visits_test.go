package cli

import (
	"strings"
	"testing"
)

func TestImportSessionsWithOtherColumnNamesTakesAMap(t *testing.T) {
	db := seededDB(t) // Marta Nowak, marta@example.com
	visits := writeList(t, "visits.csv", "Patient,Visit,Pain in,Pain out,Muscles,Notes\n"+
		"\"Nowak, Marta\",25/03/2025,7/10,3/10,Piriformis (left),Sore hip\n"+
		"marta@example.com,26/03/2025,5,,,\n")
	code, _, stderr := runCLI(t, "import", "sessions", "--db", db, visits)
	if code != 1 || !strings.Contains(stderr, "--map 'client=Patient, date=Visit, pain_before=Pain in, pain_after=Pain out, muscles=Muscles, notes=Notes'") {
		t.Fatalf("a list with other column names and no map: %d\n%s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "import", "sessions", "--db", db, "--dry-run",
		"--map", "client=Patient,date=Visit,before=Pain in,after=Pain out,muscles=Muscles,notes=Notes", visits)
	if code != 0 || !strings.Contains(stdout, "row 2: Marta Nowak: matches Marta Nowak") ||
		!strings.Contains(stdout, "row 3: marta@example.com: matches Marta Nowak") || !strings.Contains(stdout, "nothing was written") {
		t.Fatalf("dry run: %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "import", "sessions", "--db", db, "--preset", "generic",
		"--map", "client=Patient,date=Visit,before=Pain in,after=Pain out,muscles=Muscles", visits)
	if code != 0 || !strings.Contains(stdout, "2 sessions added.") {
		t.Fatalf("import: %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "import", "undo", "--db", db)
	if code != 0 || !strings.Contains(stdout, "Undid the import of visits.csv (2 sessions,") {
		t.Fatalf("undo: %d %q %q", code, stdout, stderr)
	}
}
