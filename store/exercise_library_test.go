package store_test

import (
	"strings"
	"testing"
	"time"

	"backtrack/store"
)

func TestTheLibraryHoldsTheIssuesFourteenExercisesEachComplete(t *testing.T) {
	want := []string{"ql-side-bend", "childs-pose-side-reach", "knee-to-chest", "supine-twist", "figure-four",
		"kneeling-hip-flexor", "hamstring-stretch", "pelvic-tilt", "cat-cow", "clamshell",
		"side-lying-abduction", "glute-bridge", "bird-dog", "side-plank-modified"}
	for _, id := range want {
		if _, ok := store.ExerciseByID(id); !ok {
			t.Errorf("the library has no %q", id)
		}
	}
	seen := map[string]bool{}
	for _, ex := range store.Exercises() {
		if seen[ex.ID] || seen[ex.Name] {
			t.Errorf("%s is in the library twice", ex.ID)
		}
		seen[ex.ID], seen[ex.Name] = true, true
		d := ex.Dose
		if len(ex.Steps) < 2 || ex.Feel == "" || ex.Stop == "" || len(ex.Muscles) == 0 || d.PerDay == 0 ||
			(d.HoldSec == 0 && d.Reps == 0) || d.Words() == "" {
			t.Errorf("%s is missing words, a dose or muscles: %+v", ex.ID, ex)
		}
	}
}

func TestTheIntakeWarnsAgainstWhatItAdvisesAgainst(t *testing.T) {
	knee, _ := store.ExerciseByID("knee-to-chest")
	clam, _ := store.ExerciseByID("clamshell")
	none := store.Intake{}
	if got := store.CautionsFor(knee, none); len(got) != 0 {
		t.Fatalf("an intake that asked nothing warned: %v", got)
	}
	brittle := store.Intake{Conditions: map[store.Condition]store.Answer{store.Osteoporosis: store.Yes("2023")}}
	if got := store.CautionsFor(knee, brittle); len(got) != 1 || !strings.Contains(got[0], "Osteoporosis: Knee to chest bends the spine forward") {
		t.Fatalf("osteoporosis and knee to chest: %v", got)
	}
	if got := store.CautionsFor(clam, brittle); len(got) != 0 {
		t.Fatalf("the clamshell loads no flexion, but warned: %v", got)
	}
	expecting := store.Intake{Conditions: map[store.Condition]store.Answer{store.Pregnancy: store.Yes("24 weeks")}}
	prog := []store.Prescription{{Exercise: "glute-bridge"}, {Exercise: "clamshell"}, {Exercise: "hamstring-stretch"}}
	got := store.ProgrammeCautions(prog, expecting)
	if len(got) != 2 || !strings.Contains(got[0], "lying flat on the back") {
		t.Fatalf("pregnancy and two exercises lying flat: %v", got)
	}
	notYes := store.Intake{Conditions: map[store.Condition]store.Answer{store.Pregnancy: store.No()}}
	if got := store.ProgrammeCautions(prog, notYes); len(got) != 0 {
		t.Fatalf("a 'no' warned: %v", got)
	}
}

func TestTheMusclesTreatedSuggestTheExercisesThatWorkMostOfThem(t *testing.T) {
	got := store.ExercisesFor([]store.Tag{{Name: "quadratus lumborum"}, {Name: "Latissimus dorsi"}})
	if len(got) < 3 || got[0].ID != "ql-side-bend" {
		t.Fatalf("suggestions for QL and lats: %v", got)
	}
	for _, ex := range got {
		if !ex.Works("Quadratus lumborum") && !ex.Works("latissimus dorsi") {
			t.Errorf("%s works neither", ex.ID)
		}
	}
	if got := store.ExercisesFor(nil); len(got) != 0 {
		t.Fatalf("no muscles suggested %v", got)
	}
}

