package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/postgres"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
	"backtrack/ui/internal/words"
)

func TestABackupOnAFullDiskSaysSoInTheDesksWords(t *testing.T) {
	testkit.SQLiteOnly(t)
	// Given a database larger than the room left on the backup's disk
	db := seededDB(t)
	s, err := sqlstore.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		if _, err := s.CreateClient(context.Background(), store.Client{FirstName: fmt.Sprintf("Client%d", i), LastName: "Example",
			MedicalHistory: strings.Repeat("history ", 100)}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	small := testkit.SmallDisk(t, 128<<10)

	// When it is backed up there
	code, _, stderr := runCLI(t, "backup", "--db", db, "--out", filepath.Join(small, "backup.db"))

	// Then the command says the disk is full, as the desk does
	if code != 1 || !strings.Contains(stderr, words.DiskFull) || strings.Contains(stderr, "(13)") {
		t.Errorf("backup on a full disk: exit %d, %q; want %q", code, stderr, words.DiskFull)
	}
	if left, _ := os.ReadDir(small); len(left) != 0 {
		t.Errorf("the failed backup left %v", left)
	}
}

// clinicServer is a new database on the private server, set up for a
// clinic by its owner.
func clinicServer(t *testing.T) string {
	t.Helper()
	dsn := testkit.PostgresDSN(t)
	if code, _, stderr := runCLI(t, "clinic", "init", "--db", dsn); code != 0 {
		t.Fatalf("clinic init: %s", stderr)
	}
	return dsn
}

func TestTheFrontDesksReportAllIsRefusedInASentenceLeavingNoFolder(t *testing.T) {
	testkit.PostgresOnly(t)
	// Given a clinic's server and the front desk's login
	dsn := clinicServer(t)
	frida := testkit.ClinicLogin(t, dsn, "frida", postgres.FrontDeskRole)

	// When the front desk prints every client's report
	out := filepath.Join(t.TempDir(), "reports")
	code, _, stderr := runCLI(t, "report", "--db", frida, "--all", "--out", out)

	// Then it is told why not, and no folder is made
	// (in the desk's words for the error, as the command line prints them)
	said, named := words.CommandLineText(store.ErrNotesWithheld)
	if !named || said == "" {
		t.Fatal("the words table has no sentence for ErrNotesWithheld")
	}
	if code != 1 || !strings.Contains(stderr, said) || strings.Contains(stderr, "cannot be written") {
		t.Errorf("front desk report --all: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the refused report left a folder: %v", err)
	}
}

func TestClinicInitByALoginThatMayNotSetUpRolesSaysSo(t *testing.T) {
	testkit.PostgresOnly(t)
	dsn := clinicServer(t)
	// Given a login that neither owns the record nor may create roles (a
	// therapist)
	anna := testkit.ClinicLogin(t, dsn, "anna", postgres.TherapistRole)
	code, _, stderr := runCLI(t, "clinic", "init", "--db", anna)
	if code != 1 || !strings.Contains(stderr, postgres.ErrCannotSetUpRoles.Error()) || strings.Contains(stderr, "cannot be written") {
		t.Errorf("clinic init by a therapist: exit %d, %q", code, stderr)
	}
}
