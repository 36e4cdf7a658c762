package interchange_test

import (
	"bytes"
	"context"
	"testing"

	"backtrack/store/interchange"
	"backtrack/store/testkit"
)

// FuzzImportMappedClientsCSV feeds any bytes, read through the mapping
// guessed from their header with any --map spec over it, to the mapped
// import: a list lands whole or not at all, every refusal is an
// ImportError with its problems, and a list that landed is undone whole.
func FuzzImportMappedClientsCSV(f *testing.F) {
	f.Add([]byte("Client,DOB,Phone,E-mail\n\"Núñez, José\",30/11/1988,0412 345 678,jose@example.org\n"), "")
	f.Add([]byte("Given;Family;Birth Date;Mobile\nAnna;Keller;03/04/1979;4.16555E+09\n\n"), "first=Given,last=Family,dob=Birth Date,dates=mdy")
	f.Add([]byte("first_name,last_name,preferred_first_name,date_of_birth,medicare,address_1,city\nMarta,Nowak,,1975-05-02,2123,1 Smith St,Melbourne\n"), "keep=preferred_first_name")
	f.Add([]byte("Name\nPrince\nMary Ann Smith\nMary Ann Smith\n"), "name=Name")
	f.Add([]byte("First Name,Last Name,Date of Birth,,\nA,B,31.02.2026,,\n"), "phone=column 4")
	s := testkit.OpenStore(f, fixedNow)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte, spec string) {
		head, problems := interchange.ReadListHead(bytes.NewReader(data), 5)
		if len(problems) > 0 && head.Header == nil {
			return // not a CSV file at all: the plain import's fuzz target covers these
		}
		m := interchange.ClientList.Guess(head.Header, head.Rows)
		if rules, order, err := interchange.ClientList.ParseSpec(spec); err == nil {
			if mapped, err := m.WithRules(rules); err == nil {
				m, m.DateOrder = mapped, order
			}
		}
		before := testkit.ClientCount(t, s)
		sum, err := interchange.ImportMappedClientsCSV(ctx, s, bytes.NewReader(data), m, interchange.ImportOptions{})
		after := testkit.ClientCount(t, s)
		checkImportOutcome(t, sum, err)
		if err != nil {
			if after != before {
				t.Fatalf("a refused import changed the clients: %d -> %d", before, after)
			}
			return
		}
		if after != before+sum.ClientsAdded {
			t.Fatalf("clients %d -> %d, summary says %d added", before, after, sum.ClientsAdded)
		}
		if sum.ClientsAdded == 0 {
			return
		}
		if _, err := s.UndoLastImport(ctx); err != nil {
			t.Fatalf("undo of an import just made: %v", err)
		}
		if n := testkit.ClientCount(t, s); n != before {
			t.Fatalf("clients %d after the undo, %d before the import", n, before)
		}
	})
}
