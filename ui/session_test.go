package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

// deskWithClient opens the desk on one client, picked in the list.
func deskWithClient(t *testing.T) (*Desk, *sqlstore.Store, store.Client) {
	t.Helper()
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak", Medications: "ibuprofen"})
	desktest.ConsentTo(t, s, c, append(store.GeneralAreas, store.AreaGluteal)...)
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	return d, s, c
}

// tick ticks a term in one of the form's pickers, optionally on a side.
func tick(t *testing.T, d *Desk, kind store.Kind, name string, side store.Side) {
	t.Helper()
	for _, it := range d.view.Form.Pickers[kind].Items {
		if it.Term.Name == name {
			if side != store.NoSide {
				tap(d, it.Sides[side])
			} else {
				act(d, func() { it.Check.SetChecked(true) })
			}
			return
		}
	}
	t.Fatalf("no %s %q in the form", kind, name)
}

func TestRecordSessionUpdatesHistoryAndBeforeTreatment(t *testing.T) {
	d, s, c := deskWithClient(t)
	desktest.MustContain(t, "before treatment", d.view.Before.Text(), "No sessions yet")

	// when the therapist records a session with the keyboard
	press(t, d, shortcutNewSession)
	f := d.view.Form
	if f == nil || d.view.Mode() != clientview.ModeForm {
		t.Fatal("Ctrl+N did not open the session form")
	}
	if f.Date.Text != "2026-11-25" || f.Time.Text != "15:00" || f.Duration.Text != "60" {
		t.Errorf("defaults = %s %s %s min, want now and 60", f.Date.Text, f.Time.Text, f.Duration.Text)
	}
	if d.window.Canvas().Focused() != f.PainBefore.Number {
		t.Error("the cursor does not start at pain before")
	}
	if f.PainBefore.State.Text != "not recorded" {
		t.Errorf("pain before starts as %q, want not recorded", f.PainBefore.State.Text)
	}
	typeInto(d, f.PainBefore.Number, "6")
	if f.PainBefore.Slider.Value != 6 {
		t.Errorf("slider = %v after typing 6", f.PainBefore.Slider.Value)
	}
	act(d, func() { f.PainAfter.Slider.TypedRune('3') }) // a digit on the focused slider sets it
	tick(t, d, store.PainType, "Stiffness", store.NoSide)
	tick(t, d, store.Location, "Lower back", store.Both)
	tick(t, d, store.Trigger, "Sitting long", store.NoSide)
	tick(t, d, store.Muscle, "Quadratus lumborum", store.Left)
	typeInto(d, f.TriggerOther, "gardening")
	typeInto(d, f.Subjective, "Stiff after a long drive.")
	typeInto(d, f.Plan, "Every 2 weeks")
	typeInto(d, f.HomeCare, "Side-lying QL stretch")
	press(t, d, shortcutSave)

	// then it is saved, and the overview shows it
	if d.view.Mode() != clientview.ModeOverview || d.view.Form != nil {
		t.Fatalf("after Ctrl+S: mode %v, problem %q", d.view.Mode(), f.Problems.Summary.Text)
	}
	hist, _ := s.ClientHistory(context.Background(), c.ID, store.Period{})
	if len(hist) != 1 {
		t.Fatalf("history in the store = %d sessions", len(hist))
	}
	got := hist[0]
	if got.PainBefore != store.PainOf(6) || got.PainAfter != store.PainOf(3) {
		t.Errorf("pain saved = %v → %v", got.PainBefore, got.PainAfter)
	}
	if store.TagLabels(got.Muscles) != "Quadratus lumborum (L)" || got.WhereItHurts() != "Lumbar (both)" {
		t.Errorf("sided tags saved = %q, %q", store.TagLabels(got.Muscles), got.WhereItHurts())
	}
	desktest.MustContain(t, "before treatment", d.view.Before.Text(),
		"Last visit: 25 Nov 2026 (today) · 60 min · pain 6 → 3",
		"Pain: Stiffness", "Triggers: Sitting long, Other: gardening",
		"Where: Lumbar (both)", "Done: Quadratus lumborum (L)",
		"Plan: Every 2 weeks", "Home care: Side-lying QL stretch")
	if d.view.History.Title.Text != "HISTORY · 1 session" {
		t.Errorf("history title = %q", d.view.History.Title.Text)
	}
	if row := d.list.Rows()[0]; kit.LastVisitSummary(row, desktest.Now) != "25 Nov · 6→3 · 1 visit" {
		t.Errorf("list row = %q", kit.LastVisitSummary(row, desktest.Now))
	}

	// and opening it from the history shows the whole note
	act(d, func() { d.view.History.List.Select(0) })
	if d.view.Mode() != clientview.ModeDetail {
		t.Fatal("selecting a history row did not open the note")
	}
	desktest.MustContain(t, "note", d.view.Detail.Text(), "Pain 6 → 3  (relief 3)",
		"Subjective: Stiff after a long drive.", "Home care: Side-lying QL stretch", "Where it hurts: Lumbar (both)")
}

