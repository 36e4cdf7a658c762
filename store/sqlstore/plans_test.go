package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func TestReassessmentDueListsClientsWhoseMeasuresAreDue(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	due, notDue := testkit.MustClient(t, s, "Marta", "Nowak"), testkit.MustClient(t, s, "Jonas", "Petrauskas")
	day := func(d int) time.Time { return time.Date(2026, 11, d, 10, 0, 0, 0, time.UTC) }
	for _, c := range []store.Client{due, notDue} {
		for d := 2; d <= 16; d += 7 { // three visits
			if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: day(d), DurationMin: 60}}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.SavePlan(ctx, store.Plan{ClientID: c.ID, Start: day(1), PlannedVisits: 8, ReassessVisits: 3,
			Measures: []store.MeasureKind{store.PSFS}}); err != nil {
			t.Fatal(err)
		}
	}
	psfs := []store.MeasureItem{{Item: "Sitting", Score: 3}, {Item: "Lifting", Score: 4}, {Item: "Walking", Score: 5}}
	for c, on := range map[int64]int{due.ID: 1, notDue.ID: 16} {
		if _, err := s.SaveMeasure(ctx, store.Measure{ClientID: c, Kind: store.PSFS, Taken: day(on), Items: psfs}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.ReassessmentDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Client.ID != due.ID || got[0].Status.Words() != "3 of 8 planned visits done · PSFS due" {
		t.Errorf("due: %+v, want Marta at 3 of 8 planned visits done · PSFS due", got)
	}
}
