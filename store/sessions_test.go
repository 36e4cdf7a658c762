package store_test

import (
	"context"
	"testing"
	"time"

	"backtrack/store"
)

func TestSaveSessionRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := mustClient(t, s, "Marta", "Nowak-Świątek")
	ql := mustTerm(t, s, store.Muscle, "Quadratus lumborum")
	stiff := mustTerm(t, s, store.PainType, "stiffness")
	sitting := mustTerm(t, s, store.Trigger, "Sitting long")

	// given a session with tags of several kinds
	in := store.Session{
		ClientID: c.ID, Start: time.Date(2026, 11, 14, 14, 0, 0, 0, time.Local), DurationMin: 60,
		PainBefore: store.PainOf(4), PainAfter: store.PainOf(2),
		PainTypes: []store.Tag{{TermID: stiff.ID}},
		Triggers:  []store.Tag{{TermID: sitting.ID}},
		Muscles:   []store.Tag{{TermID: ql.ID, Side: store.Both}},
		Notes:     store.SOAP{Plan: "every 2 weeks"},
		HomeCare:  "side-lying QL stretch",
	}
	saved, err := s.SaveSession(ctx, in)
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	// when it is read back in the history
	hist, err := s.ClientHistory(ctx, c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	// then every field and tag is there
	if len(hist) != 1 || hist[0].ID != saved.ID {
		t.Fatalf("history = %+v", hist)
	}
	got := hist[0]
	if got.PainBefore != store.PainOf(4) || got.PainAfter != store.PainOf(2) {
		t.Errorf("pain = %v -> %v", got.PainBefore, got.PainAfter)
	}
	if store.TagLabels(got.Muscles) != "Quadratus lumborum (both)" || store.TagLabels(got.PainTypes) != "Stiffness" {
		t.Errorf("tags = %q %q", store.TagLabels(got.Muscles), store.TagLabels(got.PainTypes))
	}
	if got.Notes.Plan != "every 2 weeks" || got.HomeCare != "side-lying QL stretch" {
		t.Errorf("notes = %+v %q", got.Notes, got.HomeCare)
	}
	if !got.Start.Equal(in.Start) {
		t.Errorf("start = %v, want %v", got.Start, in.Start)
	}
}
