package ui

import (
	"context"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/testkit"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
)

// eventually checks cond on the UI goroutine until it holds. The limit
// only keeps a broken test from hanging: nothing here is timed.
func eventually(t *testing.T, d *Desk, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); ; {
		var ok bool
		d.tasks.OnUI(func() { ok = cond() })
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("never happened: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func listed(d *Desk, uid string) bool {
	for _, r := range d.list.Rows() {
		if r.UID == uid {
			return true
		}
	}
	return false
}

func TestAnotherDesksClientsAndSessionsAppearWithoutAReload(t *testing.T) {
	// given two desks on one record (two on one file; two on the server
	// in the PostgreSQL pass)
	other, mine := testkit.OpenStorePair(t)
	anna := desktest.AddClient(t, mine, store.Client{FirstName: "Anna", LastName: "Keller"})
	desktest.AddClient(t, mine, store.Client{FirstName: "Ben", LastName: "Kowalski"})
	d := newTestDesk(t, mine, Options{})
	d.StartWatching()
	t.Cleanup(d.stopWatching)
	pick(t, d, anna.ID)
	act(d, func() { d.list.Search.SetText("k") })

	// when the other desk adds a client
	marta := desktest.AddClient(t, other, store.Client{FirstName: "Marta", LastName: "Kowalczyk"})
	// then it appears in the list, the search and the selection kept
	eventually(t, d, "Marta appears in the list", func() bool { return listed(d, marta.UID) })
	d.tasks.OnUI(func() {
		if d.list.Search.Text != "k" || d.list.Selected() != anna.ID || d.view.Client().ID != anna.ID {
			t.Errorf("search %q, selected %d, shown %d: want the search and Anna kept", d.list.Search.Text, d.list.Selected(), d.view.Client().ID)
		}
	})

	// and a session the other desk records for the open client shows in
	// her history
	first := desktest.AddSession(t, other, store.Session{ClientID: anna.ID, Start: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC),
		Notes: store.SOAP{Subjective: "from the other desk"}})
	eventually(t, d, "the session appears in Anna's history", func() bool { return d.view.NoteIndex(first.ID) >= 0 })

	// but a form being typed into is never replaced
	act(d, d.view.NewSession)
	form := d.view.Form
	if form == nil {
		t.Fatal("no session form")
	}
	act(d, func() { form.Subjective.SetText("typed while the other desk saves") })
	second := desktest.AddSession(t, other, store.Session{ClientID: anna.ID, Start: time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC),
		Notes: store.SOAP{Subjective: "again"}})
	eventually(t, d, "the second session reaches the view", func() bool { return d.view.NoteIndex(second.ID) >= 0 })
	d.tasks.OnUI(func() {
		if d.view.Form != form || d.view.Mode() != clientview.ModeForm || form.Subjective.Text != "typed while the other desk saves" {
			t.Errorf("form %p (was %p), mode %v, text %q: the form was replaced", d.view.Form, form, d.view.Mode(), form.Subjective.Text)
		}
	})
	act(d, form.Submit)
	eventually(t, d, "the form saves and closes", func() bool { return d.view.Mode() == clientview.ModeOverview && len(d.view.Sessions) == 3 })
}

func TestAnEmptyDeskLeavesItsWelcomeWhenAnotherDeskAddsAClient(t *testing.T) {
	other, mine := testkit.OpenStorePair(t)
	d := newTestDesk(t, mine, Options{})
	d.StartWatching()
	t.Cleanup(d.stopWatching)
	if !d.Welcoming() {
		t.Fatal("an empty record should open on the welcome")
	}
	c, err := other.CreateClient(context.Background(), store.Client{FirstName: "Marta", LastName: "Nowak"})
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, d, "the list replaces the welcome", func() bool { return !d.Welcoming() && listed(d, c.UID) })
}