func TestAProgrammeIsSealedWithTheNoteAndANoteWithoutOneHashesAsBefore(t *testing.T) {
	s := store.Session{UID: "s1", DurationMin: 60, Notes: store.SOAP{Plan: "walk"}}
	bare := store.NoteHash("c1", s)
	if !strings.HasPrefix(bare, "note/1:") {
		t.Fatalf("a note without a programme is %s", bare)
	}
	s.Programme = []store.Prescription{{Exercise: "bird-dog", Dose: store.Dose{Reps: 8, PerDay: 1}}}
	with := store.NoteHash("c1", s)
	s.Programme[0].Dose.Reps = 9
	if with == bare || !strings.HasPrefix(with, "note/3:") || store.NoteHash("c1", s) == with {
		t.Fatalf("the dose is not sealed: %s %s", bare, with)
	}
	s.Programme = nil
	s.Adherence = store.Adherence{Level: store.DidSome}
	if store.NoteHash("c1", s) == bare {
		t.Fatal("adherence is not sealed")
	}
	before := store.Session{Programme: []store.Prescription{{Exercise: "bird-dog"}}}
	after := store.Session{Programme: []store.Prescription{{Exercise: "bird-dog", Dose: store.Dose{Reps: 3}}}, Adherence: store.Adherence{Level: store.DidAll}}
	if got := strings.Join(store.ChangedFields(before, after), ","); got != "Home programme,Adherence" {
		t.Fatalf("changed: %s", got)
	}
}

func TestAProgrammeIsCheckedExerciseByExercise(t *testing.T) {
	s := store.Session{DurationMin: 60, Programme: []store.Prescription{
		{Exercise: "no-such"}, {Name: "  "}, {Exercise: "clamshell", Dose: store.Dose{Reps: 1000}},
		{Name: "Walk", Pose: "bird-dog", Dose: store.Dose{PerDay: 1}}, {Name: "walk", Pose: "bird-dog"}},
		Adherence: store.Adherence{Level: "most"}}
	p := s.Validate(store.Session{}.Start, s.Start)
	err := p.Err()
	if err == nil {
		t.Fatal("a bad programme passed")
	}
	for _, want := range []string{`"no-such" is not in the exercise library`, "exercise 2: name your own exercise",
		"Clamshell: repetitions must be between 0 and 100 (got 1000)", "exercise 5 is prescribed twice", `Adherence "most"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in %v", want, err)
		}
	}
}

func TestDoseWordsAndInitials(t *testing.T) {
	if got := (store.Dose{HoldSec: 30, Reps: 3, Sets: 2, PerDay: 2}).Words(); got != "Hold 30 s · 3 times · 2 sets · twice a day" {
		t.Fatal(got)
	}
	ex, _ := store.ExerciseByID("kneeling-hip-flexor")
	if ex.Initials() != "KHFS" {
		t.Fatal(ex.Initials())
	}
}

func TestAdherenceAndTheLatestProgrammeAreReadFromTheVisits(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 10, 0, 0, 0, time.UTC) }
	sessions := []store.Session{ // newest first, as a record holds them
		{ID: 4, Start: day(20), Adherence: store.Adherence{Level: store.DidNone}},
		{ID: 3, Start: day(13), Adherence: store.Adherence{Level: store.DidAll}, VoidedAt: day(14)},
		{ID: 2, Start: day(6), Adherence: store.Adherence{Level: store.DidSome, Hard: "Bird-dog"},
			Programme: []store.Prescription{{Exercise: "clamshell"}}},
		{ID: 1, Start: day(1), Programme: []store.Prescription{{Exercise: "bird-dog"}}},
	}
	got := store.ClientRecord{Sessions: sessions}.Adherence()
	if len(got) != 2 || got[0].SessionID != 2 || got[0].Adherence.Hard != "Bird-dog" || got[1].Adherence.Level != store.DidNone {
		t.Fatalf("adherence %+v", got)
	}
	if last, ok := store.LatestProgramme(sessions, time.Time{}); !ok || last.ID != 2 {
		t.Fatalf("latest %+v", last)
	}
	if last, ok := store.LatestProgramme(sessions, day(6)); !ok || last.ID != 1 {
		t.Fatalf("latest before the 6th %+v", last)
	}
	if _, ok := store.LatestProgramme(sessions, day(1)); ok {
		t.Fatal("a programme before the first visit")
	}
}
