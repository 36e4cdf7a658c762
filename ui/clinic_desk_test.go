package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
	"backtrack/ui/sessionform"
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
func newSessionTyped(t *testing.T, d *Desk, text string) *sessionform.SessionForm {
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
	c := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	f := newSessionTyped(t, d, "worse after the long drive")

	// when the server goes away as the therapist saves
	srv.Kill(t)
	act(d, f.Submit)
	// then the form says so in a sentence, keeps the text, and offers to retry
	d.tasks.OnUI(func() {
		if d.view.Form != f || f.Subjective.Text != "worse after the long drive" {
			t.Fatal("the form or its text went")
		}
		assertRetrying(t, &f.Saving, "your note")
	})
	// and once the server is back, Retry now saves the note, once
	srv.Restart(t)
	eventually(t, d, "the note is saved", func() bool {
		if d.view.Form == f && !f.Saving.Busy && f.Saving.Retry.Again != nil {
			f.Saving.Retry.RetryNow() // Retry now, until the pool has found a live connection
		}
		return d.view.Form == nil && d.view.Mode() == clientview.ModeOverview
	})
	history, err := s.ClientHistory(context.Background(), c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	if len(history) != 1 || history[0].Notes.Subjective != "worse after the long drive" {
		t.Errorf("history %+v: want the note once", history)
	}
}

// assertRetrying checks a form whose save waits for the server: one line
// says so (and that kept is kept), with Retry now beside it.
func assertRetrying(t *testing.T, f *kit.FormSave, kept string) {
	t.Helper()
	if got, want := f.Retry.Line.Text, "The practice server can't be reached — "+kept+" is kept; retrying…"; got != want || !f.Retry.Bar.Visible() {
		t.Errorf("the form says %q, want %q", got, want)
	}
	if !f.Retry.Now.Visible() || f.Problems.Summary.Text != "" {
		t.Errorf("no Retry now button, or another line beside the buttons: %q", f.Problems.Summary.Text)
	}
}

func TestClinicPrivateNoteFromTheDesk(t *testing.T) {
	dsn, _ := clinicDatabase(t)
	anna := testkit.OpenStoreAt(t, testkit.ClinicLogin(t, dsn, "anna", sqlstore.TherapistRole))
	ben := testkit.OpenStoreAt(t, testkit.ClinicLogin(t, dsn, "ben", sqlstore.TherapistRole))
	c := desktest.AddClient(t, anna, store.Client{FirstName: "Marta", LastName: "Nowak"})
	d := newTestDesk(t, anna, Options{})
	pick(t, d, c.ID)

	// when Anna ticks Private to me and saves
	f := newSessionTyped(t, d, "what Marta told me in confidence")
	if !f.Private.Visible() {
		t.Fatal("no Private to me on a practice server")
	}
	act(d, func() { f.Private.SetChecked(true) })
	act(d, f.Submit)
	if d.view.Form != nil || len(d.view.Sessions) != 1 {
		t.Fatalf("not saved: %q", f.Problems.Summary.Text)
	}
	// then her note says it is hers alone
	act(d, func() { d.view.ShowDetail(d.view.Sessions[0]) })
	desktest.MustContain(t, "note", d.view.Detail.State.Text, "Private to anna_")
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
	if strings.Contains(desktest.ShownText(d.window), "Private to me") {
		t.Error("the form mentions Private to me on a file")
	}
}

func TestClinicFrontDeskSeesContactsAndSaysNotesAreNotForIt(t *testing.T) {
	dsn, _ := clinicDatabase(t)
	anna := testkit.OpenStoreAt(t, testkit.ClinicLogin(t, dsn, "anna", sqlstore.TherapistRole))
	marta := desktest.AddClient(t, anna, store.Client{FirstName: "Marta", LastName: "Nowak", Phone: "+48 600 111 222",
		Email: "marta@example.com", MedicalHistory: "Disc herniation L4/L5"})
	desktest.AddSession(t, anna, store.Session{ClientID: marta.ID, Start: desktest.Now.Add(-48 * time.Hour),
		Notes: store.SOAP{Subjective: "sciatica down the left leg"}})

	// given the front desk's login
	frida := testkit.OpenStoreAt(t, testkit.ClinicLogin(t, dsn, "frida", sqlstore.FrontDeskRole))
	if frida.ReadsNotes() || !anna.ReadsNotes() {
		t.Fatalf("reads notes: front desk %v, therapist %v", frida.ReadsNotes(), anna.ReadsNotes())
	}
	// when it opens the desk and picks a client
	d := newTestDesk(t, frida, Options{})
	if d.Welcoming() || !listed(d, marta.UID) {
		t.Fatal("the front desk does not see the client list")
	}
	pick(t, d, marta.ID)
	// then it shows how to reach her and says the notes are not for this login
	if d.view.Contact == nil || d.view.Contact.Phone.Text != "+48 600 111 222" || d.view.Contact.Email.Text != "marta@example.com" {
		t.Fatalf("contact card %+v", d.view.Contact)
	}
	desktest.MustContain(t, "contact card", d.view.Contact.Notice.Text, "Clinical notes are not available to this login")
	shown := drawnText(d.window.Content())
	desktest.MustContain(t, "desk", shown, "+48 600 111 222 · marta@example.com", "Marta Nowak")
	for _, clinical := range []string{"Disc herniation", "sciatica", "No visits yet"} {
		if strings.Contains(shown, clinical) {
			t.Errorf("the front desk's desk shows %q", clinical)
		}
	}
	// and no error was raised on the way
	if top := d.window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is open: %s", desktest.ShownText(d.window))
	}
}

// drawnText is every text drawn inside o and shown, one per line.
func drawnText(o fyne.CanvasObject) string {
	var lines []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *canvas.Text:
			lines = append(lines, v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return strings.Join(lines, "\n")
}
