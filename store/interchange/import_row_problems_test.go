package interchange_test

import (
	"errors"
	"strings"
	"testing"

	"backtrack/store/interchange"
	"backtrack/store/testkit"
)

// wheres lists where each problem of an import is, in order.
func wheres(sum interchange.ImportSummary) string {
	var got []string
	for _, p := range sum.Problems {
		got = append(got, p.Where())
	}
	return strings.Join(got, "|")
}

func TestABadDateHidesNoneOfAClientRowsOtherProblems(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	// Given a row whose date of birth does not read, with no last name and
	// a wrong email besides
	csv := "first_name,last_name,date_of_birth,email\n" +
		"Marta,,1975-13-40,not-an-email\n"
	sum, err := importClients(t, s, csv, false)
	var ie *interchange.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want an ImportError", err)
	}
	// Then every problem of the row is told
	if got, want := wheres(sum), "row 2, date_of_birth|row 2, last_name|row 2, email"; got != want {
		t.Errorf("problems at %s, want %s\n%s", got, want, testkit.ProblemsText(sum))
	}
}

func TestABadDateHidesNoneOfASessionRowsOtherProblems(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	testkit.MustClient(t, s, "Marta", "Nowak")
	// Given a row whose date does not read, with a visit of 900 minutes
	// and a pain out of range besides
	csv := "client,date,duration_min,pain_before\n" +
		"Marta Nowak,2026-02-30,900,12\n"
	sum, err := importSessions(t, s, csv, false)
	var ie *interchange.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want an ImportError", err)
	}
	if got, want := wheres(sum), "row 2, date|row 2, pain_before|row 2, duration_min"; got != want {
		t.Errorf("problems at %s, want %s\n%s", got, want, testkit.ProblemsText(sum))
	}
}
