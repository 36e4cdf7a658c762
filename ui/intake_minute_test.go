package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

// Given an intake where the client said yes to one condition
// When the therapist presses "The rest are No" for the conditions
// Then every other condition is No, the yes stays, and the questions of
// the other sections stay not asked: an unasked question is never a no.
func TestTheRestAreNoAnswersOnlyItsSectionsUnansweredQuestions(t *testing.T) {
	d, _, _ := deskWithClient(t)
	tap(d, d.view.Header.Intake)
	e := d.view.IntakeDialog
	act(d, func() { e.Conditions[store.Osteoporosis].Choice.SetSelected("Yes") })
	if len(e.RestNo) < 4 {
		t.Fatalf("%d “the rest are No” buttons; want one for each section of questions", len(e.RestNo))
	}
	// the sections in order: conditions first
	tap(d, e.RestNo[0])
	for _, cond := range store.Conditions {
		want := "No"
		if cond == store.Osteoporosis {
			want = "Yes"
		}
		if got := e.Conditions[cond].Choice.Selected; got != want {
			t.Errorf("%s = %q, want %q", cond.Label(), got, want)
		}
	}
	for _, a := range store.Activities {
		if got := e.Activities[a].Choice.Selected; got != "Not asked" {
			t.Errorf("%s, in another section, = %q", a.Label(), got)
		}
	}
	for flag, row := range e.Screen.Answers {
		if got := row.Choice.Selected; got != "Not asked" {
			t.Errorf("red flag %s = %q", flag, got)
		}
	}
}

// Every question is answered from the keyboard: n, y or a chooses No, Yes
// or Not asked and moves the focus to the next question, the last one to
// Save; nothing but the question answered changes.
func TestTheIntakeIsAnsweredQuestionByQuestionWithNYA(t *testing.T) {
	d, s, c := deskWithClient(t)
	tap(d, d.view.Header.Intake)
	e := d.view.IntakeDialog
	canvas := d.window.Canvas()
	if len(e.Questions) < 20 {
		t.Fatalf("%d questions on the keys' path", len(e.Questions))
	}
	act(d, func() { canvas.Focus(e.Questions[0].Choice) })
	keys := []rune{'n', 'y', 'a'}
	want := map[rune]string{'n': "No", 'y': "Yes", 'a': "Not asked"}
	for i, q := range e.Questions {
		if canvas.Focused() != q.Choice {
			t.Fatalf("question %d does not have the focus (%T has)", i, canvas.Focused())
		}
		key := keys[i%len(keys)]
		act(d, func() { canvas.Focused().TypedRune(key) })
		if q.Choice.Selected != want[key] {
			t.Errorf("question %d after %q = %q", i, key, q.Choice.Selected)
		}
	}
	if canvas.Focused() != e.Save {
		t.Errorf("after the last question the focus is on %T, not Save", canvas.Focused())
	}
	typeInto(d, e.Reason, "Back pain")
	tap(d, e.Save)
	h, _ := s.Health(context.Background(), c.ID)
	if !h.Intake.OnFile() || h.Intake.PreviousTreatment.State != store.AnsweredNo {
		t.Errorf("saved: %+v", h.Intake)
	}
}

// The mouse wheel over a multi-line field scrolls the dialog's page: the
// field's own few lines do not stop it.
func TestTheWheelOverANoteFieldScrollsTheIntake(t *testing.T) {
	d, _, _ := deskWithClient(t)
	resizeWindow(d, 1024, 700)
	tap(d, d.view.Header.Intake)
	e := d.view.IntakeDialog
	canvas := d.window.Canvas()
	drv := fyne.CurrentApp().Driver()
	over := drv.AbsolutePositionForObject(e.Reason).Add(fyne.NewPos(e.Reason.Size().Width/2, e.Reason.Size().Height/2))
	before := e.Page.Offset.Y
	act(d, func() { test.Scroll(canvas, over, 0, -120) })
	if e.Page.Offset.Y <= before {
		t.Errorf("the wheel over the reason left the page at %v (from %v)", e.Page.Offset.Y, before)
	}
}

