package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
	"backtrack/ui/sessionform"
)

// The bugs of the desk's keys a therapist met, each through the keys
// alone, over a session being written.

func TestCtrlSInSettingsOverASessionSavesTheSettingsNotTheSession(t *testing.T) {
	d, _, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	typeInto(d, d.view.Form.PainBefore.Number, "5")
	press(t, d, shortcutSettings)
	typeInto(d, d.settings.Practice, "Back in Balance")
	press(t, d, shortcutSave)
	if got := d.app.Preferences().String(settings.KeyPracticeName); got != "Back in Balance" {
		t.Errorf("Ctrl+S in Settings left the practice name %q", got)
	}
	if n := len(sessionsOf(t, d, c.ID)); n != 0 || d.view.Form == nil || d.view.Form.PainBefore.Number.Text != "5" {
		t.Fatalf("Ctrl+S in Settings reached the session beneath: %d saved, form open %v", n, d.view.Form != nil)
	}
	if len(d.window.Canvas().Overlays().List()) != 0 {
		t.Errorf("Settings stayed open: %s", desktest.ShownText(d.window))
	}
}

func TestCtrlSInTheRedFlagScreenOverASessionSavesTheScreen(t *testing.T) {
	d, s, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	typeInto(d, d.view.Form.PainBefore.Number, "5")
	act(d, func() { d.view.Form.OnScreen(desktest.Now) })
	if d.view.ScreenDialog == nil {
		t.Fatal("no red-flag screen opened")
	}
	press(t, d, shortcutSave)
	if n := len(sessionsOf(t, d, c.ID)); n != 0 || d.view.Form == nil {
		t.Fatalf("Ctrl+S in the red-flag screen saved the session beneath (%d saved, form open %v)", n, d.view.Form != nil)
	}
	h, err := s.Health(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Screens) == 0 && d.view.ScreenDialog != nil && d.view.ScreenDialog.Summary.Text == "" {
		t.Error("Ctrl+S did nothing in the red-flag screen: neither saved nor a problem shown")
	}
}

func TestEscapeClosesTheIntakeAndTheMeasureAskingWhenSomethingWasTyped(t *testing.T) {
	d, _, _ := deskWithClient(t)
	act(d, d.view.Header.Intake.OnTapped)
	pressKey(d, fyne.KeyEscape)
	if d.view.IntakeDialog != nil {
		t.Fatal("Escape left the untouched intake open")
	}
	act(d, d.view.Header.Intake.OnTapped)
	act(d, func() { d.window.Canvas().Focus(d.view.IntakeDialog.Reason) })
	typeInto(d, d.view.IntakeDialog.Reason, "Lower back since March")
	pressKey(d, fyne.KeyEscape)
	if d.view.IntakeDialog == nil || !strings.Contains(desktest.ShownText(d.window), "not saved") {
		t.Fatalf("Escape after typing in the intake did not ask (intake open %v): %q", d.view.IntakeDialog != nil, desktest.ShownText(d.window))
	}
	tap(d, desktest.FindButton(d.window.Canvas().Overlays().Top(), "Discard"))
	if d.view.IntakeDialog != nil {
		t.Fatal("Discard left the intake open")
	}

	act(d, d.view.Header.Measure.OnTapped)
	if len(d.window.Canvas().Overlays().List()) != 1 {
		t.Fatal("no measure dialog")
	}
	pressKey(d, fyne.KeyEscape)
	if n := len(d.window.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("Escape left the measure open (%d dialogs)", n)
	}
}

