package ui

import (
	"context"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

func TestEmptyDatabaseWelcomesAndAddsFirstClient(t *testing.T) {
	s := desktest.OpenStore(t)
	// given an empty database
	d := newTestDesk(t, s, Options{})
	if !d.Welcoming() {
		t.Fatal("an empty database should open on the welcome")
	}
	// when the therapist adds their first client from the welcome
	tap(d, d.welcome.AddClient)
	f := d.clientForm
	if f == nil {
		t.Fatal("Add your first client did not open the client form")
	}
	typeInto(d, f.FirstName, "Marta")
	typeInto(d, f.LastName, "Nowak-Świątek")
	typeInto(d, f.DateOfBirth, "1975-05-02")
	typeInto(d, f.Contraindications, "Pregnant, 2nd trimester")
	tap(d, f.Save)

	// then the welcome gives way to the desk showing her, alert and all
	if d.Welcoming() {
		t.Fatal("welcome still shown after the first client was added")
	}
	if d.clientForm != nil {
		t.Error("client form still open after saving")
	}
	if rows := d.list.Rows(); len(rows) != 1 || rows[0].FullName() != "Marta Nowak-Świątek" {
		t.Fatalf("list rows = %+v", rows)
	}
	if got := d.view.Header.Name.Text; got != "Marta Nowak-Świątek" {
		t.Errorf("header name = %q", got)
	}
	desktest.MustContain(t, "header details", d.view.Header.Details.Text, "51 years")
	if !d.view.Header.Alert.Visible() {
		t.Error("the contraindication alert is not shown")
	}
	desktest.MustContain(t, "alert", d.view.Header.AlertText.String(), "CONTRAINDICATIONS", "Pregnant, 2nd trimester")
}

func TestClientFormShowsErrorsAtTheirFields(t *testing.T) {
	s := desktest.OpenStore(t)
	desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer"})
	d := newTestDesk(t, s, Options{})
	press(t, d, shortcutNewClient)
	f := d.clientForm
	if f == nil {
		t.Fatal("Ctrl+Shift+N did not open the client form")
	}

	// when a date of birth is not a date, nothing is saved and it says so there
	typeInto(d, f.FirstName, "Jonas")
	typeInto(d, f.DateOfBirth, "31.02.1975") // no such day
	tap(d, f.Save)
	desktest.MustContain(t, "date of birth error", f.Problems.Fields["date_of_birth"].Text, `Date of birth "31.02.1975" is not a date: February 1975 has 28 days`)
	if !f.Problems.Fields["date_of_birth"].Visible() {
		t.Error("date of birth error hidden")
	}

	// when the store refuses several fields, each error sits at its field
	typeInto(d, f.DateOfBirth, "")
	typeInto(d, f.FirstName, "")
	typeInto(d, f.Email, "jonas@")
	tap(d, f.Save)
	desktest.MustContain(t, "first name error", f.Problems.Fields["first_name"].Text, "First name is required")
	desktest.MustContain(t, "email error", f.Problems.Fields["email"].Text, "not a valid address")
	if f.Problems.Fields["date_of_birth"].Visible() || f.Problems.Fields["phone"].Visible() {
		t.Error("fields without problems show errors")
	}
	desktest.MustContain(t, "form problem", f.Problems.Summary.Text, "correcting")
	all, _ := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
	if len(all) != 1 {
		t.Fatalf("an invalid client was saved: %d clients", len(all))
	}

	// and once corrected, it saves
	typeInto(d, f.FirstName, "Jonas")
	typeInto(d, f.LastName, "Petrauskas")
	typeInto(d, f.Email, "jonas@example.com")
	tap(d, f.Save)
	if d.clientForm != nil {
		t.Fatalf("form still open: %q", f.Problems.Summary.Text)
	}
	if d.view.Client().Email != "jonas@example.com" {
		t.Errorf("shown client = %+v", d.view.Client())
	}
}

func TestSearchIgnoresAccentsAndMatchesPhone(t *testing.T) {
	s := desktest.OpenStore(t)
	desktest.AddClient(t, s, store.Client{FirstName: "José", LastName: "Núñez", Phone: "+48 601 222 333"})
	desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer", Email: "lena@example.com"})
	desktest.AddClient(t, s, store.Client{FirstName: "Jonas", LastName: "Petrauskas"})
	d := newTestDesk(t, s, Options{})
	if n := len(d.list.Rows()); n != 3 {
		t.Fatalf("rows = %d, want 3", n)
	}

	press(t, d, shortcutFind)
	if d.window.Canvas().Focused() != d.list.Search {
		t.Fatal("Ctrl+F did not put the cursor in the search")
	}
	for _, tc := range []struct{ query, want string }{
		{"nunez", "José Núñez"},
		{"JOSE", "José Núñez"},
		{"601222", "José Núñez"},
		{"lena@exa", "Lena Fischer"},
	} {
		typeInto(d, d.list.Search, tc.query)
		rows := d.list.Rows()
		if len(rows) != 1 || rows[0].FullName() != tc.want {
			t.Errorf("search %q: rows = %v, want just %s", tc.query, names(rows), tc.want)
		}
	}
	typeInto(d, d.list.Search, "nobody")
	if len(d.list.Rows()) != 0 {
		t.Errorf("search nobody: rows = %v", names(d.list.Rows()))
	}
	desktest.MustContain(t, "status", d.list.Status.Text, "No client matches")

	// Enter opens the first match
	typeInto(d, d.list.Search, "fischer")
	act(d, func() { d.list.Search.OnSubmitted(d.list.Search.Text) })
	if d.view.Client().LastName != "Fischer" {
		t.Errorf("Enter in search opened %q", d.view.Client().FullName())
	}
	// Escape clears the search
	act(d, func() { d.window.Canvas().Focus(d.list.Search) })
	pressKey(d, "Escape")
	if d.list.Search.Text != "" || len(d.list.Rows()) != 3 {
		t.Errorf("after Escape: search %q, %d rows", d.list.Search.Text, len(d.list.Rows()))
	}
}

func TestListSortsAndHidesArchived(t *testing.T) {
	s := desktest.OpenStore(t)
	zed := desktest.AddClient(t, s, store.Client{FirstName: "Anna", LastName: "Zed"})
	abel := desktest.AddClient(t, s, store.Client{FirstName: "Ben", LastName: "Abel"})
	desktest.AddSession(t, s, store.Session{ClientID: zed.ID, Start: desktest.Now.AddDate(0, 0, -3),
		PainBefore: store.PainOf(4), PainAfter: store.PainOf(2)})
	d := newTestDesk(t, s, Options{})

	// by last visit, Zed (seen 3 days ago) comes first with "22 Nov · 4→2"
	if got := names(d.list.Rows()); got != "Anna Zed, Ben Abel" {
		t.Errorf("by last visit: %s", got)
	}
	if got := kit.LastVisitSummary(d.list.Rows()[0], desktest.Now); got != "22 Nov · 4→2 · 1 visit" {
		t.Errorf("row summary = %q", got)
	}
	act(d, func() { d.list.Sort.SetSelected(clientview.SortByName) })
	if got := names(d.list.Rows()); got != "Ben Abel, Anna Zed" {
		t.Errorf("by name: %s", got)
	}

	// archiving Abel hides him until "Show archived" is on
	pick(t, d, abel.ID)
	tap(d, d.view.Header.Archive)
	if d.Confirm == nil {
		t.Fatal("archiving did not ask first")
	}
	tap(d, d.Confirm.OK)
	if got := names(d.list.Rows()); got != "Anna Zed" {
		t.Errorf("after archiving: %s", got)
	}
	act(d, func() { d.list.Archived.SetChecked(true) })
	if got := names(d.list.Rows()); got != "Ben Abel, Anna Zed" {
		t.Errorf("with archived shown: %s", got)
	}
	if d.view.Header.Archive.Text != "Restore" {
		t.Errorf("archive button = %q, want Restore", d.view.Header.Archive.Text)
	}
	tap(d, d.view.Header.Archive)
	c, _ := s.Client(context.Background(), abel.ID)
	if c.Archived {
		t.Error("Restore did not restore")
	}
}

func names(rows []store.ClientSummary) string {
	var out []string
	for _, r := range rows {
		out = append(out, r.FullName())
	}
	return strings.Join(out, ", ")
}

func TestNewClientIsNotHiddenByASearch(t *testing.T) {
	s := desktest.OpenStore(t)
	desktest.AddClient(t, s, store.Client{FirstName: "Irene", LastName: "Brennan"})
	d := newTestDesk(t, s, Options{})
	typeInto(d, d.list.Search, "irene")
	press(t, d, shortcutNewClient)
	typeInto(d, d.clientForm.FirstName, "Test")
	typeInto(d, d.clientForm.LastName, "Person")
	press(t, d, shortcutSave)
	if d.list.Search.Text != "" {
		t.Errorf("search still %q", d.list.Search.Text)
	}
	if names := names(d.list.Rows()); !strings.Contains(names, "Test Person") {
		t.Errorf("list = %s, want the new client in it", names)
	}
	if d.list.Selected() != d.view.Client().ID || d.view.Client().FirstName != "Test" {
		t.Errorf("list on %d, view on %+v", d.list.Selected(), d.view.Client())
	}
}
