package sqlstore_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func TestSearchInsideNotesAndSortByVisits(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	mk := func(first, last, history string, notes ...store.SOAP) store.Client {
		c, err := s.CreateClient(ctx, store.Client{FirstName: first, LastName: last, MedicalHistory: history})
		if err != nil {
			t.Fatal(err)
		}
		for i, n := range notes {
			if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, DurationMin: 60,
				Start: fixedNow.AddDate(0, 0, -10+i), Notes: n, PainBefore: store.PainOf(5)}}); err != nil {
				t.Fatal(err)
			}
		}
		return c
	}
	mk("Jonas", "Petrauskas", "", store.SOAP{Subjective: "Pain down the left leg, like sciatica."})
	lena := mk("Lena", "Fischer", "Disc herniation L4/L5 in 2019", store.SOAP{Plan: "Weekly"}, store.SOAP{Plan: "Weekly"}, store.SOAP{})
	mk("Marta", "Nowak", "", store.SOAP{Assessment: "Disc-related? Refer to physician."}, store.SOAP{Objective: "Ischias"})
	mk("Sciatica", "Named", "") // a name is not a note

	for query, want := range map[string][]string{
		"sciatica":     {"Jonas Petrauskas"},
		"SCIAT":        {"Jonas Petrauskas"}, // the start of a word
		"disc":         {"Lena Fischer", "Marta Nowak"},
		"disc refer":   {"Marta Nowak"}, // every word
		"\"disc\" OR":  nil,             // typed text is never FTS syntax
		"nothing here": nil,
	} {
		got := searchNames(t, s, store.ClientQuery{Text: query, InNotes: true, Order: store.ByName})
		if query == "\"disc\" OR" {
			continue // only that it does not fail
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("notes search %q = %v, want %v", query, got, want)
		}
	}

	// a note edited stops matching its old words
	hist, _ := s.ClientHistory(ctx, lena.ID, store.Period{})
	hist[0].Notes.Plan = "Sciatic nerve glides"
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: hist[0]}); err != nil {
		t.Fatal(err)
	}
	if got := searchNames(t, s, store.ClientQuery{Text: "sciatic", InNotes: true, Order: store.ByName}); !reflect.DeepEqual(got, []string{"Lena Fischer", "Jonas Petrauskas"}) {
		t.Errorf("after editing: %v", got)
	}

	if got := searchNames(t, s, store.ClientQuery{Order: store.ByVisits}); !reflect.DeepEqual(got,
		[]string{"Lena Fischer", "Marta Nowak", "Jonas Petrauskas", "Sciatica Named"}) {
		t.Errorf("by visits = %v", got)
	}
}

func TestFieldVocabularyIsBuiltIn(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	for kind, names := range map[store.Kind][]string{
		store.Technique: {"Massage", "Stretching", "Swedish massage", "Deep tissue massage", "Myofascial release",
			"Trigger point therapy", "Muscle energy technique", "PNF stretching", "Joint mobilisation", "Heat"},
		store.Muscle: {"Quadratus lumborum", "Gluteus medius", "Erector spinae", "Piriformis", "Iliopsoas", "Hamstrings",
			"Multifidus", "Gluteus maximus", "Gluteus minimus", "Latissimus dorsi", "Tensor fasciae latae", "Adductors"},
	} {
		if got := termNames(t, s, kind, false); !reflect.DeepEqual(got, names) {
			t.Errorf("%s = %v, want %v", kind, got, names)
		}
	}
}

// Each client a notes search finds carries the words around the match, on
// either engine: from the note that has every word typed, else from the
// medical history.
func TestANotesSearchCarriesTheWordsThatMatched(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	jonas, err := s.CreateClient(ctx, store.Client{FirstName: "Jonas", LastName: "Petrauskas"})
	if err != nil {
		t.Fatal(err)
	}
	lena, err := s.CreateClient(ctx, store.Client{FirstName: "Lena", LastName: "Fischer", MedicalHistory: "Disc herniation L4/L5 in 2019"})
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range []store.SOAP{{Subjective: "Pain down the left leg, like sciatica, after the drive."}, {Subjective: "Disc feels better"}} {
		if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: jonas.ID, DurationMin: 60,
			Start: fixedNow.AddDate(0, 0, -10+i), Notes: n}}); err != nil {
			t.Fatal(err)
		}
	}
	found, err := s.SearchClients(ctx, store.ClientQuery{Text: "SCIAT", InNotes: true, Order: store.ByName})
	if err != nil || len(found) != 1 || found[0].Snippet != "…the left leg, like sciatica, after the drive." {
		t.Errorf("sciat: %+v %v", found, err)
	}
	found, err = s.SearchClients(ctx, store.ClientQuery{Text: "disc", InNotes: true, Order: store.ByName})
	if err != nil || len(found) != 2 {
		t.Fatalf("disc: %+v %v", found, err)
	}
	for _, f := range found {
		want := map[int64]string{jonas.ID: "Disc feels better", lena.ID: "Disc herniation L4/L5 in 2019"}[f.ID]
		if f.Snippet != want {
			t.Errorf("%s: %q, want %q", f.FullName(), f.Snippet, want)
		}
	}
	if names, _ := s.SearchClients(ctx, store.ClientQuery{Text: "lena"}); len(names) != 1 || names[0].Snippet != "" {
		t.Errorf("a name search carries words: %+v", names)
	}
}

// A notes search returns each client's snippet in their row, from the one
// query: every client found has one, however many are found (more than a
// list shows), each from their newest note that matched, not their newest
// note.
func TestEveryClientANotesSearchFindsCarriesItsSnippet(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	const clients = store.ListRows + 5
	want := map[int64]string{}
	err := s.Batch(ctx, func(b *sqlstore.Batch) error {
		for i := range clients {
			c, err := b.CreateClient(store.Client{FirstName: "Client", LastName: fmt.Sprintf("Number %03d", i)})
			if err != nil {
				return err
			}
			notes := []store.SOAP{{Subjective: fmt.Sprintf("Left calf cramps after running %d km", i)}}
			if i%50 == 0 { // a newer note without the word
				notes = append(notes, store.SOAP{Plan: "Weekly maintenance"})
			}
			for day, n := range notes {
				if _, err := b.SaveSession(store.Session{ClientID: c.ID, DurationMin: 60,
					Start: fixedNow.AddDate(0, 0, -10+day), Notes: n}); err != nil {
					return err
				}
			}
			want[c.ID] = fmt.Sprintf("Left calf cramps after running %d km", i)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	found, err := s.SearchClients(ctx, store.ClientQuery{Text: "cramp", InNotes: true, Order: store.ByName})
	if err != nil || len(found) != clients {
		t.Fatalf("found %d of %d: %v", len(found), clients, err)
	}
	for _, f := range found {
		if f.Snippet != want[f.ID] {
			t.Errorf("%s: %q, want %q", f.FullName(), f.Snippet, want[f.ID])
		}
	}
}
