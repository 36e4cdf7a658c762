package ui

import (
	"context"
	"testing"

	"backtrack/store"
	"backtrack/store/testkit"
	"backtrack/ui/internal/desktest"
)

// A new client typed while the server goes away is kept and sent again,
// and added once even when an attempt landed whose answer was lost.
func TestClinicNewClientWaitsForTheServerAndIsAddedOnce(t *testing.T) {
	srv := testkit.PrivateServer(t)
	s := testkit.OpenStoreAt(t, srv.NewDatabase(t, "desk"))
	desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	d := newTestDesk(t, s, Options{})
	act(d, d.newClient)
	f := d.clientForm
	if f == nil {
		t.Fatal("no client form")
	}
	if f.Base.UID == "" {
		t.Fatal("the new client has no identifier while the form is open")
	}
	typeInto(d, f.FirstName, "Lena")
	typeInto(d, f.LastName, "Fischer")

	// when the server goes away as the therapist saves
	srv.Kill(t)
	tap(d, f.Save)
	// then the form says so in a sentence, keeps the text, and offers to retry
	d.tasks.OnUI(func() {
		if d.clientForm != f || f.FirstName.Text != "Lena" || f.LastName.Text != "Fischer" {
			t.Fatal("the form or its text went")
		}
		assertRetrying(t, &f.Saving, "what you typed")
	})
	// and when an attempt landed whose answer never came back (the form's
	// client, as it sends it), Retry now finds it rather than adding her again
	srv.Restart(t)
	landed, _ := f.Read()
	eventually(t, d, "the lost attempt lands", func() bool {
		_, err := s.CreateClient(context.Background(), landed)
		return err == nil
	})
	eventually(t, d, "the client is saved", func() bool {
		if d.clientForm == f && !f.Saving.Busy && f.Saving.Retry.Again != nil {
			f.Saving.Retry.RetryNow()
		}
		return d.clientForm == nil
	})
	clients, err := s.SearchClients(context.Background(), store.ClientQuery{Text: "Lena"})
	if err != nil {
		t.Fatal(err)
	}
	if len(clients) != 1 || clients[0].FullName() != "Lena Fischer" {
		t.Fatalf("clients %+v: want Lena Fischer once", clients)
	}
	eventually(t, d, "the desk shows Lena", func() bool { return d.view.Client().ID == clients[0].ID })
}
