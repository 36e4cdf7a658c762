package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backtrack/report/bodymap"
	"backtrack/store"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
	"backtrack/ui/sessionform"
)

// tapRegions opens the chart over the form and taps each region's centre,
// as a therapist's finger or mouse does.
func tapRegions(t *testing.T, d *Desk, ids ...store.RegionID) {
	t.Helper()
	f := d.view.Form
	if !f.BodyChart.Chart.Shown() {
		act(d, func() { test.Tap(f.BodyChart.Thumb) }) // the small figure opens the chart
	}
	if !f.BodyChart.Chart.Shown() {
		t.Fatal("tapping the form's figure did not open the chart")
	}
	c := f.BodyChart.Chart.Chart
	fig := bodymap.Layout(0, 0, float64(c.Size().Width), float64(c.Size().Height))
	for _, id := range ids {
		s, ok := fig.ShapeOf(id)
		if !ok {
			t.Fatalf("no region %s on the figure", id)
		}
		act(d, func() { test.TapAt(c, fyne.NewPos(float32(s.Centre.X), float32(s.Centre.Y))) })
	}
}

func lastSaved(t *testing.T, d *Desk, clientID int64) store.Session {
	t.Helper()
	hist := sessionsOf(t, d, clientID)
	if len(hist) == 0 {
		t.Fatal("nothing saved")
	}
	return hist[0]
}

func TestTappingTheFigureMarksWhereItHurtsAndTheDraftShowsItAgain(t *testing.T) {
	d, s, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	tick(t, d, store.PainType, "Dull ache", store.NoSide)
	tick(t, d, store.Muscle, "Quadratus lumborum", store.Left)

	// when the therapist taps the back and the front, and taps one region
	// twice
	tapRegions(t, d, "lumbar-l", "sacral", "groin-r", "knee-l", "knee-l")
	p := f.BodyChart.Chart
	if len(p.Rows) != 3 {
		t.Fatalf("%d rows for 3 marked regions", len(p.Rows))
	}
	// and gives the lumbar mark a sharp type and an intensity by keyboard
	row := p.Rows["lumbar-l"]
	c0 := d.window.Canvas()
	if c0.Focused() != nil && c0.Focused() != fyne.Focusable(p.Done) && c0.Focused() != fyne.Focusable(p.Rows["lumbar-l"].Kind) {
		t.Errorf("the chart opened with the focus on %T", c0.Focused())
	}
	act(d, func() { c0.Focus(row.Kind) })
	for range row.Kind.Options {
		if row.Kind.Selected == "Sharp / stabbing" {
			break
		}
		pressKey(d, fyne.KeyRight)
	}
	act(d, func() { c0.FocusNext() })
	if c0.Focused() != row.Intensity {
		t.Fatalf("Tab after the pain type is on %T, not the intensity", c0.Focused())
	}
	act(d, func() { test.Type(row.Intensity, "7") })
	desktest.MustContain(t, "the form's line", f.BodyChart.Line.Text(), "Lumbar (L): Sharp / stabbing, 7", "Sacral: Dull ache", "Groin (R): Dull ache")
	pressKey(d, fyne.KeyEscape) // closes the chart, not the form
	if p.Shown() || d.view.Form == nil {
		t.Fatalf("Escape: chart shown %v, form open %v", p.Shown(), d.view.Form != nil)
	}
	press(t, d, shortcutSave)

	// then the marks are saved with the session
	got := lastSaved(t, d, c.ID)
	if w := got.WhereItHurts(); w != "Lumbar (L): Sharp / stabbing, 7; Sacral: Dull ache; Groin (R): Dull ache" {
		t.Errorf("saved where it hurts %q", w)
	}
	// and the draft opened again shows them, unchanged
	act(d, func() { d.view.EditSession(got) })
	f = d.view.Form
	if store.BodyMapLabels(f.BodyChart.Get()) != store.BodyMapLabels(got.BodyMap) || f.Dirty() {
		t.Errorf("reopened draft marks %q (dirty %v)", store.BodyMapLabels(f.BodyChart.Get()), f.Dirty())
	}
	if f.BodyChart.CopyLast.Visible() {
		t.Error("an edited note offers to copy the last session's map")
	}
	_ = s
}

