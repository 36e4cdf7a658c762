package ui

import (
	"context"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/postgres"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// The desk on a practice server: these run in make test's PostgreSQL pass
// (TestClinic…), each on a database or a server of its own.

// clinicDatabase is a new database set up by clinic init, as its admin.
func clinicDatabase(t *testing.T) (dsn string, admin *sqlstore.Store) {
	t.Helper()
	testkit.PostgresOnly(t)
	dsn = testkit.PostgresDSN(t)
	admin = testkit.OpenStoreAt(t, dsn)
	if err := admin.InitClinic(context.Background()); err != nil {
		t.Fatal(err)
	}
	return dsn, admin
}

// newSessionTyped opens the session form on the picked client and types a
// note into it.
func newSessionTyped(t *testing.T, d *Desk, text string) *SessionForm {
	t.Helper()
	act(d, d.view.NewSession)
	f := d.view.Form
	if f == nil {
		t.Fatal("no session form")
	}
	act(d, func() { f.Subjective.SetText(text) })
	return f
}

func TestClinicSaveWaitsForTheServerAndLosesNothing(t *testing.T) {
	srv := testkit.PrivateServer(t)
	s := testkit.OpenStoreAt(t, srv.NewDatabase(t, "desk"))
	c := addClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	f := newSessionTyped(t, d, "worse after the long drive")

	// when the server goes away as the therapist saves
	srv.Kill(t)
	act(d, f.Submit)
	// then the form says so in a sentence, keeps the text, and offers to retry
	d.tasks.onUI(func() {
		if d.view.Form != f || f.Subjective.Text != "worse after the long drive" {
			t.Fatal("the form or its text went")
		}
		if got := f.problems.Summary.Text; got != "The practice server can't be reached — your note is kept; retrying…" {
			t.Errorf("the form says %q", got)
		}
		if !f.saving.retry.Now.Visible() {
			t.Error("no Retry now button")
		}
	})
	// and once the server is back, Retry now saves the note, once
	srv.Restart(t)
	eventually(t, d, "the note is saved", func() bool {
		if d.view.Form == f && !f.saving.busy && f.saving.retry.again != nil {
			f.saving.retry.retryNow() // Retry now, until the pool has found a live connection
		}
		return d.view.Form == nil && d.view.Mode() == modeOverview
	})
	history, err := s.ClientHistory(context.Background(), c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	if len(history) != 1 || history[0].Notes.Subjective != "worse after the long drive" {
		t.Errorf("history %+v: want the note once", history)
	}
}

func TestClinicPrivateNoteFromTheDesk(t *testing.T) {
	dsn, _ := clinicDatabase(t)
	anna := testkit.OpenStoreAt(t, testkit.ClinicLogin(t, dsn, "anna", postgres.TherapistRole))
	ben := testkit.OpenStoreAt(t, testkit.ClinicLogin(t, dsn, "ben", postgres.TherapistRole))
	c := addClient(t, anna, store.Client{FirstName: "Marta", LastName: "Nowak"})
	d := newTestDesk(t, anna, Options{})
	pick(t, d, c.ID)

	// when Anna ticks Private to me and saves
	f := newSessionTyped(t, d, "what Marta told me in confidence")
	if !f.Private.Visible() {
		t.Fatal("no Private to me on a practice server")
	}
	act(d, func() { f.Private.SetChecked(true) })
	act(d, f.Submit)
	if d.view.Form != nil || len(d.view.sessions) != 1 {
		t.Fatalf("not saved: %q", f.problems.Summary.Text)
	}
	// then her note says it is hers alone
	act(d, func() { d.view.showDetail(d.view.sessions[0]) })
	mustContain(t, "note", d.view.Detail.State.Text, "Private to anna_")
	// and Ben does not see it
	history, err := ben.ClientHistory(context.Background(), c.ID, store.Period{})
	if err != nil || len(history) != 0 {
		t.Errorf("Ben sees %d notes (%v), want none", len(history), err)
	}
}

func TestPrivateToMeIsNotOfferedOnAFile(t *testing.T) {
	testkit.SQLiteOnly(t)
	d, _, _ := deskWithClient(t)
	f := newSessionTyped(t, d, "note")
	if f.Private.Visible() {
		t.Error("Private to me shown on a file, which has one therapist")
	}
	if strings.Contains(shownText(d.window), "Private to me") {
		t.Error("the form mentions Private to me on a file")
	}
}
