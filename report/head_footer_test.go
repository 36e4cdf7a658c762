package report_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"backtrack/store"
)

func TestEveryPageFooterCarriesTheRecordsHead(t *testing.T) {
	// Given a record whose history has a head, long enough for two pages
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	manyVisits(t, s, c.ID, 40)
	head, err := s.LogHead(context.Background())
	if err != nil || head.Seq == 0 {
		t.Fatalf("head %+v: %v", head, err)
	}

	// When its report is printed and read back
	pages := pdfText(t, writePDF(t, s, c.ID, store.Period{}, defaultOptions()))

	// Then each page's footer names the head: its number and its hash's start
	want := fmt.Sprintf("Record #%d · %s", head.Seq, head.Hash[:8])
	if len(pages) < 2 {
		t.Fatalf("%d pages, want a long report", len(pages))
	}
	for i, page := range pages {
		if !strings.Contains(normalize(page), want) {
			t.Errorf("page %d: the footer has no %q", i+1, want)
		}
	}
}
