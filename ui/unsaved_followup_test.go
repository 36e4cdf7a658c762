package ui

import (
	"context"
	"testing"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
)

// A "Save" answer to the unsaved-changes question carries a follow-up (show
// another client, quit). When the save is refused the follow-up must be
// dropped, not left behind for the next ordinary Save to carry out.

func TestRefusedSaveDropsTheClientSwitchItWasFor(t *testing.T) {
	for _, tc := range []struct{ name, duration string }{
		{"refused by the form", "abc"}, // never reaches the store
		{"refused by the store", "0"},  // refused in the background
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := desktest.OpenStore(t)
			marta := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
			lena := desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer"})
			d := newTestDesk(t, s, Options{})
			pick(t, d, marta.ID)
			press(t, d, shortcutNewSession)
			f := d.view.Form

			// given a session with a duration that cannot be saved
			typeInto(d, f.PainBefore.Number, "5")
			typeInto(d, f.Duration, tc.duration)
			// when the therapist picks Lena and answers Save, twice
			for range 2 {
				pick(t, d, lena.ID)
				if d.Unsaved == nil {
					t.Fatal("switching with unsaved changes did not ask")
				}
				tap(d, d.Unsaved.Save)
				if d.view.Client().ID != marta.ID || d.view.Form != f {
					t.Fatalf("a refused save moved on: view on %d, form %v", d.view.Client().ID, d.view.Form != nil)
				}
				if !f.Problems.Fields["duration"].Visible() {
					t.Fatal("the duration problem is not shown")
				}
			}

			// then correcting it and saving plainly stays with Marta
			typeInto(d, f.Duration, "45")
			press(t, d, shortcutSave)
			if hist, _ := s.ClientHistory(context.Background(), marta.ID, store.Period{}); len(hist) != 1 {
				t.Fatalf("Marta's sessions = %d, want the one saved", len(hist))
			}
			if got := d.view.Client().ID; got != marta.ID {
				t.Errorf("a plain Save jumped to client %d, want Marta (%d) still", got, marta.ID)
			}
			if d.list.Selected() != marta.ID {
				t.Errorf("list on %d, want Marta", d.list.Selected())
			}
		})
	}
}

func TestRefusedSaveDropsTheQuitItWasFor(t *testing.T) {
	d, s, c := deskWithClient(t)
	closed := false
	d.window.SetOnClosed(func() { closed = true })
	press(t, d, shortcutNewSession)
	f := d.view.Form
	typeInto(d, f.PainBefore.Number, "5")
	typeInto(d, f.Duration, "0")

	// when Quit is answered with Save and the store refuses the session
	act(d, menuItem(t, d, "Quit").Action)
	tap(d, d.Unsaved.Save)
	if closed {
		t.Fatal("the window closed although the session was not saved")
	}

	// then saving the corrected session later keeps the window open
	typeInto(d, f.Duration, "60")
	press(t, d, shortcutSave)
	if hist, _ := s.ClientHistory(context.Background(), c.ID, store.Period{}); len(hist) != 1 {
		t.Fatalf("sessions = %d, want the one saved", len(hist))
	}
	if closed {
		t.Error("an ordinary Save closed the window: the refused Quit was still pending")
	}

	// and Quit answered with a Save that works still saves, then closes
	press(t, d, shortcutNewSession)
	typeInto(d, d.view.Form.Plan, "Weekly")
	act(d, menuItem(t, d, "Quit").Action)
	tap(d, d.Unsaved.Save)
	if !closed {
		t.Error("Save then quit did not close the window")
	}
	if hist, _ := s.ClientHistory(context.Background(), c.ID, store.Period{}); len(hist) != 2 {
		t.Errorf("sessions = %d, want 2", len(hist))
	}
}

func TestQuitWithAnUnsavedClientSavesItWhenAsked(t *testing.T) {
	s := desktest.OpenStore(t)
	d := newTestDesk(t, s, Options{})
	closed := false
	d.window.SetOnClosed(func() { closed = true })

	// given a new client whose date of birth is not a date
	press(t, d, shortcutNewClient)
	f := d.clientForm
	typeInto(d, f.FirstName, "Jonas")
	typeInto(d, f.LastName, "Petrauskas")
	typeInto(d, f.DateOfBirth, "31.02.1975") // no such day

	// when Quit is answered with Save, the refused save keeps everything open
	act(d, menuItem(t, d, "Quit").Action)
	if d.Unsaved == nil {
		t.Fatal("quitting with an unsaved client did not ask")
	}
	tap(d, d.Unsaved.Save)
	if closed || d.clientForm != f {
		t.Fatalf("a refused client save went on: closed %v, form open %v", closed, d.clientForm != nil)
	}
	desktest.MustContain(t, "date of birth problem", f.Problems.Fields["date_of_birth"].Text, "not a date")
	// and a later plain save does not quit
	typeInto(d, f.DateOfBirth, "1975-05-02")
	press(t, d, shortcutSave)
	if closed {
		t.Fatal("a plain Save closed the window: the refused Quit was still pending")
	}

	// when another new client is left unsaved and Quit is answered with Save
	press(t, d, shortcutNewClient)
	typeInto(d, d.clientForm.FirstName, "Lena")
	typeInto(d, d.clientForm.LastName, "Fischer")
	act(d, menuItem(t, d, "Quit").Action)
	tap(d, d.Unsaved.Save)

	// then she is saved and the window closes
	all, _ := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
	if names(all) != "Lena Fischer, Jonas Petrauskas" && names(all) != "Jonas Petrauskas, Lena Fischer" {
		t.Errorf("clients = %s, want both saved", names(all))
	}
	if d.clientForm != nil {
		t.Error("the client form is still open")
	}
	if !closed {
		t.Error("Save did not go on to close the window")
	}
}

func TestEditingTheClientKeepsTheSessionBeingWritten(t *testing.T) {
	d, s, c := deskWithClient(t)
	// given a session note half written
	press(t, d, shortcutNewSession)
	f := d.view.Form
	typeInto(d, f.Plan, "Weekly, stretch the QL daily")

	// when the therapist corrects the client's phone meanwhile
	tap(d, d.view.Header.Edit)
	typeInto(d, d.clientForm.Phone, "+41 79 555 01 02")
	press(t, d, shortcutSave)

	// then the note is still on screen, unsaved, and the header is current
	if d.view.Form != f || d.view.Mode() != clientview.ModeForm || f.Plan.Text != "Weekly, stretch the QL daily" {
		t.Fatalf("saving the client dropped the session form: form %v, mode %v", d.view.Form != nil, d.view.Mode())
	}
	desktest.MustContain(t, "header details", d.view.Header.Details.Text, "+41 79 555 01 02")
	if got, _ := s.Client(context.Background(), c.ID); got.Phone != "+41 79 555 01 02" {
		t.Errorf("phone saved = %q", got.Phone)
	}
	press(t, d, shortcutSave)
	if hist, _ := s.ClientHistory(context.Background(), c.ID, store.Period{}); len(hist) != 1 {
		t.Errorf("sessions = %d, want the note saved", len(hist))
	}
}