// Recording what was done about a red flag opens the screen on the
// referral and clearance, not thirty questions above them, and every date
// in it has a Today button.
func TestRecordWhatWasDoneOpensOnTheReferral(t *testing.T) {
	d, s, c := deskWithClient(t)
	if _, err := s.SaveScreen(context.Background(), c.ID, store.RedFlagScreen{On: desktest.Now.AddDate(0, 0, -1),
		Answers: map[store.RedFlag]store.Answer{store.SaddleNumbness: {State: store.AnsweredYes, Detail: "since Sunday"}}}); err != nil {
		t.Fatal(err)
	}
	act(d, func() { d.view.Reload() })
	h := d.view.Header
	if !h.Refer.Visible() {
		t.Fatal("no refer banner")
	}
	if h.ReferDone.Text != "Record what was done…" {
		t.Errorf("the button reads %q", h.ReferDone.Text)
	}
	resizeWindow(d, 1024, 700)
	tap(d, h.ReferDone)
	e := d.view.ScreenDialog
	if e == nil {
		t.Fatal("Record what was done… opened nothing")
	}
	inPage := func(o fyne.CanvasObject) bool {
		drv := fyne.CurrentApp().Driver()
		top := drv.AbsolutePositionForObject(o).Y - drv.AbsolutePositionForObject(e.Page).Y
		return o.Visible() && top >= 0 && top+o.Size().Height <= e.Page.Size().Height
	}
	for name, o := range map[string]fyne.CanvasObject{"Referred to": e.Fields.ReferredTo, "Referred on": e.Fields.ReferredOn.Entry,
		"Cleared by": e.Fields.ClearedBy, "Cleared on": e.Fields.ClearedOn.Entry} {
		if !inPage(o) {
			t.Errorf("%s is not in view when the screen opens", name)
		}
	}
	tap(d, e.Fields.ClearedOn.Today)
	if got := e.Fields.ClearedOn.Entry.Text; got != "2026-11-25" {
		t.Errorf("Today wrote %q", got)
	}
	typeInto(d, e.Fields.ReferredTo, "Dr Weber, GP")
	tap(d, e.Fields.ReferredOn.Today)
	typeInto(d, e.Fields.ClearedBy, "Dr Weber")
	tap(d, e.Save)
	if e.Summary.Text != "" {
		t.Fatalf("not saved: %s", e.Summary.Text)
	}
	hl, _ := s.Health(context.Background(), c.ID)
	if len(hl.Screens) != 1 || hl.Screens[0].ReferredTo != "Dr Weber, GP" || hl.Screens[0].ClearedOn.IsZero() {
		t.Errorf("saved: %+v", hl.Screens)
	}
}

// Every date in the intake and consent dialogs has a Today button.
func TestEveryHealthDateHasToday(t *testing.T) {
	d, _, _ := deskWithClient(t)
	tap(d, d.view.Header.Intake)
	e := d.view.IntakeDialog
	act(d, func() { e.Date.Entry.SetText("") })
	tap(d, e.Date.Today)
	if e.Date.Entry.Text != "2026-11-25" || e.Screen.ReferredOn.Today == nil || e.Screen.ClearedOn.Today == nil {
		t.Errorf("intake date after Today: %q", e.Date.Entry.Text)
	}
	tap(d, e.Cancel)
	tap(d, d.view.Header.Consent)
	cd := d.view.ConsentDialog
	act(d, func() { cd.Date.Entry.SetText("") })
	tap(d, cd.Date.Today)
	tap(d, cd.WithdrawnOn.Today)
	if cd.Date.Entry.Text != "2026-11-25" || cd.WithdrawnOn.Entry.Text != "2026-11-25" {
		t.Errorf("consent dates after Today: %q, %q", cd.Date.Entry.Text, cd.WithdrawnOn.Entry.Text)
	}
}
