package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
)

func TestBriefShowsTheCourseAndMeasuresAreRecordedAndCharted(t *testing.T) {
	// Given a client on an 8-visit plan with the ODI re-assessed every 3
	// visits, four visits and one ODI at the first
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	start := store.WallClock(desktest.Now).AddDate(0, 0, -30)
	for i := range 4 {
		desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: start.AddDate(0, 0, 7*i), PainBefore: store.PainOf(6 - i)})
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
	if rows := d.view.Due.Rows(); !slices.Equal(rows, []string{"Marta Nowak  ·  4 of 8 planned visits done · ODI due"}) ||
		!d.view.Due.Content.Visible() || !d.view.Due.Title.Visible() || d.view.Due.Title.Text != "Re-assessment due at the next visit" {
		t.Errorf("due list: %q under %q (shown: %v), want Marta's row under its title", rows, d.view.Due.Title.Text, d.view.Due.Content.Visible())
	}
	pick(t, d, c.ID)
	// And the brief says where she stands and her goals
	desktest.MustContain(t, "brief", d.view.Before.Text(), "Course: 4 of 8 planned visits done · ODI due · weekly",
		"Goals: Sit through a film (partly met); Lift my grandson")
	if d.view.Function.Row.Visible() != true || d.view.Function.Charts[store.ODI].Message() == "" {
		t.Errorf("one ODI: the row shows %v, the chart says %q", d.view.Function.Row.Visible(), d.view.Function.Charts[store.ODI].Message())
	}

	// When the therapist records today's ODI from the paper form
	var m *clientview.MeasureDialog
	act(d, func() { m = clientview.NewMeasureDialog(d.view, d.view.Record.Measures, desktest.Now); m.Show() })
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
	desktest.MustContain(t, "brief", d.view.Before.Text(), "Course: 4 of 8 planned visits done · weekly")
	if msg := d.view.Function.Charts[store.ODI].Message(); msg != "" {
		t.Errorf("two ODIs, the chart still says %q", msg)
	}
}

// The pain chart comes first: on a short screen the function chart gives
// way to it, rather than both being squeezed until the pain chart says
// "Make the window larger"; at 1024x700 and larger, beside a whole brief,
// both are drawn.
func TestThePainChartIsDrawnBeforeTheFunctionChartOnAShortScreen(t *testing.T) {
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	start := store.WallClock(desktest.Now).AddDate(0, -3, 0)
	for i := range 8 {
		desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: start.AddDate(0, 0, 10*i), PainBefore: store.PainOf(7 - i%4), PainAfter: store.PainOf(3)})
	}
	for i, score := range []int{4, 2} {
		odi := store.Measure{ClientID: c.ID, Kind: store.ODI, Taken: store.WallClock(desktest.Now).AddDate(0, -3+2*i, 0).Truncate(24 * time.Hour)}
		for item := 1; item <= 10; item++ {
			odi.Items = append(odi.Items, store.MeasureItem{Item: strconv.Itoa(item), Score: score})
		}
		if _, err := s.SaveMeasure(context.Background(), odi); err != nil {
			t.Fatal(err)
		}
	}
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	pain, odi := d.view.Chart, d.view.Function.Charts[store.ODI]
	for _, tc := range []struct {
		width, height float32
		both          bool
	}{{1024, 700, true}, {1366, 768, true}, {1280, 800, true}, {1920, 1200, true}} {
		resizeWindow(d, tc.width, tc.height)
		if !pain.Visible() || !pain.Plotted() {
			t.Errorf("%vx%v: the pain chart is not drawn (%v high, %q)", tc.width, tc.height, pain.Size().Height, pain.Message())
		}
		if got := odi.Visible() && d.view.Function.Row.Visible() && odi.Plotted() && odi.Size().Height > 0 &&
			drawnIn(d.window.Canvas().Content(), odi); got != tc.both {
			t.Errorf("%vx%v: the ODI chart drawn %v, want %v (%v high)", tc.width, tc.height, got, tc.both, odi.Size().Height)
		}
	}
}

// drawnIn tells whether target is among the objects root draws: found
// without passing through a hidden one.
func drawnIn(root, target fyne.CanvasObject) bool {
	if root == nil || !root.Visible() {
		return false
	}
	if root == target {
		return true
	}
	var children []fyne.CanvasObject
	switch v := root.(type) {
	case *fyne.Container:
		children = v.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(v).Objects()
	}
	for _, c := range children {
		if drawnIn(c, target) {
			return true
		}
	}
	return false
}