func TestFindMarksRegionsByKeyboard(t *testing.T) {
	d, _, c := deskWithClient(t)
	k := &keyboard{t: t, d: d}
	press(t, d, shortcutNewSession)
	f := d.view.Form
	b := f.BodyChart
	act(d, func() { d.window.Canvas().Focus(b.Find) })

	// a name without a side waits for L, R or B, as a tag row does
	k.text("si")
	desktest.MustContain(t, "line", b.Line.Text(), "Enter: SI joint, then L, R or B")
	k.key(fyne.KeyReturn, false)
	desktest.MustContain(t, "line", b.Line.Text(), "Side of SI joint: L, R or B")
	k.side('b')
	if got := store.BodyMapLabels(b.Get()); got != "Sacroiliac (L); Sacroiliac (R)" {
		t.Errorf("si then B marked %q", got)
	}
	if k.focused() != f.Pickers[store.Trigger].AddName {
		t.Errorf("after the side key the focus is on %T, want the triggers", k.focused())
	}

	// several at once, a location word of before, and a midline region
	act(d, func() { d.window.Canvas().Focus(b.Find) })
	k.text("back of thigh l, sacral, lumbar r")
	desktest.MustContain(t, "line", b.Line.Text(), "marks Posterior thigh (L)", "marks Sacral", "marks Lumbar (R)")
	k.key(fyne.KeyReturn, false)
	// a name that fits no region, or one of several without its side,
	// marks nothing and stays typed, and the line says so
	for _, tc := range []struct{ typed, says string }{
		{"knee r, elbow", "no region is called “elbow”"},
		{"knee r, calf", "Calf needs L, R or B after it"},
	} {
		act(d, func() { b.Find.SetText(""); d.window.Canvas().Focus(b.Find) })
		k.text(tc.typed)
		k.key(fyne.KeyReturn, false)
		if b.Find.Text != tc.typed || !strings.Contains(b.Line.Text(), tc.says) || strings.Contains(store.BodyMapLabels(b.Get()), "Knee") {
			t.Errorf("%q: field %q, line %q, marks %q", tc.typed, b.Find.Text, b.Line.Text(), store.BodyMapLabels(b.Get()))
		}
	}
	// typing a marked region again unmarks it
	act(d, func() { b.Find.SetText("") })
	k.text("sacral")
	desktest.MustContain(t, "line", b.Line.Text(), "Enter: unmarks Sacral")
	k.key(fyne.KeyReturn, false)
	typeInto(d, f.PainBefore.Number, "5")
	press(t, d, shortcutSave)
	saved := lastSaved(t, d, c.ID)
	if got := saved.WhereItHurts(); got != "Lumbar (R); Sacroiliac (both); Posterior thigh (L)" {
		t.Errorf("saved %q", got)
	}
}

func TestCopyFromLastSessionCopiesTheMapToAdjust(t *testing.T) {
	d, s, c := deskWithClient(t)
	sharp := desktest.Term(t, s, store.PainType, "Sharp / stabbing")
	hip := desktest.Term(t, s, store.Location, "Hip")
	last := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7), PainBefore: store.PainOf(6),
		Locations: []store.Tag{{TermID: hip.ID, Name: hip.Name}}, // no side: fits no region, stays a word
		BodyMap: []store.BodyMark{{Region: "lumbar-l", PainType: store.Tag{TermID: sharp.ID, Name: sharp.Name}, Intensity: store.PainOf(6)},
			{Region: "gluteal-upper-l"}}})
	act(d, func() { d.view.Reload() })

	// with no earlier session, the line says so
	press(t, d, shortcutNewSession)
	f := d.view.Form
	// when the therapist presses Ctrl+Shift+B
	press(t, d, shortcutCopyMap)
	b := f.BodyChart
	if got := store.BodyMapLabels(b.Get()); got != "Lumbar (L): Sharp / stabbing, 6; Gluteal, upper (L)" {
		t.Fatalf("copied %q", got)
	}
	desktest.MustContain(t, "line", b.Line.Text(), "Copied from "+kit.LongDate(last.Start), "Hip")
	// then adjusts: the gluteal region is better, the sacrum hurts now
	tapRegions(t, d, "gluteal-upper-l", "sacral")
	pressKey(d, fyne.KeyEscape)
	typeInto(d, f.PainBefore.Number, "4")
	press(t, d, shortcutSave)
	got := lastSaved(t, d, c.ID)
	if w := got.WhereItHurts(); w != "Lumbar (L): Sharp / stabbing, 6; Sacral; Hip" {
		t.Errorf("saved %q", w)
	}
	for _, m := range got.BodyMap {
		if m.From.Name != "" {
			t.Errorf("a copied mark keeps the location word of before: %+v", m)
		}
	}
	// the button beside the chart does the same
	press(t, d, shortcutNewSession)
	tap(d, d.view.Form.BodyChart.CopyLast)
	if w := (&store.Session{BodyMap: d.view.Form.BodyChart.Get()}).WhereItHurts(); w != "Lumbar (L): Sharp / stabbing, 6; Sacral" {
		t.Errorf("Copy last map copied %q", w)
	}
}

