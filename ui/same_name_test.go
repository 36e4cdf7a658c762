package ui

import (
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
)

// listRows is what each row of the client list shows: "name | second line".
func listRows(d *Desk) []string {
	var rows []string
	act(d, func() {
		for i := range d.list.Rows() {
			row := clientview.NewClientRow().(*clientview.ClientRow)
			d.list.List.UpdateItem(i, row)
			rows = append(rows, row.Name.Text+" | "+row.Visit.Seg.Text)
		}
	})
	return rows
}

// Two clients of one name are told apart wherever one is picked: by date
// of birth, else phone or email; a name no one shares stays as it was.
func TestSameNameClientsAreToldApartInTheListAndSearch(t *testing.T) {
	s := desktest.OpenStore(t)
	desktest.AddClient(t, s, store.Client{FirstName: "Anna", LastName: "Smith", DateOfBirth: time.Date(1985, 3, 4, 0, 0, 0, 0, time.Local)})
	desktest.AddClient(t, s, store.Client{FirstName: "Anna", LastName: "Smith", Email: "anna.s@example.com"})
	desktest.AddClient(t, s, store.Client{FirstName: "ANNA", LastName: "smith ", Phone: "0170 555 12"})
	desktest.AddClient(t, s, store.Client{FirstName: "Ben", LastName: "Ortiz", DateOfBirth: time.Date(1990, 1, 1, 0, 0, 0, 0, time.Local)})
	d := newTestDesk(t, s, Options{})

	check := func(rows []string) {
		t.Helper()
		joined := strings.Join(rows, "\n")
		for _, want := range []string{"born 4 Mar 1985 · No visits yet", "anna.s@example.com · No visits yet", "0170 555 12 · No visits yet"} {
			if !strings.Contains(joined, want) {
				t.Errorf("rows lack %q:\n%s", want, joined)
			}
		}
		if strings.Contains(joined, "1990") {
			t.Errorf("a name no one shares got a detail:\n%s", joined)
		}
	}
	check(listRows(d))
	typeInto(d, d.list.Search, "smith")
	rows := listRows(d)
	if len(rows) != 3 {
		t.Fatalf("search found %d rows: %q", len(rows), rows)
	}
	check(rows)
}
