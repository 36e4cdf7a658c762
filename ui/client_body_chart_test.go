package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backtrack/report/bodymap"
	"backtrack/store"
	"backtrack/store/pin"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
	"backtrack/ui/clientmode"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
)

// The therapist ticks where it hurts beside pain today, the client taps
// the chart on their screen, and the review shows the places beside
// today's draft note and adds them to its chart, the therapist's own mark
// kept as recorded.
func TestTheClientTapsWhereItHurtsAndTheReviewAddsItToTodaysDraft(t *testing.T) {
	ctx := context.Background()
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer"})
	sharp, err := s.TermNamed(ctx, store.PainType, "Sharp / stabbing")
	if err != nil {
		t.Fatal(err)
	}
	draft, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: store.WallClock(desktest.Now),
		DurationMin: 60, BodyMap: []store.BodyMark{{Region: "lumbar-l", PainType: store.Tag{TermID: sharp.ID}}}}})
	if err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, s, Options{})
	d.app.Preferences().SetString(settings.KeyTherapist, "Anna Keller")
	hash, _ := pin.Hash("2468")
	d.app.Preferences().SetString(settings.KeyClientPIN, hash)
	pick(t, d, c.ID)
	v := d.view
	act(d, menuItem(t, d, "Hand to client…").Action)
	h := v.HandOverDialog
	if h.Forms[store.FormBodyChart] == nil || h.Forms[store.FormBodyChart].Text != "Where it hurts (body chart)" {
		t.Fatalf("no tick for the body chart: %+v", h.Forms)
	}
	act(d, func() {
		h.Forms[store.FormIntake].SetChecked(false)
		h.Forms[store.FormConsent].SetChecked(false)
		h.Forms[store.FormBodyChart].SetChecked(true)
	})
	tap(d, h.HandOver)
	cs := v.ClientScreen
	act(d, func() {
		test.Tap(cs.Next)
		test.Tap(cs.Answers.Pain.Buttons[4])
		test.Tap(cs.Next)
		chart := cs.Answers.Where.Chart
		size := chart.Size()
		fig := bodymap.Layout(0, 0, float64(size.Width), float64(size.Height))
		for _, id := range []store.RegionID{"lumbar-l", "sacral"} {
			sh, _ := fig.ShapeOf(id)
			test.TapAt(chart, fyne.NewPos(float32(sh.Centre.X), float32(sh.Centre.Y)))
		}
		test.Tap(cs.Answers.Where.Regions["knee-r"])
		for !cs.Finished() && cs.At() < cs.Pages()-1 {
			test.Tap(cs.Next)
		}
		test.Tap(cs.Next)
	})
	if !cs.Finished() {
		t.Fatalf("the client could not finish: %q", cs.Message.Text)
	}
	giveBackWithPIN(d, cs)
	r := v.Review
	if r == nil || r.Choices[store.FormBodyChart].Selected != clientview.ReviewAccept {
		t.Fatal("the review does not offer where it hurts")
	}
	desktest.MustContain(t, "the review", r.Said[store.FormBodyChart].Text+"\n"+r.OnFile[store.FormBodyChart].Text,
		"Where it hurts: Lumbar (L), Sacral, Knee (R)", "Draft note of "+draft.Start.Format(store.StartLayout)+": Lumbar (L): Sharp / stabbing")
	tap(d, r.Save)

	note, err := s.Session(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := store.BodyMapLabels(note.BodyMap); got != "Lumbar (L): Sharp / stabbing; Sacral; Knee (R)" {
		t.Fatalf("today's draft after the review: %q", got)
	}
	log, _ := s.AuditLog(ctx, store.AuditQuery{ClientUID: c.UID})
	var text strings.Builder
	for _, e := range log {
		text.WriteString(string(e.Action) + " " + e.Detail + "\n")
	}
	desktest.MustContain(t, "history", text.String(), "session.edited", "accepted Pain today, Where it hurts (body chart)")
}

// giveBackWithPIN is the therapist taking the device back: the person
// button, the PIN 2468, Unlock.
func giveBackWithPIN(d *Desk, cs *clientmode.Screen) {
	act(d, func() {
		test.Tap(cs.Therapist)
		test.Type(cs.Lock.PIN, "2468")
		test.Tap(cs.Lock.Unlock)
	})
}
