package interchange_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// BenchmarkImportMappedSessions imports 2,000 visits of 200 clients from
// a therapist's spreadsheet (backtrack: its own column names, day-first
// dates, "7/10", read through the guessed mapping) beside the same visits
// under Backtrack's own names through the plain sessions import
// (baseline): the price of the mapping, the dates read once for their
// order and the file held whole.
func BenchmarkImportMappedSessions(b *testing.B) {
	const clients, visits = 200, 2_000
	people := clientsCSV(clients)
	var ours, theirs bytes.Buffer
	ours.WriteString("client,date,pain_before,pain_after,muscles,notes\n")
	theirs.WriteString("Patient;Visit;Pain in;Pain out;Muscles treated;Session notes\n")
	for i := range visits {
		who, day, month := fmt.Sprintf("Anna Nowak%d", i%clients), 13+i/clients, 1+i%12 // a day over 12 shows day-first
		fmt.Fprintf(&ours, "%s,2025-%02d-%02d 10:00,%d,%d,QL (left); Piriformis,Visit %d\n", who, month, day, i%11, (i+3)%11, i)
		fmt.Fprintf(&theirs, "\"Nowak%d, Anna\";%02d/%02d/2025 10:00;%d/10;%d/10;\"QL (left); Piriformis\";Visit %d\n", i%clients, day, month, i%11, (i+3)%11, i)
	}
	head, _ := interchange.ReadListHead(bytes.NewReader(theirs.Bytes()), 5)
	m := interchange.SessionList.Guess(head.Header, head.Rows)
	for _, side := range []struct {
		name string
		run  func(*sqlstore.Store) error
	}{
		{"backtrack", func(s *sqlstore.Store) error {
			_, err := interchange.ImportMappedSessionsCSV(context.Background(), s, bytes.NewReader(theirs.Bytes()), m, interchange.ImportOptions{})
			return err
		}},
		{"baseline", func(s *sqlstore.Store) error {
			_, err := interchange.ImportSessionsCSV(context.Background(), s, bytes.NewReader(ours.Bytes()), interchange.ImportOptions{})
			return err
		}},
	} {
		b.Run(side.name, func(b *testing.B) {
			var s *sqlstore.Store
			benchPeakEach(b, func() {
				s = testkit.OpenStore(b, fixedNow)
				if _, err := interchange.ImportClientsCSV(context.Background(), s, bytes.NewReader(people), interchange.ImportOptions{}); err != nil {
					b.Fatal(err)
				}
			}, func() error { return side.run(s) })
		})
	}
}
