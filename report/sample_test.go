package report_test

import (
	"os"
	"path/filepath"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// TestSamples writes sample reports to look at (pdftoppm -png): set
// REPORT_SAMPLES to a folder.
func TestSamples(t *testing.T) {
	dir := os.Getenv("REPORT_SAMPLES")
	if dir == "" {
		t.Skip("set REPORT_SAMPLES to a folder to write sample reports")
	}
	samples := map[string]func(*sqlstore.Store, int64){
		"short": func(s *sqlstore.Store, id int64) { fourVisits(t, s, id) },
		"long":  func(s *sqlstore.Store, id int64) { manyVisits(t, s, id, 300) },
	}
	for name, fill := range samples {
		s := openStore(t)
		c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
		fill(s, c.ID)
		raw, err := os.ReadFile(writePDF(t, s, c.ID, store.Period{}, defaultOptions()))
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name+".pdf"), raw, 0o600)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}
