package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"backtrack/store"
)

func TestBriefShowsTheCourseAndMeasuresAreRecordedAndCharted(t *testing.T) {
	// Given a client on an 8-visit plan with the ODI re-assessed every 3
	// visits, four visits and one ODI at the first
	s := openStore(t)
	c := addClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	start := store.WallClock(testNow).AddDate(0, 0, -30)
	for i := range 4 {
		addSession(t, s, store.Session{ClientID: c.ID, Start: start.AddDate(0, 0, 7*i), PainBefore: store.PainOf(6 - i)})
	}
	ctx := context.Background()
	day := func(t time.Time) time.Time {
		d, _ := store.ParseWallClock(store.DateLayout, t.Format(store.DateLayout))
		return d
	}
	odi := store.Measure{ClientID: c.ID, Kind: store.ODI, Taken: day(start)}
	for i := 1; i <= 10; i++ {
		odi.Items = append(odi.Items, store.MeasureItem{Item: strconv.Itoa(i), Score: 3})
	}
	if _, err := s.SaveMeasure(ctx, odi); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePlan(ctx, store.Plan{ClientID: c.ID, Start: day(start), PlannedVisits: 8, Frequency: "weekly", ReassessVisits: 3,
		Measures: []store.MeasureKind{store.ODI},
		Goals:    []store.Goal{{Text: "Sit through a film", Status: store.GoalPartly}, {Text: "Lift my grandson"}}}); err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, s, Options{})
	// Then the desk lists her as due before anyone is picked
	if len(d.view.Due.Objects) != 2 || findButton(d.view.Due, "Marta Nowak  ·  visit 5 of 8 · ODI due") == nil {
		t.Errorf("due list: %d objects, want Marta's button", len(d.view.Due.Objects))
	}
	pick(t, d, c.ID)
	// And the brief says where she stands and her goals
	mustContain(t, "brief", d.view.Before.Text(), "Course: visit 5 of 8 · ODI due · weekly",
		"Goals: Sit through a film (partly met); Lift my grandson")
	if d.view.Function.row.Visible() != true || d.view.Function.Charts[store.ODI].Message() == "" {
		t.Errorf("one ODI: the row shows %v, the chart says %q", d.view.Function.row.Visible(), d.view.Function.Charts[store.ODI].Message())
	}

	// When the therapist records today's ODI from the paper form
	var m *measureDialog
	act(d, func() { m = newMeasureDialog(d.view, d.view.record.Measures, testNow); m.show() })
	for i, score := range []string{"2", "1", "2", "1", "2", "1", "2", "", "1", "2"} {
		act(d, func() { m.ODI[i].SetText(score) })
	}
	if got := m.Score.Text; got != "Score: 31.1 % · moderate disability" {
		t.Errorf("live score %q, want 14/45 = 31.1 %%", got)
	}
	act(d, func() { m.ODI[0].SetText("6") })
	if !strings.Contains(m.Score.Text, "ODI section 1 (Pain intensity) is scored 6") {
		t.Errorf("score for a 6: %q", m.Score.Text)
	}
	act(d, func() { m.ODI[0].SetText("2") })
	tap(d, m.Save)

	// Then it is saved, the brief no longer says it is due, and the ODI
	// chart draws the trend on its 0-100 scale
	got, _ := s.Measures(ctx, c.ID)
	if len(got) != 2 || got[1].Score().String() != "31.1" {
		t.Fatalf("measures after save: %+v", got)
	}
	mustContain(t, "brief", d.view.Before.Text(), "Course: visit 5 of 8 · weekly")
	if msg := d.view.Function.Charts[store.ODI].Message(); msg != "" {
		t.Errorf("two ODIs, the chart still says %q", msg)
	}
}