func TestTheConsentQuestionAtSaveTakesTheKeyboard(t *testing.T) {
	d, _, c := gateDesk(t, true, "")
	tick(t, d, store.Muscle, "Gluteus medius", store.Left)
	q := d.view.ConsentAsk
	if q == nil {
		t.Fatal("no question")
	}
	if f := d.window.Canvas().Focused(); f != q.Choices[store.BackToNote] {
		t.Fatalf("the question opened with the focus on %T, want Back to the note", f)
	}
	k := &keyboard{t: t, d: d}
	for range 5 {
		k.key(fyne.KeyTab, false)
		if f := d.window.Canvas().Focused(); !questionHolds(q, f) {
			t.Fatalf("Tab left the question for %T", f)
		}
	}
	act(d, func() { d.window.Canvas().Focus(q.Choices[store.BackToNote]) })
	k.key(fyne.KeyReturn, false)
	if d.view.ConsentAsk != nil || muscleTicked(d, "Gluteus medius") || len(sessionsOf(t, d, c.ID)) != 0 {
		t.Fatalf("Enter on Back to the note: asked %v, ticked %v", d.view.ConsentAsk != nil, muscleTicked(d, "Gluteus medius"))
	}
}

// questionHolds reports whether f is one of the question's own fields.
func questionHolds(q *sessionform.ConsentGate, f fyne.Focusable) bool {
	if f == nil {
		return false
	}
	if f == fyne.Focusable(q.Reason) {
		return true
	}
	for _, b := range q.Choices {
		if f == fyne.Focusable(b) {
			return true
		}
	}
	return false
}

func TestTheVoidDialogTakesEnterAndSaysTheReasonIsNeeded(t *testing.T) {
	d, s, c := deskWithClient(t)
	sess := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7), PainBefore: store.PainOf(5)})
	if _, err := s.SignSession(context.Background(), sess.ID, "Anna Keller"); err != nil {
		t.Fatal(err)
	}
	act(d, func() { d.app.Preferences().SetString(settings.KeyTherapist, "Anna Keller") })
	pick(t, d, c.ID)
	act(d, func() { d.view.ShowDetail(sessionsOf(t, d, c.ID)[0]) })
	act(d, d.view.Detail.Void.OnTapped)
	reason, ok := d.window.Canvas().Focused().(*kit.Entry)
	if !ok {
		t.Fatalf("the void dialog opened with the focus on %T, want its reason", d.window.Canvas().Focused())
	}
	pressKey(d, fyne.KeyReturn)
	if len(d.window.Canvas().Overlays().List()) != 1 || !strings.Contains(desktest.ShownText(d.window), "Say why the note was entered in error") {
		t.Fatalf("Enter with no reason: %d dialogs, saying %q", len(d.window.Canvas().Overlays().List()), desktest.ShownText(d.window))
	}
	typeInto(d, reason, "recorded on the wrong client")
	pressKey(d, fyne.KeyReturn)
	rec, err := s.ClientRecord(context.Background(), c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Voided) != 1 || rec.Voided[0].VoidReason != "recorded on the wrong client" {
		t.Fatalf("Enter with a reason voided %d notes", len(rec.Voided))
	}
}

func TestEnterOnAHighlightedClientRowOpensTheClient(t *testing.T) {
	d, s, _ := deskWithClient(t)
	other := desktest.AddClient(t, s, store.Client{FirstName: "Jonas", LastName: "Weber"})
	act(d, d.list.Reload)
	act(d, func() { d.window.Canvas().Focus(d.list.List) })
	row := -1
	for i, r := range d.list.Rows() {
		if r.ID == other.ID {
			row = i
		}
	}
	for range row {
		pressKey(d, fyne.KeyDown)
	}
	pressKey(d, fyne.KeyReturn)
	if d.view.Client().ID != other.ID {
		t.Fatalf("Enter on %s's row shows %q", other.FullName(), d.view.Client().FullName())
	}
}

func TestTabAfterTheLastODIFieldLandsOnSave(t *testing.T) {
	d, _, _ := deskWithClient(t)
	var m *clientview.MeasureDialog
	act(d, func() {
		m = clientview.NewMeasureDialog(d.view, nil, desktest.Now)
		m.Show()
	})
	act(d, func() { d.window.Canvas().Focus(m.ODI[len(m.ODI)-1]) })
	(&keyboard{t: t, d: d}).key(fyne.KeyTab, false)
	if f := d.window.Canvas().Focused(); f != m.Save {
		t.Fatalf("Tab after the last ODI field went to %v, want Save", f)
	}
}
