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

// BenchmarkImportClientsCSV imports clients CSVs of two lengths; the
// shorter is the baseline. peak-heap-MB stays flat as the file grows when
// the import keeps no list of clients (it had grown ~4 KB a row).
func BenchmarkImportClientsCSV(b *testing.B) {
	for _, rows := range []int{2_000, 8_000} {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			file := clientsCSV(rows)
			var s *sqlstore.Store
			benchPeakEach(b, func() { s = testkit.OpenStore(b, fixedNow) }, func() error {
				_, err := interchange.ImportClientsCSV(context.Background(), s, bytes.NewReader(file), interchange.ImportOptions{})
				return err
			})
		})
	}
}

// clientsCSV is a clients file of n people with distinct names, each with
// a date of birth, phone, email and a line of history.
func clientsCSV(n int) []byte {
	var out bytes.Buffer
	out.WriteString("first_name,last_name,date_of_birth,phone,email,medical_history\n")
	for i := range n {
		fmt.Fprintf(&out, "Anna,Nowak%d,%d-%02d-%02d,+48 600 %06d,c%d@example.com,\"Lower back pain since %d; desk work.\"\n",
			i, 1940+i%60, 1+i%12, 1+i%28, i, i, 2000+i%25)
	}
	return out.Bytes()
}

// BenchmarkImportMappedClients imports 2,000 clients from a list with
// another app's column names, read through its preset (backtrack), beside
// the same rows under Backtrack's own names (baseline): the cost of the
// mapping, the date column read twice for its order and the file held
// whole.
func BenchmarkImportMappedClients(b *testing.B) {
	const rows = 2_000
	ours := clientsCSV(rows)
	theirs := bytes.Replace(ours, []byte("first_name,last_name,date_of_birth,phone,email,medical_history"),
		[]byte("First Name,Last Name,Date of Birth,Mobile Phone,Email,Medical History"), 1)
	head, _ := interchange.ReadListHead(bytes.NewReader(theirs), 5)
	jane, _ := interchange.ClientList.PresetNamed("jane")
	m := interchange.ClientList.Guess(head.Header, head.Rows).WithPreset(jane)
	for _, side := range []struct {
		name string
		run  func(*sqlstore.Store) error
	}{
		{"backtrack", func(s *sqlstore.Store) error {
			_, err := interchange.ImportMappedClientsCSV(context.Background(), s, bytes.NewReader(theirs), m, interchange.ImportOptions{})
			return err
		}},
		{"baseline", func(s *sqlstore.Store) error {
			_, err := interchange.ImportClientsCSV(context.Background(), s, bytes.NewReader(ours), interchange.ImportOptions{})
			return err
		}},
	} {
		b.Run(side.name, func(b *testing.B) {
			var s *sqlstore.Store
			benchPeakEach(b, func() { s = testkit.OpenStore(b, fixedNow) }, func() error { return side.run(s) })
		})
	}
}
