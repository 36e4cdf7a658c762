package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// A day-first CSV imports whatever this computer's locale; a column whose
// every day is 12 or less is refused, naming a row, until --dates says the
// order.
func TestImportReadsDayFirstDatesAndAsksTheOrderOfAnAmbiguousColumn(t *testing.T) {
	t.Setenv("LC_ALL", "en_US.UTF-8")
	db := seededDB(t)
	file := filepath.Join(t.TempDir(), "clients.csv")
	os.WriteFile(file, []byte("first_name,last_name,date_of_birth\nJonas,Petrauskas,14/03/1979\nLena,Fischer,07/12/1980\n"), 0o600)
	code, stdout, stderr := runCLI(t, "import", "clients", "--db", db, file)
	if code != 0 || !strings.Contains(stdout, "2 clients added.") {
		t.Fatalf("day-first import: %d %q %q", code, stdout, stderr)
	}
	s, err := sqlstore.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for name, born := range map[string]string{"Jonas Petrauskas": "1979-03-14", "Lena Fischer": "1980-12-07"} {
		if c, _ := s.ClientsNamed(context.Background(), name); len(c) != 1 || c[0].DateOfBirth.Format(store.DateLayout) != born {
			t.Errorf("%s imported as %+v, want born %s", name, c, born)
		}
	}
	s.Close()

	os.WriteFile(file, []byte("first_name,last_name,date_of_birth\nAda,One,03/04/1979\n"), 0o600)
	code, _, stderr = runCLI(t, "import", "clients", "--db", db, file)
	if code != 1 || !strings.Contains(stderr, `row 2, date_of_birth: "03/04/1979" could be day-first or month-first`) || !strings.Contains(stderr, "--dates day-first") {
		t.Fatalf("ambiguous import: %d %q", code, stderr)
	}
	code, stdout, stderr = runCLI(t, "import", "clients", "--db", db, "--dates", "month-first", file)
	if code != 0 || !strings.Contains(stdout, "1 client added.") {
		t.Fatalf("--dates month-first: %d %q %q", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "import", "clients", "--db", db, "--dates", "sideways", file); code != ExitUsage || !strings.Contains(stderr, `"sideways" is not an order of dates`) {
		t.Errorf("--dates sideways: %d %q", code, stderr)
	}
}