func TestSessionFormShowsErrorsAtTheirFields(t *testing.T) {
	d, s, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form

	// given problems the form finds itself
	typeInto(d, f.Date, "2026-13-01")
	typeInto(d, f.PainBefore.Number, "12")
	typeInto(d, f.Duration, "an hour")
	tap(d, f.Save)
	desktest.MustContain(t, "date error", f.Problems.Fields["start"].Text, `Date "2026-13-01" is not a date`)
	desktest.MustContain(t, "pain error", f.Problems.Fields["pain_before"].Text, "Pain before must be a whole number from 0 to 10")
	desktest.MustContain(t, "duration error", f.Problems.Fields["duration"].Text, "not a number of minutes")
	if f.Problems.Fields["pain_after"].Visible() {
		t.Error("pain after shows an error it does not have")
	}

	// and problems only the store knows: a session a week ahead, 0 minutes
	typeInto(d, f.Date, desktest.Now.AddDate(0, 0, 7).Format("2006-01-02"))
	typeInto(d, f.PainBefore.Number, "5")
	typeInto(d, f.Duration, "0")
	tap(d, f.Save)
	desktest.MustContain(t, "date error", f.Problems.Fields["start"].Text, "more than a day in the future")
	desktest.MustContain(t, "duration error", f.Problems.Fields["duration"].Text, "between 1 and 600 minutes")
	if f.Problems.Fields["pain_before"].Visible() {
		t.Error("the corrected pain still shows an error")
	}
	if d.view.Mode() != clientview.ModeForm {
		t.Fatal("the form closed on an invalid session")
	}
	if hist, _ := s.ClientHistory(context.Background(), c.ID, store.Period{}); len(hist) != 0 {
		t.Fatalf("an invalid session was saved")
	}
}

func TestCopyFromLastSession(t *testing.T) {
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Jonas", LastName: "Petrauskas"})
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -14),
		PainBefore: store.PainOf(7), PainAfter: store.PainOf(4),
		PainTypes:    []store.Tag{{TermID: desktest.Term(t, s, store.PainType, "Dull ache").ID}},
		Triggers:     []store.Tag{{TermID: desktest.Term(t, s, store.Trigger, "Lifting repeatedly").ID}},
		TriggerOther: "moving house",
		Muscles:      []store.Tag{{TermID: desktest.Term(t, s, store.Muscle, "Gluteus medius").ID, Side: store.Right}},
		Techniques:   []store.Tag{{TermID: desktest.Term(t, s, store.Technique, "Stretching").ID}},
		Notes:        store.SOAP{Subjective: "Sore after moving boxes", Plan: "Weekly for a month"},
		HomeCare:     "Clamshells 3x10",
	})
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	press(t, d, shortcutNewSession)
	f := d.view.Form

	tap(d, f.Copy)
	tags := func(k store.Kind) string { return store.TagLabels(f.Pickers[k].Tags()) }
	if tags(store.PainType) != "Dull ache" || tags(store.Trigger) != "Lifting repeatedly" ||
		tags(store.Muscle) != "Gluteus medius (R)" || tags(store.Technique) != "Stretching" {
		t.Errorf("copied tags = %q %q %q %q", tags(store.PainType), tags(store.Trigger), tags(store.Muscle), tags(store.Technique))
	}
	if f.TriggerOther.Text != "moving house" || f.Plan.Text != "Weekly for a month" || f.HomeCare.Text != "Clamshells 3x10" {
		t.Errorf("copied notes = %q %q %q", f.TriggerOther.Text, f.Plan.Text, f.HomeCare.Text)
	}
	// what was felt and found today is the therapist's to record afresh
	if f.Subjective.Text != "" || f.PainBefore.Number.Text != "" {
		t.Errorf("copied today's findings: S %q, pain %q", f.Subjective.Text, f.PainBefore.Number.Text)
	}
	desktest.MustContain(t, "copy note", f.CopyNote.Text(), "from 11 Nov 2026")
	if f.Copy.Visible() {
		t.Error("the copy button is still offered after copying")
	}
	// a copied muscle's side shows on its side buttons
	for _, it := range f.Pickers[store.Muscle].Items {
		if it.Term.Name == "Gluteus medius" && (!it.Sides[store.Right].On || it.Sides[store.Left].On) {
			t.Error("the copied side (R) is not the highlighted side button")
		}
	}
}

