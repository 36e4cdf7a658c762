package report_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/report"
	"backtrack/store"
)

func TestAVisitNotePrintsOneSessionWithTheReportsFrame(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	fourVisits(t, s, c.ID)
	hist, err := s.ClientHistory(context.Background(), c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	last := hist[0] // 14 Nov: 4 → 2, with a note and a plan
	path := filepath.Join(t.TempDir(), report.NoteFileName(c, last.Start))
	head := store.LogHead{Seq: 42, Hash: "3f9a2c1d5e6b7a8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e"}
	if err := report.WriteNoteFile(context.Background(), path, c, last, head, defaultOptions()); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, path)
	if len(pages) != 1 {
		t.Errorf("a visit note of %d pages", len(pages))
	}
	text := strings.Join(pages, "\n")
	mustContain(t, "visit note", text,
		"Back in Balance Massage", "Anna Keller, LMT, CMTPT", "Visit note", // the report's letterhead
		"Zoë Ångström-Łukasiewicz", "2 May 1975", "VISIT", "14 Nov 2026, 09:00", "60 min",
		"Before treatment 4 / 10, after 2 / 10 (relief 2 points)",
		"Stiffness", "Quadratus lumborum (both)", "Running on soft surface", "Massage, Stretching",
		"Much easier to sit through the working day.", "Every two weeks; side-lying QL stretch.",
		"Confidential health information", "Page 1 of 1",
		"Record #42 · 3f9a2c1d") // the history as printed: paper anchors it too
	for _, other := range []string{"Pain since moving house", "Walk 20 minutes"} {
		if strings.Contains(text, other) {
			t.Errorf("the note of 14 Nov prints another visit's %q", other)
		}
	}
	if !strings.HasSuffix(path, "_visit_2026-11-14.pdf") {
		t.Errorf("file name %s", filepath.Base(path))
	}
}
