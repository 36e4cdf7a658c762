package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/store/pin"
	"backtrack/store/settings"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
)

// From the client's page to the client's own screen and back: the
// therapist picks the forms, the client fills them in and signs, the PIN
// gives the desk back, and the review takes the signed consent in as
// written consent while the intake the therapist typed stays as it was.
func TestHandToClientThenReviewTheFormsBesideTheRecord(t *testing.T) {
	ctx := context.Background()
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer"})
	if err := s.SaveIntake(ctx, c.ID, store.Intake{Date: desktest.Now.AddDate(0, -1, 0), Reason: "Sciatica, left"},
		store.TypedAlerts{}, nil); err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, s, Options{})
	d.app.Preferences().SetString(settings.KeyTherapist, "Anna Keller")
	pick(t, d, c.ID)
	v := d.view

	// without a PIN, the PIN comes first
	handOver := menuItem(t, d, "Hand to client…")
	if handOver.Disabled {
		t.Fatal("Hand to client… is greyed out with a client shown")
	}
	act(d, handOver.Action)
	if v.PINDialog == nil || v.HandOverDialog != nil {
		t.Fatal("Hand to client without a PIN did not ask for one")
	}
	act(d, v.PINDialog.Hide)
	hash, _ := pin.Hash("2468")
	d.app.Preferences().SetString(settings.KeyClientPIN, hash)
	act(d, handOver.Action)
	h := v.HandOverDialog
	if h == nil || h.Forms[store.FormIntake].Checked || !h.Forms[store.FormConsent].Checked || !h.Areas[store.AreaGluteal].Checked {
		t.Fatalf("the forms proposed: %+v", h)
	}
	act(d, func() { h.Forms[store.FormIntake].SetChecked(true) })
	tap(d, h.HandOver)
	cs := v.ClientScreen
	if cs == nil || d.window.MainMenu() != nil {
		t.Fatal("the window was not handed to the client")
	}

	act(d, func() {
		test.Type(cs.Answers.Reason, "Low back, since lifting a sofa")
		test.Tap(cs.Answers.Flags[store.SaddleNumbness].No)
		test.Tap(cs.Answers.GeneralConsent.Yes)
		test.Tap(cs.Answers.Areas[store.AreaGluteal].Yes)
		test.Tap(cs.Answers.Pain.Buttons[5])
		for cs.At() < cs.Pages()-1 {
			test.Tap(cs.Next)
		}
		test.Type(cs.Answers.Name, "Lena Fischer")
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(cs.Answers.Pad)
		test.Drag(d.window.Canvas(), at.Add(fyne.NewPos(200, 100)), 120, -40)
		test.Tap(cs.Next)
	})
	if !cs.Finished() {
		t.Fatalf("the client could not finish: %q", cs.Message.Text)
	}
	giveBackWithPIN(d, cs)
	r := v.Review
	if d.window.MainMenu() == nil || r == nil {
		t.Fatal("the PIN did not give the desk back with the review")
	}
	if r.Choices[store.FormConsent].Selected != clientview.ReviewAccept || r.Replace.Checked {
		t.Fatalf("the review's defaults: consent %q, replace %v", r.Choices[store.FormConsent].Selected, r.Replace.Checked)
	}
	act(d, func() { r.Choices[store.FormPain].SetSelected(clientview.ReviewDecline) })
	tap(d, r.Save)

	h2, _ := s.Health(ctx, c.ID)
	if h2.Intake.Reason != "Sciatica, left" {
		t.Errorf("the therapist's intake was overwritten: %q", h2.Intake.Reason)
	}
	if st := store.AreaStatusOn(h2.Consents, store.AreaGluteal, desktest.Now); st.State != store.AreaConsented || st.How != store.ConsentWritten {
		t.Errorf("the gluteal region after the review: %s", st.Words())
	}
	subs, _ := s.Submissions(ctx, c.ID)
	if len(subs) != 1 || len(subs[0].Pending()) != 0 {
		t.Fatalf("submissions after the review: %+v", subs)
	}
	if r, _ := subs[0].Review(store.FormPain); r.Accepted || r.By != "Anna Keller" {
		t.Errorf("pain today's review: %+v", r)
	}
	log, _ := s.AuditLog(ctx, store.AuditQuery{ClientUID: c.UID})
	var text strings.Builder
	for _, e := range log {
		text.WriteString(string(e.Action) + " " + e.Detail + "\n")
	}
	desktest.MustContain(t, "history", text.String(), "submission.received", "submission.reviewed", "consent.recorded",
		`kept "Sciatica, left" as recorded`)
}
