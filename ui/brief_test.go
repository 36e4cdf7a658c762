package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

func TestAMedicationIsShownButIsNoAlarm(t *testing.T) {
	s := desktest.OpenStore(t)
	meds := desktest.AddClient(t, s, store.Client{FirstName: "Jonas", LastName: "P", Medications: "Naproxen"})
	both := desktest.AddClient(t, s, store.Client{FirstName: "Emma", LastName: "B", Medications: "Warfarin",
		Contraindications: "Anticoagulants: no deep pressure"})
	d := newTestDesk(t, s, Options{})
	h := d.view.Header

	pick(t, d, meds.ID)
	if h.Alert.Visible() {
		t.Error("a medication alone raises the red alert")
	}
	// a medication that matters for massage is amber: to know
	if !h.Caution.Visible() || !strings.Contains(h.CautionText.String(), "MEDICATIONS  Naproxen") {
		t.Errorf("medication line: shown %v, %q", h.Caution.Visible(), h.CautionText.String())
	}
	pick(t, d, both.ID)
	if !h.Alert.Visible() {
		t.Fatal("a contraindication shows no red alert")
	}
	var red string
	for _, seg := range h.AlertText.Segments {
		red += seg.Textual()
	}
	desktest.MustContain(t, "red alert", red, "CONTRAINDICATIONS", "no deep pressure")
	if strings.Contains(red, "Warfarin") {
		t.Errorf("the red alert holds the medication: %q", red)
	}
	desktest.MustContain(t, "medication line", h.CautionText.String(), "Warfarin")
}

func TestTheBriefPutsTheLastNoteAndPlanBeforeTrendAndTags(t *testing.T) {
	d, s, c := deskWithClient(t)
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -14), PainBefore: store.PainOf(7)})
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7), PainBefore: store.PainOf(5),
		PainAfter: store.PainOf(3), Triggers: []store.Tag{{TermID: desktest.Term(t, s, store.Trigger, "Sitting long").ID}},
		Notes: store.SOAP{Subjective: "Better after the stretches", Objective: "QL less tender",
			Assessment: "Improving", Plan: "Every 2 weeks"}, HomeCare: "Side-lying QL stretch"})
	act(d, func() { d.view.Reload() })
	var order []string
	for _, line := range strings.Split(d.view.Before.Text(), "\n") {
		order = append(order, strings.SplitN(line, ":", 2)[0])
	}
	want := "Intake, Consent, Last visit, Said, Found, Assessed, Plan, Home care, Trend, Pain, Triggers"
	if got := strings.Join(order, ", "); got != want {
		t.Errorf("brief lines = %s\nwant         %s", got, want)
	}
}

// The brief's lines are read whole at 1024x700, 1280x800 and on a large screen: the
// last visit's small map sits beside them only where they keep their
// width, else below them. Only the last note's parts are cut to a line,
// by design (the whole note is a click away).
func TestTheBriefsLinesAreNotCutForItsMap(t *testing.T) {
	d, s, c := deskWithClient(t)
	if _, err := s.SaveConsent(context.Background(), c.ID, store.Consent{On: desktest.Now.AddDate(-1, 0, -10), How: store.ConsentWritten,
		Areas: []store.ConsentArea{store.AreaGluteal}, Excluded: []store.ConsentArea{store.AreaChest}}); err != nil {
		t.Fatal(err)
	}
	sharp := desktest.Term(t, s, store.PainType, "Sharp / stabbing")
	for i, pain := range []int{8, 6, 5, 4} {
		desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7*(4-i)), DurationMin: 30,
			PainBefore: store.PainOf(pain), PainAfter: store.PainOf(pain - 1),
			PainTypes: []store.Tag{{TermID: sharp.ID}},
			BodyMap: []store.BodyMark{{Region: "lumbar-l", PainType: store.Tag{TermID: sharp.ID, Name: sharp.Name}, Intensity: store.PainOf(pain)},
				{Region: "gluteal-upper-l"}}})
	}
	act(d, func() { d.view.Reload() })
	b := d.view.Before
	for _, size := range []fyne.Size{{Width: 1024, Height: 700}, {Width: 1280, Height: 800}, {Width: 1920, Height: 1200}} {
		resizeWindow(d, size.Width, size.Height)
		if !b.MapBox.Visible() {
			t.Fatalf("%v: the last visit's map is not shown", size)
		}
		for _, name := range b.Order {
			row := b.Rows[name]
			if !row.Visible() {
				continue
			}
			needs := fyne.MeasureText(row.Text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
			if row.Truncation != fyne.TextTruncateOff && needs > row.Size().Width+1 {
				t.Errorf("%v: %s %q is cut (%v of %v)", size, name, row.Text, row.Size().Width, needs)
			}
			if row.Size().Height+1 < row.MinSize().Height {
				t.Errorf("%v: %s %q is clipped (%v high of %v)", size, name, row.Text, row.Size().Height, row.MinSize().Height)
			}
		}
		// the map is whole where it is (the panel scrolls to it)
		if got, want := b.Map.Size(), b.Map.MinSize(); got.Width+1 < want.Width || got.Height+1 < want.Height {
			t.Errorf("%v: the map is %v, smaller than it needs (%v)", size, got, want)
		}
	}
	desktest.MustContain(t, "brief", b.Text(), "Consent: Written,", "sensitive areas consented: Gluteal region", "Last visit", "30 min · pain 4 → 3")
}

// The client's name is never cut for the header's buttons: on a narrow
// window they go below it.
func TestTheClientsNameIsWholeAt1024x700(t *testing.T) {
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Katarzyna", LastName: "Łukasiewicz-Wiśniewska"})
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	h := d.view.Header
	for _, size := range []fyne.Size{{Width: 1024, Height: 700}, {Width: 1280, Height: 800}} {
		resizeWindow(d, size.Width, size.Height)
		needs := fyne.MeasureText(h.Name.Text, theme.Size(theme.SizeNameHeadingText), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding()
		if h.Name.Size().Width+1 < needs {
			t.Errorf("%v: the name %q gets %v of %v", size, h.Name.Text, h.Name.Size().Width, needs)
		}
		for _, problem := range cutOff(d, h.Content) {
			t.Errorf("%v: header: %s", size, problem)
		}
	}
}
