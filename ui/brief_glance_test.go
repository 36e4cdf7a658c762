package ui

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/desktest"
)

// briefClient is a client as a therapist meets them in the minute before
// treatment: alerts of every level, an intake and a consent, a plan with
// its ODI, and a last visit whose note runs to a few sentences.
func briefClient(t *testing.T, s *sqlstore.Store, first string) store.Client {
	t.Helper()
	ctx := context.Background()
	c := desktest.AddClient(t, s, store.Client{FirstName: first, LastName: "Nowak", Phone: "+48 601 222 333",
		Email: first + ".nowak@example.com", Medications: "Naproxen 250 mg during flare-ups",
		Contraindications: "Anticoagulants: no deep pressure", MedicalHistory: "Fell on ice in January"})
	desktest.ConsentTo(t, s, c, append(store.GeneralAreas, store.AreaGluteal)...)
	day := func(daysAgo int) time.Time {
		d, _ := store.ParseWallClock(store.DateLayout, desktest.Now.AddDate(0, 0, -daysAgo).Format(store.DateLayout))
		return d
	}
	if err := s.SaveIntake(ctx, c.ID, store.Intake{Date: day(60), Reason: "Back pain"}, store.TypedAlertsOf(c), nil); err != nil {
		t.Fatal(err)
	}
	qlLeft := store.Tag{TermID: desktest.Term(t, s, store.Muscle, "Quadratus lumborum").ID, Side: store.Left}
	massage := store.Tag{TermID: desktest.Term(t, s, store.Technique, "Massage").ID}
	for i, pain := range []int{7, 6, 5, 5, 4} {
		desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7*(5-i)),
			PainBefore: store.PainOf(pain), PainAfter: store.PainOf(pain - 2),
			Muscles: []store.Tag{qlLeft}, Techniques: []store.Tag{massage},
			Notes: store.SOAP{
				Subjective: "Moderate ache, mostly after sitting through long meetings; slept better since the last visit and took fewer painkillers this week.",
				Objective:  "Good range of motion; left quadratus lumborum tender at its lateral edge, gluteus medius mildly tight on the left side.",
				Assessment: "Improving slowly; pressure tolerated well.",
				Plan:       "Weekly for three weeks, then every two weeks."},
			HomeCare: "Side-lying QL stretch twice a day; heat pack 15 minutes in the evening."})
	}
	odi := store.Measure{ClientID: c.ID, Kind: store.ODI, Taken: day(35)}
	for i := 1; i <= 10; i++ {
		odi.Items = append(odi.Items, store.MeasureItem{Item: strconv.Itoa(i), Score: 3})
	}
	if _, err := s.SaveMeasure(ctx, odi); err != nil {
		t.Fatal(err)
	}
	odi.Taken, odi.Items[0].Score = day(3), 1
	if _, err := s.SaveMeasure(ctx, odi); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePlan(ctx, store.Plan{ClientID: c.ID, Start: day(35), PlannedVisits: 8, Frequency: "weekly", ReassessVisits: 4,
		Measures: []store.MeasureKind{store.ODI}, Goals: []store.Goal{{Text: "Sit through a film"}}}); err != nil {
		t.Fatal(err)
	}
	return c
}

// scrollsIn are the scrolls drawn inside o.
func scrollsIn(o fyne.CanvasObject) []*container.Scroll {
	var found []*container.Scroll
	desktest.EachObject(o, func(c fyne.CanvasObject) {
		if s, ok := c.(*container.Scroll); ok && s.Visible() {
			found = append(found, s)
		}
	})
	return found
}

// Given a therapist who scrolled down one client's page
// When they open the next client
// Then that client's page opens at its top: alerts, intake, consent and
// the last visit in view, whatever the scroll of the one before.
func TestEveryClientsBriefOpensAtItsTop(t *testing.T) {
	s := desktest.OpenStore(t)
	anna, marta := briefClient(t, s, "Anna"), briefClient(t, s, "Marta")
	d := newTestDesk(t, s, Options{})
	resizeWindow(d, 1024, 700)
	pick(t, d, anna.ID)
	scrolled := 0
	act(d, func() {
		for _, sc := range scrollsIn(d.view.Content) {
			if room := sc.Content.MinSize().Height - sc.Size().Height; room > 0 && sc.Direction != container.ScrollHorizontalOnly {
				sc.ScrollToOffset(fyne.NewPos(0, room))
				scrolled++
			}
		}
	})
	if scrolled == 0 {
		t.Fatal("nothing on Anna's page scrolls at 1024x700: the test scrolls nothing")
	}
	pick(t, d, marta.ID)
	for _, sc := range scrollsIn(d.view.Content) {
		if sc.Offset.Y != 0 && !isHistoryList(d, sc) {
			t.Errorf("Marta's page opens scrolled %v down (a scroll of %v×%v)", sc.Offset.Y, sc.Size().Width, sc.Size().Height)
		}
	}
	if got := d.view.History.List.GetScrollOffset(); got != 0 {
		t.Errorf("Marta's history opens %v down", got)
	}
	inWindow(t, d, "Intake", d.view.Before.Rows["Intake"])
	inWindow(t, d, "Measure…", d.view.Header.Measure)
	inWindow(t, d, "Plan…", d.view.Header.Plan)
}