func TestUnsavedChangesAskBeforeLeaving(t *testing.T) {
	s := desktest.OpenStore(t)
	marta := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	lena := desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer"})
	d := newTestDesk(t, s, Options{})
	pick(t, d, marta.ID)

	// an untouched form closes at once on Escape
	press(t, d, shortcutNewSession)
	pressKey(d, fyne.KeyEscape)
	if d.view.Form != nil || d.Unsaved != nil {
		t.Fatal("an untouched form asked before closing, or stayed open")
	}

	// a form with a note asks; keeping it loses nothing
	press(t, d, shortcutNewSession)
	f := d.view.Form
	typeInto(d, f.Subjective, "Better since last week")
	act(d, func() { d.window.Canvas().Focus(f.Subjective) })
	pressKey(d, fyne.KeyEscape)
	if d.Unsaved == nil {
		t.Fatal("Escape on a changed form did not ask")
	}
	tap(d, d.Unsaved.Keep)
	if d.view.Form != f || f.Subjective.Text != "Better since last week" {
		t.Fatal("Keep editing lost the form")
	}

	// picking another client asks too; keeping editing stays on Marta
	pick(t, d, lena.ID)
	if d.Unsaved == nil {
		t.Fatal("switching clients with unsaved changes did not ask")
	}
	tap(d, d.Unsaved.Keep)
	if d.view.Client().ID != marta.ID || d.list.Selected() != marta.ID {
		t.Errorf("after Keep editing: view on %d, list on %d, want Marta %d", d.view.Client().ID, d.list.Selected(), marta.ID)
	}

	// discarding moves on and saves nothing
	pick(t, d, lena.ID)
	tap(d, d.Unsaved.Discard)
	if d.view.Client().ID != lena.ID || d.view.Form != nil {
		t.Errorf("after Discard: view on %d, form %v", d.view.Client().ID, d.view.Form != nil)
	}
	if hist, _ := s.ClientHistory(context.Background(), marta.ID, store.Period{}); len(hist) != 0 {
		t.Error("a discarded session was saved")
	}

	// choosing Save saves, then moves on
	press(t, d, shortcutNewSession)
	typeInto(d, d.view.Form.Plan, "Weekly")
	pick(t, d, marta.ID)
	tap(d, d.Unsaved.Save)
	if d.view.Client().ID != marta.ID {
		t.Errorf("after Save: view on %d, want Marta", d.view.Client().ID)
	}
	if hist, _ := s.ClientHistory(context.Background(), lena.ID, store.Period{}); len(hist) != 1 || hist[0].Notes.Plan != "Weekly" {
		t.Errorf("Lena's history = %+v", hist)
	}
}

func TestEditAndDeleteSession(t *testing.T) {
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer"})
	old := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: time.Date(2026, 11, 10, 9, 30, 0, 0, time.Local),
		PainBefore: store.PainOf(5), Notes: store.SOAP{Assessment: "QL trigger points"}})
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)

	act(d, func() { d.view.History.List.Select(0) })
	tap(d, d.view.Detail.Edit)
	f := d.view.Form
	if f == nil || f.Date.Text != "2026-11-10" || f.Time.Text != "09:30" || f.PainBefore.Number.Text != "5" {
		t.Fatalf("edit form not filled from the session")
	}
	if f.Copy.Visible() {
		t.Error("copy from last session offered while editing")
	}
	typeInto(d, f.PainAfter.Number, "2")
	press(t, d, shortcutSave)
	got, _ := s.Session(context.Background(), old.ID)
	if got.PainAfter != store.PainOf(2) || got.Notes.Assessment != "QL trigger points" {
		t.Errorf("edited session = %+v", got)
	}

	act(d, func() { d.view.History.List.Select(0) })
	tap(d, d.view.Detail.Delete)
	if d.Confirm == nil {
		t.Fatal("delete did not ask first")
	}
	tap(d, d.Confirm.Cancel)
	if _, err := s.Session(context.Background(), old.ID); err != nil {
		t.Fatal("Cancel deleted the session")
	}
	tap(d, d.view.Detail.Delete)
	tap(d, d.Confirm.OK)
	if _, err := s.Session(context.Background(), old.ID); err == nil {
		t.Fatal("the session is still there after Delete")
	}
	if d.view.Mode() != clientview.ModeOverview || d.view.History.Title.Text != "HISTORY · 0 sessions" {
		t.Errorf("after delete: mode %v, %q", d.view.Mode(), d.view.History.Title.Text)
	}
}

