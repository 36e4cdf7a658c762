package interchange_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"
	"time"
	"unicode/utf8"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/testkit"
)

// The fuzz targets feed arbitrary bytes to the imports and check the one
// promise that matters: a file lands whole or not at all, and every refusal
// is an ImportError with a message, never a panic or a half-written import.

func FuzzImportClientsCSV(f *testing.F) {
	f.Add([]byte("first_name,last_name,date_of_birth,phone,email,notes\nMarta,Nowak,1975-05-02,+48 1,m@x.pl,hi\n"))
	f.Add([]byte("\ufeffFIRST NAME;Last-Name\n\"O'Brien\";\"x;y\"\n"))
	f.Add([]byte("first_name,last_name,date_of_birth\nA,B,2026-02-30\n"))
	f.Add([]byte("first_name,last_name\n\"unterminated,B\n"))
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00"))
	s := testkit.OpenStore(f, fixedNow)
	f.Fuzz(func(t *testing.T, data []byte) {
		before := testkit.ClientCount(t, s)
		sum, err := interchange.ImportClientsCSV(context.Background(), s, bytes.NewReader(data), interchange.ImportOptions{})
		after := testkit.ClientCount(t, s)
		checkImportOutcome(t, sum, err)
		if err != nil && after != before {
			t.Fatalf("a refused import changed the clients: %d -> %d", before, after)
		}
		if err == nil && after != before+sum.ClientsAdded {
			t.Fatalf("clients %d -> %d, summary says %d added", before, after, sum.ClientsAdded)
		}
	})
}

func FuzzImportSessionsCSV(f *testing.F) {
	f.Add([]byte("client,date,duration_min,pain_before,pain_after,pain_types,locations,triggers,muscles,techniques,notes\n" +
		"Marta Nowak,2026-11-14 14:00,60,6,3,Stiffness,Lower back (both),Sitting long,Gluteus medius (left),Massage,ok\n"))
	f.Add([]byte("client;date;pain_before\nmarta@example.com;2026-11-01;11\n"))
	f.Add([]byte("client,date,muscles\nMarta Nowak,2026-11-01,New muscle (r); (left)\n"))
	f.Add([]byte("client,date\nNobody,2026-13-01\n"))
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
	f.Fuzz(func(t *testing.T, data []byte) {
		before := sessionCount(t)
		sum, err := interchange.ImportSessionsCSV(ctx, s, bytes.NewReader(data), interchange.ImportOptions{})
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

func FuzzImportJSON(f *testing.F) {
	src := testkit.OpenStore(f, fixedNow)
	testkit.RichRecords(f, src)
	dir := f.TempDir()
	files, err := interchange.ExportTo(context.Background(), src, dir, interchange.ExportJSON)
	if err != nil {
		f.Fatal(err)
	}
	whole, err := os.ReadFile(files[0])
	if err != nil {
		f.Fatal(err)
	}
	f.Add(whole)
	f.Add([]byte(`{"format":"backtrack-export","version":1,"clients":[{"first_name":"A","last_name":"B","sessions":[{"start":"2026-01-01","duration_min":5,"pain_before":11}]}]}`))
	f.Add([]byte(`{"format":"backtrack-export","version":1,"vocabulary":[{"kind":"muscle","name":"X","retired":true}]}`))
	f.Add([]byte(`[1,2,3]`))
	s := testkit.OpenStore(f, fixedNow.Add(time.Hour))
	f.Fuzz(func(t *testing.T, data []byte) {
		before := testkit.ClientCount(t, s)
		sum, err := interchange.ImportJSON(context.Background(), s, bytes.NewReader(data), interchange.ImportOptions{})
		after := testkit.ClientCount(t, s)
		checkImportOutcome(t, sum, err)
		if err != nil && after != before {
			t.Fatalf("a refused import changed the clients: %d -> %d", before, after)
		}
		if err == nil && after != before+sum.ClientsAdded {
			t.Fatalf("clients %d -> %d, summary says %d added", before, after, sum.ClientsAdded)
		}
	})
}

// FuzzValidateClient checks that any client the store accepts reads back
// exactly, as valid one-line text, and any it refuses is refused with a
// validation error that names a field.
func FuzzValidateClient(f *testing.F) {
	f.Add("Marta", "Nowak-Świątek", "+48 601", "m@example.com", "Ibuprofen", 1975, 5, 2)
	f.Add("Robert'); DROP TABLE clients;--", "O\"Brien", "", "", "", 2026, 2, 30)
	f.Add("\x00", "\xff\xfe", "\n", "@", "\a", 1899, 12, 31)
	f.Add(" ", "x", "", "a@b", "", 2100, 1, 1)
	s := testkit.OpenStore(f, fixedNow)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, first, last, phone, email, meds string, y, m, d int) {
		var dob time.Time
		if y > 0 {
			dob = time.Date(y%3000, time.Month(m%13), d%32, 0, 0, 0, 0, time.Local)
		}
		c, err := s.CreateClient(ctx, store.Client{FirstName: first, LastName: last, Phone: phone,
			Email: email, Medications: meds, DateOfBirth: dob})
		if err != nil {
			var ve *store.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 || ve.Problems[0].Field == "" || ve.Problems[0].Message == "" {
				t.Fatalf("refused without a field: %v", err)
			}
			return
		}
		got, err := s.Client(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []string{got.FirstName, got.LastName, got.Phone, got.Email} {
			if !utf8.ValidString(v) || containsControl(v) {
				t.Fatalf("accepted a one-line field with control bytes: %q", v)
			}
		}
		if got.FirstName != c.FirstName || got.LastName != c.LastName || got.Medications != c.Medications ||
			!got.DateOfBirth.Equal(c.DateOfBirth) {
			t.Fatalf("read back %+v, saved %+v", got, c)
		}
	})
}

// checkImportOutcome checks what every import must give: success with no
// problems, or an ImportError whose problems all say something.
func checkImportOutcome(t *testing.T, sum interchange.ImportSummary, err error) {
	t.Helper()
	if err == nil {
		if len(sum.Problems) > 0 {
			t.Fatalf("success with problems: %v", sum.Problems)
		}
		return
	}
	var ie *interchange.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("refused without an ImportError: %v", err)
	}
	if len(sum.Problems) == 0 {
		t.Fatal("refused with no problem listed")
	}
	for _, p := range sum.Problems {
		if p.Message == "" || !utf8.ValidString(p.Message) {
			t.Fatalf("problem without a readable message: %#v", p)
		}
	}
}

func containsControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return true
		}
	}
	return false
}
