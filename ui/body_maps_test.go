package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

// mapHistory saves a QL client's visits a month apart from May to
// November: sharp pain in the left lumbar region throughout, gluteus
// medius referred pain down the left posterior thigh until September.
func mapHistory(t *testing.T, s *sqlstore.Store, clientID int64) {
	t.Helper()
	sharp := store.Tag{TermID: desktest.Term(t, s, store.PainType, "Sharp / stabbing").ID}
	referred := store.Tag{TermID: desktest.Term(t, s, store.PainType, "Referred pain").ID}
	for i := range 7 {
		marks := []store.BodyMark{{Region: "lumbar-l", PainType: sharp, Intensity: store.PainOf(8 - i)}}
		if i < 5 {
			marks = append(marks, store.BodyMark{Region: "thigh-posterior-l", PainType: referred})
		}
		desktest.AddSession(t, s, store.Session{ClientID: clientID, Start: desktest.Now.AddDate(0, i-6, -5),
			PainBefore: store.PainOf(8 - i), BodyMap: marks})
	}
}

func TestTheBriefShowsTheLastVisitsMapSmall(t *testing.T) {
	d, s, c := deskWithClient(t)
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7), PainBefore: store.PainOf(5)})
	act(d, func() { d.view.Reload() })
	b := d.view.Before
	if b.MapBox.Visible() {
		t.Error("a brief without a body chart draws an empty figure")
	}
	mapHistory(t, s, c.ID)
	act(d, func() { d.view.Reload() })
	if !b.MapBox.Visible() {
		t.Fatal("the brief does not show the last visit's map")
	}
	if got := store.BodyMapLabels(b.Map.Marks()); got != "Lumbar (L): Sharp / stabbing, 2" {
		t.Errorf("the brief's map shows %q, want the last visit's", got)
	}
	if w := b.Map.Size().Width; w < clientview.BriefMapWidth || w > 1.5*clientview.BriefMapWidth {
		t.Errorf("the brief's map is %v wide", w)
	}
	// a tap on the small map opens the maps over time
	act(d, func() { test.TapAt(b.Map, fyne.NewPos(b.Map.Size().Width*0.19, b.Map.Size().Height*0.41)) })
	if d.view.BodyMaps == nil {
		t.Fatal("a tap on the brief's map opened nothing")
	}
	act(d, func() { d.view.BodyMaps.Tabs.SelectIndex(1) })
	if !strings.Contains(desktest.ShownText(d.window), "First: 20 May 2026") {
		t.Errorf("a tap on the brief's map opened %q", desktest.ShownText(d.window))
	}
}

func TestTheMapsOverTimeShowHowOftenAndTheFirstAndLatest(t *testing.T) {
	d, s, c := deskWithClient(t)
	mapHistory(t, s, c.ID)
	act(d, func() { d.view.Reload() })
	tap(d, d.view.MapsButton)
	m := d.view.BodyMaps
	if m == nil {
		t.Fatal("Body maps opened nothing")
	}
	// all visits: seven charted, the lumbar region every time
	if n, most := m.Heat.HeatOf("lumbar-l"); n != 7 || most != 7 {
		t.Errorf("lumbar (L) counted %d of most %d, want 7 of 7", n, most)
	}
	if n, _ := m.Heat.HeatOf("thigh-posterior-l"); n != 5 {
		t.Errorf("posterior thigh (L) counted %d, want 5", n)
	}
	desktest.MustContain(t, "all visits", desktest.ShownText(d.window), "Across 7 charted visits, 20 May 2026 – 20 Nov 2026",
		"Lumbar (L): 7 of 7 visits", "Posterior thigh (L): 5 of 7 visits", "1 visit", "7 visits")
	act(d, func() { m.Tabs.SelectIndex(1) })
	desktest.MustContain(t, "first and latest", desktest.ShownText(d.window), "First: 20 May 2026", "Lumbar (L): Sharp / stabbing, 8; Posterior thigh (L): Referred pain",
		"Latest: 20 Nov 2026", "Lumbar (L): Sharp / stabbing, 2", "Sharp / stabbing", "Referred pain")

	// the last three months: August's visit is out, September's the first
	act(d, func() { m.Period.Choice.SetSelected(kit.PeriodRecent) })
	if n, _ := m.Heat.HeatOf("lumbar-l"); n != 3 {
		t.Errorf("in the last three months lumbar (L) counted %d, want 3", n)
	}
	desktest.MustContain(t, "three months", desktest.ShownText(d.window), "First: 20 Sep 2026", "Latest: 20 Nov 2026")
	act(d, func() { m.Tabs.SelectIndex(0) })
	desktest.MustContain(t, "three months", desktest.ShownText(d.window), "Posterior thigh (L): 1 of 3 visits")
	act(d, func() { m.Tabs.SelectIndex(1) })

	// a range with one charted visit shows it alone
	act(d, func() { m.Period.Choice.SetSelected(kit.PeriodCustom) })
	typeInto(d, m.Period.From, "2026-11-01")
	typeInto(d, m.Period.To, "2026-11-30")
	desktest.MustContain(t, "one visit", desktest.ShownText(d.window), "The one charted visit: 20 Nov 2026")
	if m.LatestColumn.Visible() {
		t.Error("one charted visit is shown as first and latest")
	}

	// a range with none says so, and draws no empty figure
	typeInto(d, m.Period.From, "2025-01-01")
	typeInto(d, m.Period.To, "2025-12-31")
	if m.Panes.Visible() || !strings.Contains(m.Message.Text, "No body chart was recorded in this period") {
		t.Errorf("an empty period: maps shown %v, message %q", m.Panes.Visible(), m.Message.Text)
	}
	// a date typed wrong names the field
	typeInto(d, m.Period.From, "2025-13-01")
	desktest.MustContain(t, "bad date", m.Message.Text, "From date")

	// Escape closes the maps, back to the overview
	act(d, func() { d.window.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if d.view.BodyMaps != nil || desktest.ShownText(d.window) != "" {
		t.Errorf("Escape left the maps open: %q", desktest.ShownText(d.window))
	}
	if d.view.Mode() != clientview.ModeOverview {
		t.Errorf("Escape on the maps left the overview (mode %v)", d.view.Mode())
	}
}

func TestAClientWithoutAMapIsToldSoInTheMapsOverTime(t *testing.T) {
	d, s, c := deskWithClient(t)
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7), PainBefore: store.PainOf(5)})
	act(d, func() { d.view.Reload() })
	tap(d, d.view.MapsButton)
	if m := d.view.BodyMaps; m.Panes.Visible() || !strings.Contains(m.Message.Text, "No body chart was recorded") {
		t.Errorf("no maps: shown %v, %q", m.Panes.Visible(), m.Message.Text)
	}
}
