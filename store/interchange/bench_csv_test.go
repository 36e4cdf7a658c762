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
