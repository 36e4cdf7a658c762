package interchange_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/testkit"
)

// A sessions CSV reads names as the desk's tag picker does: initials,
// short forms, lists in one cell, case and accents; only what is still
// unknown is new vocabulary, and the summary says which is which.
func TestASessionsCSVReadsTheVocabularyAsTheDeskDoes(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	c := mustClient(t, s, "Marta", "Nowak")
	csv := "client,date,muscles,techniques\n" +
		"Marta Nowak,2026-11-20 10:00,QL (left); TFL,\"massage, stretch\"\n" +
		"Marta Nowak,2026-11-21 10:00,Quadrátus LUMBORUM,MET; Cupping\n"
	sum, err := interchange.ImportSessionsCSV(context.Background(), s, strings.NewReader(csv), interchange.ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
	history, _ := s.ClientHistory(context.Background(), c.ID, store.Period{})
	var got []string
	for _, h := range history {
		for _, tag := range append(h.Tags(store.Muscle), h.Tags(store.Technique)...) {
			got = append(got, tag.Label())
		}
	}
	slices.Sort(got)
	want := []string{"Cupping", "Massage", "Muscle energy technique", "Quadratus lumborum", "Quadratus lumborum (L)", "Stretching", "Tensor fasciae latae"}
	if !slices.Equal(got, want) {
		t.Errorf("tags %q, want %q", got, want)
	}
	if len(sum.NewTerms) != 1 || sum.NewTerms[0].Name != "Cupping" {
		t.Errorf("new terms %+v, want Cupping only", sum.NewTerms)
	}
	lines := strings.Join(sum.Lines(), "\n")
	linesContain(t, lines, `Read as your vocabulary's terms: "QL" as Quadratus lumborum; "TFL" as Tensor fasciae latae; "stretch" as Stretching; "MET" as Muscle energy technique.`,
		"Added to your vocabulary: Technique: Cupping.")
}

// A file that would add vocabulary is refused whole when only known terms
// are wanted, listing what it would add; a short form two terms share is a
// problem at its cell, never a guess.
func TestNewVocabularyIsListedBeforeItIsWritten(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	c := mustClient(t, s, "Marta", "Nowak")
	csv := "client,date,techniques\nMarta Nowak,2026-11-20 10:00,Cupping; Massage\n"
	sum, err := interchange.ImportSessionsCSV(context.Background(), s, strings.NewReader(csv), interchange.ImportOptions{KnownTermsOnly: true})
	if !errors.Is(err, interchange.ErrNewTerms) {
		t.Fatalf("import: %v, want ErrNewTerms", err)
	}
	linesContain(t, strings.Join(sum.Lines(), "\n"), "1 session would be added.", "Would be added to your vocabulary: Technique: Cupping.")
	if h, _ := s.ClientHistory(context.Background(), c.ID, store.Period{}); len(h) != 0 {
		t.Fatalf("%d sessions written by a refused import", len(h))
	}
	if _, err := s.TermNamed(context.Background(), store.Technique, "Cupping"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Cupping added by a refused import: %v", err)
	}

	csv = "client,date,muscles\nMarta Nowak,2026-11-20 10:00,gm\n"
	sum, err = interchange.ImportSessionsCSV(context.Background(), s, strings.NewReader(csv), interchange.ImportOptions{})
	if err == nil || !strings.Contains(testkit.ProblemsText(sum), `row 2, muscles: "gm" could be Gluteus medius or Gluteus maximus; write the name in full`) {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
}

func linesContain(t *testing.T, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("%q\nlacks %q", text, p)
		}
	}
}
