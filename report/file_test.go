package report_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"backtrack/report"
	"backtrack/store"
)

func TestFileNameProposesLastFirstAndDate(t *testing.T) {
	cases := []struct {
		first, last, want string
	}{
		{"Zoë", "Ångström-Łukasiewicz", "Ångström-Łukasiewicz_Zoë_progress_2026-11-25.pdf"},
		{"Ana María", "de la Cruz", "de-la-Cruz_Ana-María_progress_2026-11-25.pdf"},
		{"Bad/Name", `..\x:y*?`, "xy_BadName_progress_2026-11-25.pdf"},
	}
	for _, c := range cases {
		got := report.FileName(store.Client{FirstName: c.first, LastName: c.last}, reportDate)
		if got != c.want {
			t.Errorf("FileName(%q, %q) = %q, want %q", c.first, c.last, got, c.want)
		}
	}
}

// fourVisitsOfLena is the report data of a client with four visits.
func fourVisitsOfLena(t *testing.T) report.Data {
	t.Helper()
	s := openStore(t)
	c := createClient(t, s, "Lena", "Fischer", day(1990, 3, 4))
	fourVisits(t, s, c.ID)
	d, err := report.Load(context.Background(), s, c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestWriteFileIsPrivateAndAllOrNothing(t *testing.T) {
	d := fourVisitsOfLena(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "Fischer_Lena_progress_2026-11-25.pdf")

	// A written report is a whole PDF, readable by its owner only
	if err := report.WriteFile(context.Background(), path, d, defaultOptions()); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(good, []byte("%PDF-")) || !bytes.Contains(good[len(good)-32:], []byte("%%EOF")) {
		t.Error("the file is not a complete PDF")
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("report mode %v, want 0600", info.Mode().Perm())
	}

	// A failed report leaves the good one untouched and no stray file
	bad := defaultOptions()
	bad.PageSize = "A3"
	if err := report.WriteFile(context.Background(), path, d, bad); err == nil {
		t.Error("a report on an unsupported paper size was written")
	}
	// So does a cancelled one
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := report.WriteFile(ctx, path, d, defaultOptions()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled export: got %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, good) {
		t.Error("a failed export changed the existing report")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want only the report", names)
	}

	// A folder that cannot be written is an error naming the file
	if err := report.WriteFile(context.Background(), filepath.Join(dir, "missing", "r.pdf"), d, defaultOptions()); err == nil ||
		!strings.Contains(err.Error(), "r.pdf") {
		t.Errorf("write into a missing folder: got %v", err)
	}
}

func TestExportAllWritesOneReportPerActiveClient(t *testing.T) {
	// Given two active clients with visits (one name shared by two people),
	// one archived and one without a visit
	s := openStore(t)
	ctx := context.Background()
	a := createClient(t, s, "Lena", "Fischer", day(1990, 3, 4))
	b := createClient(t, s, "Lena", "Fischer", day(1972, 6, 1))
	z := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	archived := createClient(t, s, "Old", "Client", day(1950, 1, 1))
	createClient(t, s, "New", "Client", day(2000, 1, 1))
	for _, c := range []store.Client{a, b, z, archived} {
		saveVisit(t, s, c.ID, visit{at: day(2026, 10, 1), before: 6, after: 3})
	}
	if err := s.ArchiveClient(ctx, archived.ID); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "reports")

	// When all are exported
	var seen []int
	res, err := report.ExportAll(ctx, s, dir, store.Period{}, defaultOptions(), func(done, total int, _ store.Client) {
		seen = append(seen, done*10+total)
	})
	if err != nil {
		t.Fatal(err)
	}

	// Then each active client with a visit has a report, the namesakes two
	if len(res.Written) != 3 || len(res.Skipped) != 1 || len(res.Failed) != 0 {
		t.Fatalf("written %v, skipped %d, failed %v", res.Written, len(res.Skipped), res.Failed)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := "Fischer_Lena_progress_2026-11-25.pdf Fischer_Lena_progress_2026-11-25_2.pdf Ångström-Łukasiewicz_Zoë_progress_2026-11-25.pdf"
	if strings.Join(names, " ") != want {
		t.Errorf("files %v, want %s", names, want)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", info.Mode().Perm())
	}
	if len(seen) != 4 || seen[3] != 44 {
		t.Errorf("progress calls %v, want 4 ending at 4 of 4", seen)
	}
	for _, p := range res.Written {
		mustContain(t, p, strings.Join(pdfRaw(t, p), "\n"), "6 → 3")
	}
}

func TestExportAllStopsWhenCancelled(t *testing.T) {
	s := openStore(t)
	for _, n := range []string{"Ann", "Ben", "Cid"} {
		c := createClient(t, s, n, "Test", day(1990, 1, 1))
		saveVisit(t, s, c.ID, visit{at: day(2026, 10, 1), before: 6, after: 3})
	}
	ctx, cancel := context.WithCancel(context.Background())
	dir := t.TempDir()
	res, err := report.ExportAll(ctx, s, dir, store.Period{}, defaultOptions(), func(done, _ int, _ store.Client) {
		if done == 1 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want cancelled", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(res.Written) != 1 || len(entries) != 1 {
		t.Errorf("after cancelling at the first of three: written %v, folder has %d files", res.Written, len(entries))
	}
}

func TestFileNameOfALongNameFitsAFileSystem(t *testing.T) {
	long := strings.Repeat("山田", 50) // 100 characters, 300 bytes
	name := report.FileName(store.Client{FirstName: long, LastName: long}, reportDate)
	if len(name) > 200 || !utf8.ValidString(name) || !strings.HasSuffix(name, "_progress_2026-11-25.pdf") ||
		!strings.HasPrefix(name, "山田山田") {
		t.Errorf("FileName = %q (%d bytes)", name, len(name))
	}
	latin := report.FileName(store.Client{FirstName: "A", LastName: strings.Repeat("x", 300)}, reportDate)
	if len(latin) > 200 {
		t.Errorf("FileName = %q (%d bytes)", latin, len(latin))
	}

	// Two clients whose names differ only past the cut get a report each.
	s := openStore(t)
	a := createClient(t, s, long, strings.Repeat("山田", 49)+"山甲", day(1980, 1, 1))
	b := createClient(t, s, long, strings.Repeat("山田", 49)+"山乙", day(1980, 1, 2))
	fourVisits(t, s, a.ID)
	fourVisits(t, s, b.ID)
	res, err := report.ExportAll(context.Background(), s, t.TempDir(), store.Period{}, report.Options{Date: reportDate}, nil)
	if err != nil || len(res.Failed) > 0 || len(res.Written) != 2 || res.Written[0] == res.Written[1] {
		t.Fatalf("ExportAll: %v, failed %v, written %q", err, res.Failed, res.Written)
	}
	for _, path := range res.Written {
		if _, err := os.Stat(path); err != nil {
			t.Error(err)
		}
	}
}

func TestWriteFileIntoAMissingFolderNamesTheFolder(t *testing.T) {
	d := fourVisitsOfLena(t)
	missing := filepath.Join(t.TempDir(), "gone")
	err := report.WriteFile(context.Background(), filepath.Join(missing, "r.pdf"), d, report.Options{})
	if err == nil || !strings.Contains(err.Error(), "the folder "+missing+" does not exist") ||
		strings.Contains(err.Error(), ".backtrack-partial") || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("WriteFile into a missing folder: %v", err)
	}
}