// isHistoryList is whether sc is the history list's own scroll, checked on
// its own (GetScrollOffset).
func isHistoryList(d *Desk, sc *container.Scroll) bool {
	found := false
	desktest.EachObject(d.view.History.List, func(c fyne.CanvasObject) {
		if c == sc {
			found = true
		}
	})
	return found
}

// inWindow fails the test unless o is drawn whole inside the window and,
// when it sits on the client's page, inside that page's view.
func inWindow(t *testing.T, d *Desk, what string, o fyne.CanvasObject) {
	t.Helper()
	drv := fyne.CurrentApp().Driver()
	pos, size := drv.AbsolutePositionForObject(o), o.Size()
	win := d.window.Canvas().Size()
	if !o.Visible() || size.Height < 1 {
		t.Errorf("%s is not shown (size %v)", what, size)
		return
	}
	if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > win.Width+1 || pos.Y+size.Height > win.Height+1 {
		t.Errorf("%s at %v (%v) is outside the %v window", what, pos, size, win)
	}
	page := d.view.Page
	onPage := false
	desktest.EachObject(page, func(c fyne.CanvasObject) { onPage = onPage || c == o })
	if !onPage {
		return
	}
	top := drv.AbsolutePositionForObject(page).Y
	if pos.Y < top-1 || pos.Y+size.Height > top+page.Size().Height+1 {
		t.Errorf("%s at y %v..%v is outside the page's view (y %v..%v): it needs scrolling", what, pos.Y, pos.Y+size.Height,
			top, top+page.Size().Height)
	}
}

// At 1024x700, the smallest window the desk is made for, the therapist
// reads without scrolling: the alerts, whether intake and consent are on
// file, the last visit (what the client said, what was found, what was
// done), the plan and where the course stands, the home care, the buttons
// to measure and plan; and both charts are drawn at a height that reads.
func TestTheBriefAt1024x700NeedsNoScrolling(t *testing.T) {
	s := desktest.OpenStore(t)
	c := briefClient(t, s, "Marta")
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	for _, size := range []fyne.Size{{Width: 1024, Height: 700}, {Width: 1280, Height: 800}, {Width: 1920, Height: 1200}} {
		resizeWindow(d, size.Width, size.Height)
		act(d, func() { d.view.Page.Refresh() })
		h := d.view.Header
		inWindow(t, d, "the red alert", h.Alert)
		inWindow(t, d, "the amber alert", h.Caution)
		for _, line := range []string{"Intake", "Consent", "Last visit", "Said", "Found", "Done", "Plan", "Course", "Home care"} {
			row := d.view.Before.Rows[line]
			if row.Text == "" {
				t.Errorf("%v: the brief has no %s line", size, line)
				continue
			}
			inWindow(t, d, fmt.Sprint(size)+" "+line, row)
		}
		inWindow(t, d, "Measure…", h.Measure)
		inWindow(t, d, "Plan…", h.Plan)
		pain, odi := d.view.Chart, d.view.Function.Charts[store.ODI]
		inWindow(t, d, fmt.Sprint(size)+" the pain chart", pain)
		inWindow(t, d, fmt.Sprint(size)+" the ODI chart", odi)
		if pain.Size().Height < 150 || odi.Size().Height < 120 {
			t.Errorf("%v: the pain chart is %v high, the ODI chart %v: too low to read", size, pain.Size().Height, odi.Size().Height)
		}
	}
}

// What the client said and what was found last time are read whole, never
// cut with "…": the page scrolls, not the words.
func TestTheBriefCutsNeitherSaidNorFound(t *testing.T) {
	s := desktest.OpenStore(t)
	c := briefClient(t, s, "Marta")
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	resizeWindow(d, 1024, 700)
	for _, line := range []string{"Said", "Found", "Assessed", "Done", "Home care"} {
		row := d.view.Before.Rows[line]
		if row.Truncation != fyne.TextTruncateOff || row.Wrapping != fyne.TextWrapWord {
			t.Errorf("%s is cut to its width (truncation %v, wrapping %v)", line, row.Truncation, row.Wrapping)
		}
		if row.Size().Height+1 < row.MinSize().Height {
			t.Errorf("%s is clipped: %v high of the %v it needs", line, row.Size().Height, row.MinSize().Height)
		}
	}
	desktest.MustContain(t, "brief", d.view.Before.Text(), "Said: Moderate ache, mostly after sitting through long meetings; slept better since the last visit and took fewer painkillers this week.",
		"Found: Good range of motion; left quadratus lumborum tender at its lateral edge, gluteus medius mildly tight on the left side.",
		"Done: Quadratus lumborum (L) — Massage")
}
