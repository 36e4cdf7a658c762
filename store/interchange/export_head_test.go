package interchange_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store/interchange"
	"backtrack/store/testkit"
)

// A CSV export carries the head of the record's history beside its files,
// as a backup and a printed report do, so the copy anchors the history.
func TestACSVExportCarriesTheHeadOfTheRecordsHistory(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	testkit.RichRecords(t, s)
	head, err := s.LogHead(ctx)
	if err != nil || head.Seq == 0 {
		t.Fatalf("the record's head: %+v, %v", head, err)
	}
	dir := filepath.Join(t.TempDir(), "export")
	files, err := interchange.ExportTo(ctx, s, dir, interchange.ExportCSV)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, interchange.ExportHeadName)
	if !strings.Contains(strings.Join(files, "\n"), path) {
		t.Fatalf("the export wrote %v, not %s", files, interchange.ExportHeadName)
	}
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{head.Short(), head.Hash} {
		if !strings.Contains(string(body), want) {
			t.Errorf("%s says %q, want %q in it", interchange.ExportHeadName, body, want)
		}
	}
	testkit.AssertMode(t, path, 0o600)
}
