package sqlstore_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func TestVocabularySeededFromTheArticle(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	want := map[store.Kind][]string{
		store.PainType: {"Sharp / stabbing", "Dull ache", "Stiffness", "Decreased mobility", "Fatigue", "Referred pain"},
		store.Location: {"Lower back", "Buttocks", "Hip", "Back of thigh"},
	}
	for kind, names := range want {
		if got := termNames(t, s, kind, false); !reflect.DeepEqual(got, names) {
			t.Errorf("%s = %v, want %v", kind, got, names)
		}
	}
	if got := termNames(t, s, store.Trigger, false); len(got) != 9 {
		t.Errorf("triggers = %v", got)
	}
}

func TestAddAndRetireTerms(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")

	// the therapist adds their own muscle
	tfl, err := s.AddTerm(ctx, store.Muscle, "  Serratus posterior ")
	if err != nil {
		t.Fatal(err)
	}
	if tfl.Name != "Serratus posterior" || tfl.Builtin {
		t.Errorf("added = %+v", tfl)
	}
	// names are unique regardless of case and accents
	for _, dup := range []string{"serratus POSTERIOR", "Quadratus Lumborum", "Quadratus lumbórum"} {
		_, err := s.AddTerm(ctx, store.Muscle, dup)
		if got := fieldsOf(t, err); !reflect.DeepEqual(got, []string{"name"}) {
			t.Errorf("add %q: %v", dup, err)
		}
	}
	// the same name in another list is fine
	if _, err := s.AddTerm(ctx, store.Technique, "Serratus posterior"); err != nil {
		t.Errorf("same name, other kind: %v", err)
	}
	// names that a CSV export could not bring back as themselves
	for _, bad := range []string{"Heat; then ice", "Adductors (L)", "Psoas (both)"} {
		_, err := s.AddTerm(ctx, store.Technique, bad)
		if got := fieldsOf(t, err); !reflect.DeepEqual(got, []string{"name"}) {
			t.Errorf("add %q: %v", bad, err)
		}
	}
	if _, err := s.AddTerm(ctx, store.Technique, "Cupping (dry)"); err != nil {
		t.Errorf("brackets that are not a side: %v", err)
	}
	if _, err := s.AddTerm(ctx, store.Muscle, ""); err == nil {
		t.Error("added an empty name")
	}
	if _, err := s.AddTerm(ctx, store.Kind("colour"), "Blue"); err == nil {
		t.Error("added to an unknown list")
	}

	// a session uses it, then it is retired
	sess, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: fixedNow, DurationMin: 60,
		Muscles: []store.Tag{{TermID: tfl.ID, Side: store.Left}}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RetireTerm(ctx, tfl.ID); err != nil {
		t.Fatal(err)
	}
	// it is offered no more, but the old session still reads it
	for _, name := range termNames(t, s, store.Muscle, false) {
		if name == "Serratus posterior" {
			t.Error("retired term still offered")
		}
	}
	all := termNames(t, s, store.Muscle, true)
	if all[len(all)-1] != "Serratus posterior" {
		t.Errorf("with retired = %v", all)
	}
	got, err := s.Session(ctx, sess.ID)
	if err != nil || len(got.Muscles) != 1 || got.Muscles[0].Name != "Serratus posterior" || !got.Muscles[0].Retired {
		t.Errorf("old session muscles = %+v, %v", got.Muscles, err)
	}
	// and it can still be saved again with its retired tag
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: got}); err != nil {
		t.Errorf("resave with a retired tag: %v", err)
	}
	// adding the name again brings it back
	back, err := s.AddTerm(ctx, store.Muscle, "serratus posterior")
	if err != nil || back.ID != tfl.ID || back.Retired {
		t.Errorf("re-add = %+v, %v", back, err)
	}
	if err := s.RetireTerm(ctx, 99999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("retire unknown: %v", err)
	}
}

func termNames(t *testing.T, s *sqlstore.Store, kind store.Kind, retired bool) []string {
	t.Helper()
	terms, err := s.Terms(context.Background(), kind, retired)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, term := range terms {
		names = append(names, term.Name)
	}
	return names
}
