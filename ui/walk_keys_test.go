package ui

import (
	"context"
	"testing"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

func TestCopyFromLastSessionHasAKeyAndTypingGoesOnAtPainBefore(t *testing.T) {
	// given a client seen a week ago and a new session opened by Ctrl+N
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Jonas", LastName: "Petrauskas"})
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7),
		PainBefore: store.PainOf(7), PainAfter: store.PainOf(4),
		Techniques: []store.Tag{{TermID: desktest.Term(t, s, store.Technique, "Stretching").ID}},
		Notes:      store.SOAP{Plan: "Weekly for a month"},
	})
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	press(t, d, shortcutNewSession)
	f := d.view.Form

	// when the therapist presses Ctrl+Shift+L
	press(t, d, shortcutCopyLast)

	// then the last visit's plan and techniques come across
	if got := store.TagLabels(f.Pickers[store.Technique].Tags()); got != "Stretching" || f.Plan.Text != "Weekly for a month" {
		t.Errorf("copied: techniques %q, plan %q", got, f.Plan.Text)
	}
	// and the keys go on at pain before, where what changed is typed first
	if got := d.window.Canvas().Focused(); got != f.PainBefore.Number {
		t.Errorf("the focus is on %T, not pain before", got)
	}
	// and a second press copies nothing twice
	press(t, d, shortcutCopyLast)
	if got := store.TagLabels(f.Pickers[store.Technique].Tags()); got != "Stretching" {
		t.Errorf("after a second press: %q", got)
	}
}

func TestWordsTypedInATagRowButNotAddedAreNotDroppedOnSave(t *testing.T) {
	// given a client and a new session whose Muscles box holds a line typed
	// there by mistake
	d, s, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	typeInto(d, f.PainBefore.Number, "7")
	typeInto(d, f.Pickers[store.Muscle].AddName, "Sitting all day, worse at night")

	// when the therapist saves
	press(t, d, shortcutSave)

	// then nothing is saved, and the row says why in words
	if hist, _ := s.ClientHistory(context.Background(), c.ID, store.Period{}); len(hist) != 0 {
		t.Errorf("saved, dropping the typed words: %+v", hist)
	}
	desktest.MustContain(t, "muscles error", f.Pickers[store.Muscle].Error.Text, "“Sitting all day, worse at night” is typed here but not added")

	// and once the box is cleared the note saves
	typeInto(d, f.Pickers[store.Muscle].AddName, "")
	press(t, d, shortcutSave)
	if hist, _ := s.ClientHistory(context.Background(), c.ID, store.Period{}); len(hist) != 1 {
		t.Errorf("after clearing the box: %d sessions saved", len(hist))
	}
}