func TestSideKeysOnAFocusedMuscle(t *testing.T) {
	d, _, _ := deskWithClient(t)
	press(t, d, shortcutNewSession)
	var ql *kit.TagItem
	for _, it := range d.view.Form.Pickers[store.Muscle].Items {
		if it.Term.Name == "Quadratus lumborum" {
			ql = it
		}
	}
	act(d, func() { d.window.Canvas().Focus(ql.Check) })
	act(d, func() { ql.Check.TypedRune('r') })
	if got := store.TagLabels(d.view.Form.Pickers[store.Muscle].Tags()); got != "Quadratus lumborum (R)" {
		t.Errorf("after R: %q", got)
	}
	act(d, func() { ql.Check.TypedRune('b') })
	if got := store.TagLabels(d.view.Form.Pickers[store.Muscle].Tags()); got != "Quadratus lumborum (both)" {
		t.Errorf("after B: %q", got)
	}
	act(d, func() { ql.Check.TypedRune(' ') }) // space unticks, as on any checkbox
	if got := d.view.Form.Pickers[store.Muscle].Tags(); len(got) != 0 {
		t.Errorf("after Space: %v", got)
	}
}

func TestAddNewTermInPlace(t *testing.T) {
	d, s, _ := deskWithClient(t)
	press(t, d, shortcutNewSession)
	p := d.view.Form.Pickers[store.Technique]

	// a new technique is added to the vocabulary and ticked
	typeInto(d, p.AddName, "Cupping")
	act(d, func() { p.AddName.OnSubmitted(p.AddName.Text) })
	if got := store.TagLabels(p.Tags()); got != "Cupping" {
		t.Fatalf("after adding Cupping: %q", got)
	}
	if _, err := s.TermNamed(context.Background(), store.Technique, "cupping"); err != nil {
		t.Errorf("Cupping is not in the vocabulary: %v", err)
	}
	if p.AddName.Text != "" {
		t.Errorf("add field still holds %q", p.AddName.Text)
	}
	// a name already in the list just ticks it, whatever its case
	typeInto(d, p.AddName, "MASSAGE")
	tap(d, p.AddBtn)
	if got := store.TagLabels(p.Tags()); got != "Massage, Cupping" {
		t.Errorf("after adding MASSAGE: %q", got)
	}
	if p.Error.Visible() {
		t.Errorf("an existing name shows an error: %q", p.Error.Text)
	}
	// and the next form offers the new technique
	tap(d, d.view.Form.Cancel)
	tap(d, d.Unsaved.Discard)
	press(t, d, shortcutNewSession)
	found := false
	for _, it := range d.view.Form.Pickers[store.Technique].Items {
		found = found || it.Term.Name == "Cupping"
	}
	if !found {
		t.Error("the next session form does not offer Cupping")
	}
}

func TestChartVisitOpensItsNote(t *testing.T) {
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer"})
	first := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -20),
		PainBefore: store.PainOf(6), Notes: store.SOAP{Subjective: "First visit"}})
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -6), PainBefore: store.PainOf(4)})
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	// the chart was built with the view's opener: a tapped visit lands here
	act(d, func() { d.view.OpenSession(first.ID) })
	if d.view.Mode() != clientview.ModeDetail || d.view.Detail.Session.ID != first.ID {
		t.Fatalf("mode %v, note of session %d; want the first visit's note", d.view.Mode(), d.view.Detail.Session.ID)
	}
	desktest.MustContain(t, "note", d.view.Detail.Text(), "Subjective: First visit")
}

func TestCopyWithoutAnEarlierSessionSaysSo(t *testing.T) {
	d, _, _ := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	tap(d, f.Copy)
	if f.CopyNote.Text() != "No earlier session to copy from" || f.Copy.Visible() {
		t.Errorf("with nothing to copy: note %q, button shown %v", f.CopyNote.Text(), f.Copy.Visible())
	}
	if f.Dirty() {
		t.Error("copying nothing changed the form")
	}
}

// A session typed at 02:30 the night Berlin's clocks go forward is saved
// at 02:30, the time the therapist wrote, not moved to 03:30.
func TestSessionFormKeepsATimeTheLocalClockSkips(t *testing.T) {
	if !testkit.InTimeZone(t, "Europe/Berlin") {
		return
	}
	d, s, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	typeInto(d, f.Date, "2024-03-31")
	typeInto(d, f.Time, "02:30")
	typeInto(d, f.Subjective, "Sore after the night shift")
	press(t, d, shortcutSave)
	hist, err := s.ClientHistory(context.Background(), c.ID, store.Period{})
	if err != nil || len(hist) != 1 {
		t.Fatalf("history: %v %v (form problem %q)", hist, err, f.Problems.Summary.Text)
	}
	if got := hist[0].Start.Format(store.StartLayout); got != "2024-03-31 02:30" {
		t.Errorf("saved at %s, want 2024-03-31 02:30", got)
	}
}
