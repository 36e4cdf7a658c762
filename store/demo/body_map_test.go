package demo_test

import (
	"context"
	"testing"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/testkit"
)

// maps reads every client's body maps, oldest visit first.
func maps(t *testing.T, seed int64) map[string][][]store.BodyMark {
	t.Helper()
	s := testkit.OpenStore(t)
	if _, err := demo.Fill(context.Background(), s, demo.Options{Clients: 20, Seed: seed, Today: today}); err != nil {
		t.Fatal(err)
	}
	clients, err := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][][]store.BodyMark{}
	for _, c := range clients {
		history, err := s.ClientHistory(context.Background(), c.ID, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		for i := len(history) - 1; i >= 0; i-- {
			out[c.UID] = append(out[c.UID], history[i].BodyMap)
		}
	}
	return out
}

func TestTheDemosMapsTellEachClientsStory(t *testing.T) {
	all := maps(t, 7)
	var referredThigh, improved int
	for uid, visits := range all {
		for i, marks := range visits {
			if len(marks) == 0 {
				t.Fatalf("client %s visit %d has no body map", uid, i)
			}
			sharp := map[store.RegionID]bool{}
			for _, m := range marks {
				if m.PainType.Name == "" {
					t.Errorf("client %s visit %d: %s without a pain type", uid, i, m.Region)
				}
				if m.PainType.Name == "Sharp / stabbing" {
					sharp[m.Region] = true
				}
				if m.PainType.Name == "Referred pain" && (m.Region == "thigh-posterior-l" || m.Region == "thigh-posterior-r") && i == 0 {
					referredThigh++
				}
			}
			if sharp["lumbar-l"] && sharp["lumbar-r"] {
				t.Errorf("client %s visit %d: sharp lumbar pain on both sides", uid, i)
			}
		}
		if n := len(visits); n >= 4 {
			if len(visits[n-1]) > len(visits[0]) {
				t.Errorf("client %s: the latest map has more regions (%d) than the first (%d)", uid, len(visits[n-1]), len(visits[0]))
			} else if len(visits[n-1]) < len(visits[0]) {
				improved++
			}
		}
	}
	if referredThigh == 0 || improved == 0 {
		t.Errorf("%d clients with referred pain down the thigh, %d whose map shrank", referredThigh, improved)
	}
}

func TestTheDemosMapsAreTheSameForASeed(t *testing.T) {
	a, b := maps(t, 11), maps(t, 11)
	if len(a) != len(b) {
		t.Fatalf("%d and %d clients", len(a), len(b))
	}
	key := func(m map[string][][]store.BodyMark) map[string]string {
		out := map[string]string{}
		for _, visits := range m {
			var s string
			for _, marks := range visits {
				s += store.BodyMapLabels(marks) + "|"
			}
			out[s] = s
		}
		return out
	}
	ka, kb := key(a), key(b)
	for k := range ka {
		if _, ok := kb[k]; !ok {
			t.Errorf("a client's maps differ between two fills with seed 11: %s", k)
		}
	}
}