func TestCopyMapWithNoEarlierSessionSaysSo(t *testing.T) {
	d, _, _ := deskWithClient(t)
	press(t, d, shortcutNewSession)
	tap(d, d.view.Form.BodyChart.CopyLast)
	if got := d.view.Form.BodyChart.Line.Text(); got != "No earlier session to copy from" {
		t.Errorf("line %q", got)
	}
}

// A signed note's map is shown read-only with the muscles treated, and an
// amendment carries it, changed, with the map as it was kept.
func TestASignedNotesMapIsShownAndCarriedIntoAnAmendment(t *testing.T) {
	d, s, c := deskWithClient(t)
	named(d)
	ql := desktest.Term(t, s, store.Muscle, "Quadratus lumborum")
	note := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local),
		PainBefore: store.PainOf(6), Muscles: []store.Tag{{TermID: ql.ID, Name: ql.Name, Side: store.Left}},
		BodyMap: []store.BodyMark{{Region: "lumbar-l", Intensity: store.PainOf(6)}}})
	act(d, func() { d.view.Reload() })
	act(d, func() { d.view.OpenSession(note.ID) })
	det := d.view.Detail
	tap(d, det.Sign)
	if !det.MapBox.Visible() || det.Map.OnTapped != nil {
		t.Fatal("the signed note shows no map, or a map that takes taps")
	}
	if det.Legend.Text != "type not given · muscles treated" {
		t.Errorf("note legend %q", det.Legend.Text)
	}
	tap(d, det.Edit)
	f := d.view.Form
	if !f.Amending() || store.BodyMapLabels(f.BodyChart.Get()) != "Lumbar (L): 6" {
		t.Fatalf("amendment form: amending %v, map %q", f.Amending(), store.BodyMapLabels(f.BodyChart.Get()))
	}
	tapRegions(t, d, "sacral")
	pressKey(d, fyne.KeyEscape)
	typeInto(d, f.Reason, "Sacrum forgotten")
	press(t, d, shortcutSave)
	got, err := s.Session(context.Background(), note.ID)
	original := got.Original()
	if err != nil || got.WhereItHurts() != "Lumbar (L): 6; Sacral" || len(got.Amendments) != 1 ||
		original.WhereItHurts() != "Lumbar (L): 6" || !strings.Contains(strings.Join(got.Amendments[0].Changed, ","), "Body chart") {
		t.Fatalf("after the amendment: %q, original %q, %+v (%v)", got.WhereItHurts(), original.WhereItHurts(), got.Amendments, err)
	}
}

// A location word of before that fits no region is kept when the note is
// edited, and named on the chart's line.
func TestALocationWordThatFitsNoRegionIsKept(t *testing.T) {
	d, s, c := deskWithClient(t)
	hip := desktest.Term(t, s, store.Location, "Hip")
	draft := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -3), PainBefore: store.PainOf(5),
		Locations: []store.Tag{{TermID: hip.ID, Name: hip.Name}}})
	act(d, func() { d.view.Reload() })
	act(d, func() { d.view.EditSession(draft) })
	f := d.view.Form
	desktest.MustContain(t, "line", f.BodyChart.Line.Text(), "Hip")
	tapRegions(t, d, "lumbar-c")
	pressKey(d, fyne.KeyEscape)
	press(t, d, shortcutSave)
	got, _ := s.Session(context.Background(), draft.ID)
	if got.WhereItHurts() != "Lumbar, central; Hip" {
		t.Errorf("after editing: %q", got.WhereItHurts())
	}
}

// The chart opened over the form fits the window at both sizes, and the
// form with many marks still fits 1280×800 without scrolling.
func TestTheChartFitsOverTheFormAndManyMarksKeepTheFormWhole(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 700}} {
		d, f := formOnScreen(t, size.Width, size.Height)
		tapRegions(t, d, "neck", "shoulder-l", "lumbar-l", "lumbar-r", "sacroiliac-l", "sacral", "gluteal-upper-l",
			"thigh-posterior-l", "calf-l", "groin-l", "knee-r", "foot-r")
		p := f.BodyChart.Chart
		for _, problem := range cutOff(d, p.Content) {
			t.Errorf("%v chart: %s", size, problem)
		}
		pressKey(d, fyne.KeyEscape)
		resizeWindow(d, size.Width, size.Height)
		for _, problem := range cutOff(d, f.Content) {
			t.Errorf("%v form with 12 marks: %s", size, problem)
		}
		if size.Width == 1280 && scrollNeed(f) > 0 {
			t.Errorf("with 12 marks the form scrolls by %v at 1280×800", scrollNeed(f))
		}
	}
}

