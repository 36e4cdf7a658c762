package ui

import (
	"context"
	"fmt"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

func TestSearchSwitchesBetweenNamesAndNotesAndSortsByVisits(t *testing.T) {
	s := desktest.OpenStore(t)
	jonas := desktest.AddClient(t, s, store.Client{FirstName: "Jonas", LastName: "Petrauskas"})
	lena := desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer", MedicalHistory: "Disc herniation 2019"})
	desktest.AddSession(t, s, store.Session{ClientID: jonas.ID, Start: desktest.Now.AddDate(0, 0, -3), PainBefore: store.PainOf(6),
		Notes: store.SOAP{Subjective: "Sciatica down the left leg"}})
	for i := range 3 {
		desktest.AddSession(t, s, store.Session{ClientID: lena.ID, Start: desktest.Now.AddDate(0, 0, -20+i), PainBefore: store.PainOf(5)})
	}
	d := newTestDesk(t, s, Options{})
	l := d.list

	// names by default: "sciatica" is nobody's name
	typeInto(d, l.Search, "sciatica")
	if len(l.Rows()) != 0 {
		t.Fatalf("a name search for sciatica found %d", len(l.Rows()))
	}
	// the switch to notes finds the client whose note says it
	act(d, func() { l.In.SetSelected(clientview.SearchNotes) })
	if rows := l.Rows(); len(rows) != 1 || rows[0].ID != jonas.ID {
		t.Fatalf("notes search for sciatica = %v", rows)
	}
	desktest.MustContain(t, "status", l.Status.Text, "whose notes mention “sciatica”")
	desktest.MustContain(t, "placeholder", l.Search.PlaceHolder, "notes")
	typeInto(d, l.Search, "disc")
	if rows := l.Rows(); len(rows) != 1 || rows[0].ID != lena.ID {
		t.Fatalf("notes search for disc = %v", rows)
	}

	// sort by visits: Lena's three before Jonas's one, the count shown
	act(d, func() { l.In.SetSelected(clientview.SearchNames) })
	typeInto(d, l.Search, "")
	act(d, func() { l.Sort.SetSelected(clientview.SortByVisits) })
	if rows := l.Rows(); len(rows) != 2 || rows[0].ID != lena.ID {
		t.Fatalf("by visits = %v", rows)
	}
	desktest.MustContain(t, "Lena's row", kit.LastVisitSummary(l.Rows()[0], desktest.Now), "3 visits")
}

// A clinic's list shows its first store.ListRows clients and says a name
// finds any other; a search reaches the ones beyond.
func TestClinicListShowsTheFirstRowsAndSearchFindsTheRest(t *testing.T) {
	s := desktest.OpenStore(t)
	err := s.Batch(context.Background(), func(b *sqlstore.Batch) error {
		for i := range store.ListRows + 5 {
			if _, err := b.CreateClient(store.Client{FirstName: fmt.Sprintf("Client%03d", i), LastName: "Nowak"}); err != nil {
				return err
			}
		}
		_, err := b.CreateClient(store.Client{FirstName: "José", LastName: "Zielińska"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, s, Options{})
	l := d.list
	if len(l.Rows()) != store.ListRows {
		t.Fatalf("the list shows %d rows, want %d", len(l.Rows()), store.ListRows)
	}
	desktest.MustContain(t, "status", l.Status.Text, fmt.Sprintf("The first %d clients", store.ListRows))
	// never seen, sorted by name: Zielińska is beyond the first rows
	typeInto(d, l.Search, "jose ziel")
	if rows := l.Rows(); len(rows) != 1 || rows[0].FirstName != "José" {
		t.Fatalf("search for jose ziel = %v", rows)
	}
	desktest.MustContain(t, "status", l.Status.Text, "1 client found")
	typeInto(d, l.Search, "nowak")
	desktest.MustContain(t, "status", l.Status.Text, "The first 200 matches")
}
