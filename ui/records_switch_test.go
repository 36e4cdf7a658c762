package ui

import (
	"context"
	"testing"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

// Work started on one set of records (the sample practice, or the records
// before a restore) must finish on those records, even when the desk has
// switched to others before the work ran.
func TestWorkStartedBeforeASwitchOfRecordsStaysWithThem(t *testing.T) {
	ctx := context.Background()
	// given two databases whose first session has the same ID
	first, other := desktest.OpenStore(t), desktest.OpenStore(t)
	marta := desktest.AddClient(t, first, store.Client{FirstName: "Marta", LastName: "Nowak"})
	gone := desktest.AddSession(t, first, store.Session{ClientID: marta.ID, Start: desktest.Now.AddDate(0, 0, -2)})
	lena := desktest.AddClient(t, other, store.Client{FirstName: "Lena", LastName: "Fischer"})
	kept := desktest.AddSession(t, other, store.Session{ClientID: lena.ID, Start: desktest.Now.AddDate(0, 0, -1)})
	if gone.ID != kept.ID {
		t.Fatalf("session IDs %d and %d differ; the test needs them equal", gone.ID, kept.ID)
	}
	d := newTestDesk(t, first, Options{})
	pick(t, d, marta.ID)
	act(d, func() { d.view.ShowDetail(d.view.Sessions[0]) })
	tap(d, d.view.Detail.Delete)
	if d.Confirm == nil {
		t.Fatal("Delete did not ask first")
	}

	// when the delete is confirmed but only runs after the desk switched
	hold := make(chan struct{})
	d.tasks.OnUI(func() {
		d.tasks.Hold = hold
		d.Confirm.OK.OnTapped()
		d.useStore(other)
		d.tasks.Hold = nil
	})
	close(hold)
	d.wait()

	// then the session is deleted where it was shown, not in the other records
	if hist, _ := first.ClientHistory(ctx, marta.ID, store.Period{}); len(hist) != 0 {
		t.Errorf("Marta's session is still there: %+v", hist)
	}
	if hist, _ := other.ClientHistory(ctx, lena.ID, store.Period{}); len(hist) != 1 {
		t.Errorf("the other records lost Lena's session with the same ID (%d left)", len(hist))
	}
	if d.view.Client().ID != 0 {
		t.Errorf("the view shows client %q from the records it was not asked for", d.view.Client().FullName())
	}
}

func TestLoadsStartedBeforeASwitchOfRecordsReadTheirOwn(t *testing.T) {
	first, other := desktest.OpenStore(t), desktest.OpenStore(t)
	desktest.AddClient(t, first, store.Client{FirstName: "Marta", LastName: "Nowak"})
	desktest.AddClient(t, other, store.Client{FirstName: "Lena", LastName: "Fischer"})
	d := newTestDesk(t, first, Options{})

	// when a search, a client and the vocabulary are asked of the first
	// records, and the desk switches before that work runs
	hold := make(chan struct{})
	var vocabLanded bool
	d.tasks.OnUI(func() {
		d.tasks.Hold = hold
		d.list.Reload()
		d.WithVocabulary(func(map[store.Kind][]store.Term) { vocabLanded = true })
		d.store = other // the swap alone, without the reloads useStore starts
		d.tasks.Hold = nil
	})
	close(hold)
	d.wait()

	// then the list shows the records it asked, and the vocabulary of
	// records no longer open is not handed on
	if got := names(d.list.Rows()); got != "Marta Nowak" {
		t.Errorf("list = %q, want the first records' Marta Nowak", got)
	}
	if vocabLanded {
		t.Error("vocabulary of records no longer open was handed to a form")
	}
}
