package interchange_test

import (
	"bytes"
	"context"
	"testing"

	"backtrack/store"
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

// FuzzImportMappedSessionsCSV feeds any bytes, read through the visits
// mapping guessed from their header with any --map spec over it, to the
// mapped sessions import: the visits land whole or not at all, and every
// refusal is an ImportError with its problems.
func FuzzImportMappedSessionsCSV(f *testing.F) {
	f.Add([]byte("Patient,Visit,Time,Pain in,Pain out,Muscles treated,Notes\n\"Nowak, Marta\",24/11/2026,9:30 AM,7/10,3/10,QL (left),ok\n"), "")
	f.Add([]byte("First name;Last name;Date;Muscles\nMarta;Nowak;03/04/2026;glute thingy\n\n;;;\n"), "date=Date,dates=month-first")
	f.Add([]byte("starts_at,patient_name,notes\n2026-11-02T14:45:00Z,Marta Nowak,Low back\n"), "")
	f.Add([]byte("Client,Email,When,Pain\n,marta@example.com,2026-11-01 2:30 PM,11/10\n"), "email=Email,date=When,before=Pain")
	s := testkit.OpenStore(f, fixedNow)
	ctx := context.Background()
	if _, err := s.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak", Email: "marta@example.com"}); err != nil {
		f.Fatal(err)
	}
	sessionCount := func(t *testing.T) int {
		clients, err := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
		if err != nil {
			t.Fatal(err)
		}
		return clients[0].SessionCount
	}
	f.Fuzz(func(t *testing.T, data []byte, spec string) {
		head, problems := interchange.ReadListHead(bytes.NewReader(data), 5)
		if len(problems) > 0 && head.Header == nil {
			return // not a CSV file at all: the plain import's fuzz target covers these
		}
		m := interchange.SessionList.Guess(head.Header, head.Rows)
		if rules, order, err := interchange.SessionList.ParseSpec(spec); err == nil {
			if mapped, err := m.WithRules(rules); err == nil {
				m, m.DateOrder = mapped, order
			}
		}
		before := sessionCount(t)
		sum, err := interchange.ImportMappedSessionsCSV(ctx, s, bytes.NewReader(data), m, interchange.ImportOptions{})
		after := sessionCount(t)
		checkImportOutcome(t, sum, err)
		if err != nil && after != before {
			t.Fatalf("a refused import changed the sessions: %d -> %d", before, after)
		}
		if err == nil && after != before+sum.SessionsAdded {
			t.Fatalf("sessions %d -> %d, summary says %d added", before, after, sum.SessionsAdded)
		}
	})
}
