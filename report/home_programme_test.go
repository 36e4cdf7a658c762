package report_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/store/testkit"
)

// A programme the sample practice might give: library exercises with their
// doses, one on a side, and the therapist's own with a borrowed picture and
// one with none.
func handoutVisit() (store.Client, store.Session) {
	c := store.Client{ID: 7, FirstName: "Marta", LastName: "Nowak"}
	s := store.Session{Start: reportDate, DurationMin: 60, Programme: []store.Prescription{
		{Exercise: "ql-side-bend", Side: store.Right, Dose: store.Dose{HoldSec: 30, Reps: 3, PerDay: 2}},
		{Exercise: "clamshell", Dose: store.Dose{Reps: 12, Sets: 2, PerDay: 1}},
		{Exercise: "glute-bridge", Dose: store.Dose{HoldSec: 5, Reps: 10, Sets: 2, PerDay: 1}},
		{Exercise: "bird-dog", Words: "Start with the arm only for a week.", Dose: store.Dose{HoldSec: 5, Reps: 8, PerDay: 1}},
		{Name: "Wall slide", Words: "Back against a wall, slide down a hand's width and up again.", Pose: "kneeling-hip-flexor", Dose: store.Dose{Reps: 10, PerDay: 1}},
		{Name: "Walk", Words: "Twenty minutes on flat ground.", Dose: store.Dose{PerDay: 1}},
	}}
	return c, s
}

func writeHandout(t *testing.T, paper settings.PageSize) string {
	t.Helper()
	c, s := handoutVisit()
	dir := t.TempDir()
	if keep := os.Getenv("BACKTRACK_KEEP_HANDOUT"); keep != "" {
		dir = keep // to look at it rendered
	}
	path := filepath.Join(dir, string(paper)+"-"+report.HomeProgrammeFileName(c, s.Start))
	err := report.WriteHomeProgrammeFile(context.Background(), path, c, s, report.Options{Practice: testPractice, PageSize: paper, Date: reportDate})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func pdfPages(t *testing.T, path string) (int, string) {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("pdfinfo: %s", out)
	}
	return int(m[1][0] - '0'), string(out)
}

func TestTheHandoutNamesTheClientTheDayTheTherapistAndEachExerciseWithItsDose(t *testing.T) {
	path := writeHandout(t, settings.A4)
	if !strings.HasSuffix(path, "-Nowak_Marta_exercises_2026-11-25.pdf") {
		t.Errorf("file name %s", path)
	}
	text := testkit.PDFText(t, path, "-raw")
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"Your home exercises", "Marta Nowak", "Anna Keller", "Back in Balance Massage",
		"Side-bend stretch (quadratus lumborum) (right side)", "Hold 30 s · 3 times · twice a day",
		"Clamshell", "12 times · 2 sets · once a day", "Start with the arm only for a week.",
		"Wall slide", "slide down a hand's width", "Walk", "You should feel:", "Stop if:", "M T W T F S S"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the handout lacks %q:\n%s", want, text)
		}
	}
	if n, _ := pdfPages(t, path); n < 1 || n > 2 {
		t.Errorf("six exercises took %d pages; a handout is one or two", n)
	}
}

func TestTheHandoutIsOnThePracticesPaper(t *testing.T) {
	_, info := pdfPages(t, writeHandout(t, settings.Letter))
	if !strings.Contains(info, "612 x 792 pts (letter)") {
		t.Errorf("not Letter:\n%s", info)
	}
	_, info = pdfPages(t, writeHandout(t, settings.A4))
	if !strings.Contains(info, "(A4)") {
		t.Errorf("not A4:\n%s", info)
	}
}

func TestAVisitWithoutExercisesHasNoHandout(t *testing.T) {
	c, s := handoutVisit()
	s.Programme = nil
	err := report.WriteHomeProgramme(&strings.Builder{}, c, s, report.Options{})
	if !errors.Is(err, report.ErrRender) || !strings.Contains(err.Error(), "gave no home exercises") {
		t.Fatalf("got %v", err)
	}
}
