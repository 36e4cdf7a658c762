package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store/settings"
)

func writeList(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportClientsThroughAPresetPreviewsThenLandsThenIsUndone(t *testing.T) {
	db := seededDB(t) // Marta Nowak, marta@example.com
	jane := writeList(t, "jane.csv", "First Name,Last Name,Date of Birth,Email,Mobile Phone,Health Number\n"+
		"Anna,Keller,1980-02-01,anna@example.org,(416) 555-0134,1234-567-890-AB\n"+
		"Marta,Nowak,,marta@example.com,,\n"+
		"Ravi,,1992-07-14,,,\n")
	code, stdout, stderr := runCLI(t, "import", "clients", "--db", db, "--preset", "jane", "--dry-run", jane)
	if code != 1 || !strings.Contains(stdout, "row 2: Anna Keller: new") ||
		!strings.Contains(stdout, "row 3: Marta Nowak: already recorded (Marta Nowak)") ||
		!strings.Contains(stderr, "row 4, Last Name: Last name is required") {
		t.Fatalf("dry run: %d\n%s\n%s", code, stdout, stderr)
	}
	jane = writeList(t, "jane.csv", "First Name,Last Name,Date of Birth,Email,Mobile Phone,Health Number\n"+
		"Anna,Keller,1980-02-01,anna@example.org,(416) 555-0134,1234-567-890-AB\n"+
		"Marta,Nowak,,marta@example.com,,\n")
	code, stdout, stderr = runCLI(t, "import", "clients", "--db", db, "--preset", "jane", jane)
	if code != 0 || !strings.Contains(stdout, "1 client added.") || !strings.Contains(stdout, "first_name=First Name") {
		t.Fatalf("import: %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "import", "undo", "--db", db, "--dry-run")
	if code != 0 || !strings.Contains(stdout, "Would undo the import of jane.csv (1 client,") {
		t.Fatalf("undo --dry-run: %d %q", code, stdout)
	}
	code, stdout, stderr = runCLI(t, "import", "undo", "--db", db)
	if code != 0 || !strings.Contains(stdout, "Undid the import of jane.csv") {
		t.Fatalf("undo: %d %q %q", code, stdout, stderr)
	}
	code, _, stderr = runCLI(t, "import", "undo", "--db", db)
	if code != 1 || !strings.Contains(stderr, "there is no import of clients to undo") {
		t.Fatalf("second undo: %d %q", code, stderr)
	}
	code, stdout, _ = runCLI(t, "clients", "--db", db)
	if strings.Contains(stdout, "Keller") {
		t.Errorf("Anna is still listed after the undo:\n%s", stdout)
	}
}

func TestImportClientsWithOtherColumnNamesSaysHowToMapThem(t *testing.T) {
	db := seededDB(t)
	list := writeList(t, "list.csv", "Given;Family;Born;Cell\nJosé;Núñez;30/11/1988;0412 345 678\nLena;Fischer;03/04/1979;\n")
	code, _, stderr := runCLI(t, "import", "clients", "--db", db, list)
	if code != 1 || !strings.Contains(stderr, "--map 'first_name=Given, last_name=Family, date_of_birth=Born, phone=Cell'") {
		t.Fatalf("a list with other column names: %d %q", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "import", "clients", "--db", db, "--map", "first=Given,last=Family,dob=Born,phone=Cell", list)
	if code != 0 || !strings.Contains(stdout, "2 clients added.") {
		t.Fatalf("--map: %d %q %q", code, stdout, stderr)
	}
	mapping := writeList(t, "mapping.txt", "# our old spreadsheet\nfirst = Given\nlast = Family\ndob = Born\n")
	if code, _, stderr := runCLI(t, "import", "clients", "--db", db, "--map-file", mapping, "--map", "dob=Nope", list); code != ExitUsage ||
		!strings.Contains(stderr, `no column "Nope"`) {
		t.Errorf("a mapping naming a column the file lacks: %d %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "import", "clients", "--db", db, "--preset", "practicebetter", list); code != ExitUsage ||
		!strings.Contains(stderr, "choose cliniko, jane, generic") {
		t.Errorf("an unknown preset: %d %q", code, stderr)
	}
}

func TestImportClientsReadsTheMappingTheDeskRemembered(t *testing.T) {
	db := seededDB(t)
	header := []string{"Given", "Family", "Born"}
	list := writeList(t, "list.csv", "Given,Family,Born\nAnna,Keller,03/04/1979\n")
	prefs, _ := json.Marshal(map[string]string{settings.ImportMappingKey(header): "first_name=Given, last_name=Family, date_of_birth=Born, dates=month-first"})
	if err := os.MkdirAll(filepath.Dir(settings.PreferencesPath()), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(settings.PreferencesPath(), prefs, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(settings.PreferencesPath()) })
	code, stdout, stderr := runCLI(t, "import", "clients", "--db", db, list)
	if code != 0 || !strings.Contains(stdout, "dates=month-first") || !strings.Contains(stdout, "1 client added.") {
		t.Fatalf("import with the remembered mapping: %d %q %q", code, stdout, stderr)
	}
}