// The form's line beside the figure stays about three lines long however
// much is marked: the pain types go first, then regions past the room.
func TestTheFormsLineSaysALongMapShorter(t *testing.T) {
	var s store.Session
	for _, r := range store.Regions()[:6] {
		s.BodyMap = append(s.BodyMap, store.BodyMark{Region: r.ID, PainType: store.Tag{Name: "Sharp / stabbing"}, Intensity: store.PainOf(7)})
	}
	if got := sessionform.ShortWhere(s); got != "Neck; Shoulder (both); Upper back (both); Lumbar (L)" {
		t.Errorf("six marks with types: %q", got)
	}
	for _, r := range store.Regions()[6:20] {
		s.BodyMap = append(s.BodyMap, store.BodyMark{Region: r.ID})
	}
	got := sessionform.ShortWhere(s)
	if len([]rune(got)) > sessionform.SummaryChars || !strings.HasPrefix(got, "Neck; Shoulder (both)") || !strings.Contains(got, " more") {
		t.Errorf("twenty marks: %q", got)
	}
}

// An intensity off the scale or not a number stops the save with the
// region named, beside the chart; nothing is half-saved.
func TestAMarksIntensityOffTheScaleIsRefusedByName(t *testing.T) {
	d, _, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	tapRegions(t, d, "lumbar-l")
	if !f.Dirty() {
		t.Error("a marked region is not an unsaved change")
	}
	row := f.BodyChart.Chart.Rows["lumbar-l"]
	for _, tc := range []struct{ typed, want string }{
		{"11", "Lumbar (L) must be between 0 and 10 (got 11)"},
		{"a lot", "Intensity of Lumbar (L) “a lot” is not a number 0–10"},
	} {
		typeInto(d, row.Intensity, tc.typed)
		press(t, d, shortcutSave)
		if d.view.Form == nil || len(sessionsOf(t, d, c.ID)) != 0 {
			t.Fatalf("saved with the intensity %q", tc.typed)
		}
		if got := f.BodyChart.Error.Text; !strings.Contains(got, tc.want) {
			t.Errorf("intensity %q: the chart's error says %q, want %q (summary %q)", tc.typed, got, tc.want, f.Problems.Summary.Text)
		}
	}
	// a row rebuilt (another region marked) keeps what was typed
	tapRegions(t, d, "sacral")
	if got := f.BodyChart.Chart.Rows["lumbar-l"].Intensity.Text; got != "a lot" {
		t.Errorf("the lumbar row shows %q after another mark", got)
	}
	typeInto(d, f.BodyChart.Chart.Rows["lumbar-l"].Intensity, "8")
	pressKey(d, fyne.KeyEscape)
	press(t, d, shortcutSave)
	if d.view.Form != nil {
		t.Fatalf("not saved: %q", f.Problems.Summary.Text)
	}
	saved := lastSaved(t, d, c.ID)
	if got := saved.WhereItHurts(); got != "Lumbar (L): 8; Sacral" {
		t.Errorf("saved %q", got)
	}
}

// Copy from last session (the form's own) brings the map with the tags.
func TestCopyFromLastSessionBringsTheMapWithTheTags(t *testing.T) {
	d, s, c := deskWithClient(t)
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7), PainBefore: store.PainOf(6),
		Notes: store.SOAP{Plan: "Weekly"}, BodyMap: []store.BodyMark{{Region: "sacral", Intensity: store.PainOf(3)}}})
	act(d, func() { d.view.Reload() })
	press(t, d, shortcutNewSession)
	f := d.view.Form
	tap(d, f.Copy)
	if got := store.BodyMapLabels(f.BodyChart.Get()); got != "Sacral: 3" || f.Plan.Text != "Weekly" {
		t.Errorf("copied map %q, plan %q", got, f.Plan.Text)
	}
}

// A note with a body chart reads whole at both sizes: the map beside the
// fields, the buttons on two lines rather than past the edge.
func TestANoteWithItsMapIsNotCutOff(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 700}} {
		d, s, c := deskWithClient(t)
		named(d)
		note := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -2), PainBefore: store.PainOf(5),
			BodyMap: []store.BodyMark{{Region: "sacral", PainType: store.Tag{Name: "Dull ache"}}, {Region: "knee-r"}}})
		act(d, func() { d.view.Reload() })
		act(d, func() { d.view.OpenSession(note.ID) })
		tap(d, d.view.Detail.Sign)
		resizeWindow(d, size.Width, size.Height)
		for _, problem := range cutOff(d, d.view.Detail.Content) {
			t.Errorf("%v: %s", size, problem)
		}
	}
}
