package cli_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

func TestReportHomeProgrammeOfTheLatestVisitOrOneVisit(t *testing.T) {
	db, ids := reportDB(t)
	ctx := context.Background()
	s, err := sqlstore.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	hist, err := s.ClientHistory(ctx, ids["Ångström-Łukasiewicz"], store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	oct := hist[0]
	oct.Programme = []store.Prescription{{Exercise: "clamshell", Dose: store.Dose{Reps: 12, Sets: 2, PerDay: 1}},
		{Name: "Walk", Words: "Twenty minutes", Dose: store.Dose{PerDay: 1}}}
	if oct.Locked() {
		_, err = s.Save(ctx, sqlstore.SaveRequest{Session: oct, Amend: true, Reason: "exercises given", By: "Anna"})
	} else {
		_, err = s.Save(ctx, sqlstore.SaveRequest{Session: oct})
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, by := range [][]string{{"--client", "Zoë Ångström-Łukasiewicz"}, {"--session", strconv.FormatInt(oct.ID, 10)}} {
		code, stdout, stderr := run(t, append([]string{"report", "--db", db, "--home-programme", "--paper", "Letter", "--out", dir}, by...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", by, code, stderr)
		}
		if !strings.Contains(stdout, "2 home exercises from the visit of 2026-10-03") {
			t.Errorf("stdout %q", stdout)
		}
		text := pdfText(t, filepath.Join(dir, "Ångström-Łukasiewicz_Zoë_exercises_2026-10-03.pdf"))
		for _, want := range []string{"Your home exercises", "Zoë Ångström-Łukasiewicz", "Clamshell", "12 times · 2 sets · once a day", "Walk"} {
			if !strings.Contains(text, want) {
				t.Errorf("%v: the handout lacks %q:\n%s", by, want, text)
			}
		}
	}
	if code, _, stderr := run(t, "report", "--db", db, "--home-programme", "--session", strconv.FormatInt(hist[1].ID, 10), "--out", dir); code != 1 || !strings.Contains(stderr, "gave no home exercises") {
		t.Errorf("a visit without exercises: exit %d, %q", code, stderr)
	}
	if code, _, _ := run(t, "report", "--db", db, "--home-programme", "--all", "--out", dir); code != 2 {
		t.Errorf("--home-programme with --all: exit %d, want 2", code)
	}
}
