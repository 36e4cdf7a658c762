package ui

import (
	"context"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

// The brief's course and the client list count the same visits: a note
// entered in error is in neither count, and the course names it, so
// "2 of 4 planned visits" beside "2 visits" leaves nothing to count again.
func TestTheCourseCountsTheVisitsTheListCountsAndNamesAVoidedNote(t *testing.T) {
	// given a client on a 4-visit plan with three notes, one voided
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Ana", LastName: "Jensen"})
	start := store.WallClock(desktest.Now).AddDate(0, 0, -21)
	var notes []store.Session
	for i := range 3 {
		notes = append(notes, desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: start.AddDate(0, 0, 7*i), PainBefore: store.PainOf(5)}))
	}
	ctx := context.Background()
	if _, err := s.SignSession(ctx, notes[1].ID, "Anna Keller"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.VoidSession(ctx, notes[1].ID, "Written in the wrong client's record", "Anna Keller"); err != nil {
		t.Fatal(err)
	}
	plan := store.Plan{ClientID: c.ID, Start: start, PlannedVisits: 4, Frequency: "weekly"}
	if _, err := s.SavePlan(ctx, plan); err != nil {
		t.Fatal(err)
	}

	// when the therapist opens her record
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)

	// then the list says 2 visits, and so does the course, naming the third
	row := d.list.Rows()[0]
	if row.SessionCount != 2 {
		t.Errorf("the list counts %d visits, want 2", row.SessionCount)
	}
	brief := d.view.Before.Text()
	desktest.MustContain(t, "brief", brief, "Course: 2 of 4 planned visits done (1 entered in error, not counted) · weekly")
	if strings.Contains(brief, "visit 3") {
		t.Errorf("the brief still numbers the coming visit: %q", brief)
	}
}
