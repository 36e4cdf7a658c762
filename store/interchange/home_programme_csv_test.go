package interchange_test

import (
	"context"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/testkit"
)

// A spreadsheet's programme and adherence come in as the export wrote
// them; a cell that does not read is named by row and column, and nothing
// is written.
func TestImportSessionsReadsTheHomeProgrammeAndNamesACellThatDoesNotRead(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	c := mustClient(t, s, "Marta", "Nowak")
	bad := "client,date,home_programme,adherence\n" +
		"Marta Nowak,2026-10-01,\"[{\"\"exercise\"\":\"\"bird-dog\"\",\"\"reps\"\":8}]\",most\n" +
		"Marta Nowak,2026-10-08,walk every day,\n" +
		"Marta Nowak,2026-10-15,\"[{\"\"exercise\"\":\"\"no-such\"\"}]\",\n"
	sum, err := importSessions(t, s, bad, false)
	if err == nil {
		t.Fatal("bad cells imported")
	}
	text := testkit.ProblemsText(sum)
	for _, want := range []string{`row 2, adherence: Adherence "most" is not all, some or none`,
		"row 3, home_programme: The home programme is not a list of exercises",
		`row 4, home_programme: Home programme, exercise 1: "no-such" is not in the exercise library`} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
	good := "client,date,home_programme,adherence\n" +
		"Marta Nowak,2026-10-01,\"[{\"\"exercise\"\":\"\"bird-dog\"\",\"\"reps\"\":8,\"\"per_day\"\":1}]\",some; hard: Bird-dog\n"
	if sum, err := importSessions(t, s, good, false); err != nil {
		t.Fatalf("%v\n%s", err, testkit.ProblemsText(sum))
	}
	hist, _ := s.ClientHistory(context.Background(), c.ID, store.Period{})
	if len(hist) != 1 || len(hist[0].Programme) != 1 || hist[0].Programme[0].Dose != (store.Dose{Reps: 8, PerDay: 1}) ||
		hist[0].Adherence != (store.Adherence{Level: store.DidSome, Hard: "Bird-dog"}) {
		t.Fatalf("imported %+v", hist)
	}
}
