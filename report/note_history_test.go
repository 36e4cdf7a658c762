package report_test

import (
	"context"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

func TestTheReportMarksAmendmentsAndDraftsAndLeavesVoidedNotesOut(t *testing.T) {
	// Given three visits: one signed and amended, one voided, one a draft
	ctx := context.Background()
	s := openStore(t)
	c := createClient(t, s, "Jonas", "Petrauskas", day(1980, 1, 2))
	amended := saveVisit(t, s, c.ID, visit{at: day(2026, 10, 1), before: 6, after: 4, note: "Stiff after the drive."})
	voided := saveVisit(t, s, c.ID, visit{at: day(2026, 10, 8), before: 9, after: 9, note: "Entered on the wrong person."})
	saveVisit(t, s, c.ID, visit{at: day(2026, 10, 15), before: 5, after: 3, note: "Easier mornings."})
	for _, id := range []int64{amended.ID, voided.ID} {
		if _, err := s.SignSession(ctx, id, "Anna Keller, LMT"); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := s.Session(ctx, amended.ID)
	got.PainAfter = store.PainOf(3)
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: got, Amend: true, Reason: "Pain after misread from the scale", By: "Anna Keller, LMT"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.VoidSession(ctx, voided.ID, "Recorded on the wrong client", "Anna Keller, LMT"); err != nil {
		t.Fatal(err)
	}

	// When the report is printed
	raw := strings.Join(pdfRaw(t, writePDF(t, s, c.ID, store.Period{}, defaultOptions())), "\n")

	// Then the amendment is printed where the session is listed, the draft
	// is marked, and the voided note is in no line and no figure
	mustContain(t, "amendment", raw, "Amended 25 Nov 2026: Pain after misread from the scale", "Draft: not signed yet",
		"6 → 3", "VISITS 2 in the period")
	if strings.Contains(raw, "Entered on the wrong person") || strings.Contains(raw, "9 → 9") {
		t.Error("the voided note was printed")
	}
}
