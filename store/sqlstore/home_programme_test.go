package sqlstore_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// The programme is part of the note: kept in order with every dose, signed
// with it, changed only by an amendment that keeps the programme as it was,
// and covered by the note's seal.
func TestAHomeProgrammeIsSavedSignedAndAmendedWithItsNote(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Marta", "Nowak")
	programme := []store.Prescription{
		{Exercise: "glute-bridge", Dose: store.Dose{HoldSec: 5, Reps: 10, Sets: 2, PerDay: 1}},
		{Exercise: "ql-side-bend", Side: store.Left, Dose: store.Dose{HoldSec: 30, Reps: 3, PerDay: 2}},
		{Name: "Walk to work", Words: "Twenty minutes, flat", Pose: "", Dose: store.Dose{PerDay: 1}},
	}
	saved, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: fixedNow.AddDate(0, 0, -1),
		DurationMin: 60, Programme: programme, Adherence: store.Adherence{Level: store.DidSome, Hard: "Bridge"}}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Session(ctx, saved.ID)
	if err != nil || !reflect.DeepEqual(got.Programme, programme) || got.Adherence != (store.Adherence{Level: store.DidSome, Hard: "Bridge"}) {
		t.Fatalf("read back %+v %+v, %v", got.Programme, got.Adherence, err)
	}
	if _, err := s.SignSession(ctx, saved.ID, "Anna Keller, LMT"); err != nil {
		t.Fatal(err)
	}
	signed, _ := s.Session(ctx, saved.ID)
	changed := signed
	changed.Programme = append([]store.Prescription(nil), signed.Programme[:2]...)
	changed.Programme[0].Dose.Reps = 12
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: changed}); err == nil {
		t.Fatal("a signed note's programme changed without an amendment")
	}
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: changed, Amend: true, Reason: "Walk dropped; bridge harder", By: "Anna Keller, LMT"}); err != nil {
		t.Fatal(err)
	}
	amended, _ := s.Session(ctx, saved.ID)
	a, _ := amended.LastAmendment()
	if len(amended.Programme) != 2 || amended.Programme[0].Dose.Reps != 12 ||
		!reflect.DeepEqual(a.Previous.Programme, programme) || !strings.Contains(strings.Join(a.Changed, ","), "Home programme") {
		t.Fatalf("amended %+v; kept %+v; changed %v", amended.Programme, a.Previous.Programme, a.Changed)
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}

// A hand edit of a signed note's programme is seen by check.
func TestCheckSeesAProgrammeEditedBehindTheDesk(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Marta", "Nowak")
	saved, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: fixedNow.AddDate(0, 0, -1),
		DurationMin: 60, Programme: []store.Prescription{{Exercise: "bird-dog", Dose: store.Dose{Reps: 8, PerDay: 1}}}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignSession(ctx, saved.ID, "Anna Keller, LMT"); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	for name, edit := range map[string]string{
		"a dose":            `UPDATE session_exercises SET reps = 20`,
		"an exercise gone":  `DELETE FROM session_exercises`,
		"adherence made up": `INSERT INTO session_adherence (session_id, level) SELECT id, 'all' FROM sessions`,
	} {
		t.Run(name, func(t *testing.T) {
			if got := problemsAfter(t, path, edit); !strings.Contains(got, "does not match its seal") {
				t.Errorf("problems after %s:\n%s", name, got)
			}
		})
	}
}

func TestTheLibrarysMusclesAreTheDesksVocabulary(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	terms, err := s.Terms(context.Background(), store.Muscle, true)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, term := range terms {
		known[term.Name] = true
	}
	for _, ex := range store.Exercises() {
		for _, m := range ex.Muscles {
			if !known[m] {
				t.Errorf("%s works %q, which is not in the muscle vocabulary", ex.ID, m)
			}
		}
	}
}
