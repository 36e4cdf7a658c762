package demo_test

import (
	"context"
	"testing"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/testkit"
)

func TestTheSamplePracticePrescribesProgrammesAndRecordsAdherence(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t)
	if _, err := demo.Fill(ctx, s, demo.Options{Clients: 6, Sessions: 40, Seed: 3, Today: today}); err != nil {
		t.Fatal(err)
	}
	clients, err := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	var given, asked int
	levels := map[store.AdherenceLevel]int{}
	for _, c := range clients {
		record, err := s.ClientRecord(ctx, c.ID, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		for _, sess := range record.Sessions {
			if len(sess.Programme) > 0 {
				given++
				for _, rx := range sess.Programme {
					if _, ok := store.ExerciseByID(rx.Exercise); !ok {
						t.Errorf("an exercise not in the library: %+v", rx)
					}
				}
			}
		}
		for _, a := range record.Adherence() {
			asked++
			levels[a.Adherence.Level]++
		}
	}
	if given < 10 || asked < 5 || len(levels) < 2 {
		t.Errorf("%d visits gave a programme, %d recorded adherence (%v)", given, asked, levels)
	}
}
