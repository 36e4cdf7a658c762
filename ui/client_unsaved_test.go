package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

func TestClientFormAsksAboutUnsavedChanges(t *testing.T) {
	s := desktest.OpenStore(t)
	lena := desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer", Phone: "+49 30 1234"})
	d := newTestDesk(t, s, Options{})
	clients := func() int {
		all, _ := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
		return len(all)
	}

	// an untouched form closes at once on Escape
	press(t, d, shortcutNewClient)
	if d.clientForm == nil || d.window.Canvas().Focused() != d.clientForm.FirstName {
		t.Fatal("Ctrl+Shift+N did not open the client form with the cursor in the first name")
	}
	pressKey(d, fyne.KeyEscape)
	if d.clientForm != nil || d.Unsaved != nil {
		t.Fatal("an untouched client form asked before closing, or stayed open")
	}

	// a typed name makes Escape ask; keeping it loses nothing
	press(t, d, shortcutNewClient)
	f := d.clientForm
	typeInto(d, f.FirstName, "Jonas")
	pressKey(d, fyne.KeyEscape)
	if d.Unsaved == nil {
		t.Fatal("Escape on a changed client form did not ask")
	}
	tap(d, d.Unsaved.Keep)
	if d.clientForm != f || f.FirstName.Text != "Jonas" || d.Unsaved != nil {
		t.Fatal("Keep editing lost the client form or its text")
	}

	// the Cancel button asks too; discarding closes and saves nothing
	tap(d, f.Cancel)
	if d.Unsaved == nil {
		t.Fatal("Cancel on a changed client form did not ask")
	}
	tap(d, d.Unsaved.Discard)
	if d.clientForm != nil || clients() != 1 {
		t.Fatalf("after Discard: form open %v, %d clients in the store", d.clientForm != nil, clients())
	}

	// choosing Save with a problem keeps the form open, the problem at its field
	press(t, d, shortcutNewClient)
	f = d.clientForm
	typeInto(d, f.FirstName, "Jonas")
	typeInto(d, f.DateOfBirth, "31.02.1975") // no such day
	pressKey(d, fyne.KeyEscape)
	tap(d, d.Unsaved.Save)
	if d.clientForm != f || !f.Problems.Fields["date_of_birth"].Visible() || clients() != 1 {
		t.Fatalf("Save of a bad date: form open %v, error shown %v, %d clients",
			d.clientForm == f, f.Problems.Fields["date_of_birth"].Visible(), clients())
	}
	tap(d, f.Cancel)
	tap(d, d.Unsaved.Discard)

	// closing the window over an edited client asks; Save saves, then closes
	pick(t, d, lena.ID)
	tap(d, d.view.Header.Edit)
	f = d.clientForm
	if f == nil || f.Phone.Text != "+49 30 1234" {
		t.Fatal("Edit client did not open the form filled in")
	}
	typeInto(d, f.Phone, "+49 30 9876")
	closed := false
	act(d, func() { d.leaveAll(func() { closed = true }) })
	if d.Unsaved == nil || closed {
		t.Fatal("closing the window over an edited client did not ask first")
	}
	tap(d, d.Unsaved.Save)
	if !closed || d.clientForm != nil {
		t.Fatalf("after Save: window closed %v, form open %v (%q)", closed, d.clientForm != nil, f.Problems.Summary.Text)
	}
	got, err := s.Client(context.Background(), lena.ID)
	if err != nil || got.Phone != "+49 30 9876" {
		t.Errorf("Lena's phone = %q (%v), want the edited one", got.Phone, err)
	}
}
