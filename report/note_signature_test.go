package report_test

import (
	"backtrack/store"
	"backtrack/store/sqlstore"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backtrack/report"
)

func TestASignedNotePrintsItsSignatureAndEveryAmendmentWithTheOriginal(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	c := createClient(t, s, "Ruth", "Okafor", day(1968, 4, 2))
	sess := saveVisit(t, s, c.ID, visit{at: day(2026, 11, 14).Add(9 * time.Hour), before: 6, after: 4,
		note: "Stiff after gardening.", plan: "Weekly for a month."})
	if _, err := s.SignSession(ctx, sess.ID, "Anna Keller, LMT"); err != nil {
		t.Fatal(err)
	}
	signed, err := s.Session(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	signed.Notes.Plan = "Every two weeks; side-lying QL stretch."
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: signed, Amend: true, Reason: "Plan agreed by phone", By: "Anna Keller, LMT"}); err != nil {
		t.Fatal(err)
	}
	amended, err := s.Session(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "note.pdf")
	if err := report.WriteNoteFile(ctx, path, c, amended, store.LogHead{}, defaultOptions()); err != nil {
		t.Fatal(err)
	}
	text := normalize(strings.Join(pdfText(t, path), "\n"))
	mustContain(t, "signed note", text,
		"Electronically signed by Anna Keller, LMT on "+formatStampForTest(amended.SignedAt),
		"Amendment 1: "+formatStampForTest(amended.Amendments[0].At)+", by Anna Keller, LMT. Reason: Plan agreed by phone",
		"Plan, as amended: Every two weeks; side-lying QL stretch.",
		"Plan, original: Weekly for a month.")
	if strings.Contains(text, "For the physician") {
		t.Error("a visit note printed without an edition asked for says it is for the physician")
	}
	if strings.Contains(text, "Draft: this note is not signed") {
		t.Error("a signed note reads as a draft")
	}

	// An edition asked for is printed
	opts := defaultOptions()
	opts.Edition = report.ForInsurer
	if err := report.WriteNoteFile(ctx, path, c, amended, store.LogHead{}, opts); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "note for the insurer", strings.Join(pdfText(t, path), "\n"), "For the insurer")
}

func formatStampForTest(t time.Time) string { return t.Format("2 Jan 2006, 15:04 MST") }

func TestADraftNoteSaysSoAndKeepsTheLinesToSign(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Ruth", "Okafor", day(1968, 4, 2))
	sess := saveVisit(t, s, c.ID, visit{at: day(2026, 11, 14).Add(9 * time.Hour), before: 6, after: 4})
	path := filepath.Join(t.TempDir(), "note.pdf")
	if err := report.WriteNoteFile(context.Background(), path, c, sess, store.LogHead{}, defaultOptions()); err != nil {
		t.Fatal(err)
	}
	text := normalize(strings.Join(pdfText(t, path), "\n"))
	mustContain(t, "draft note", text, "Draft: this note is not signed yet and may still change.")
	if strings.Contains(text, "Electronically signed") {
		t.Error("a draft claims a signature")
	}
}
