package interchange_test

import (
	"backtrack/store"
	"backtrack/store/testkit"
	"context"
	"testing"
)

func TestSessionsCSVReadsLocationWordsRegionNamesAndTheChartColumn(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	if _, err := s.CreateClient(context.Background(), store.Client{FirstName: "Anna", LastName: "Smith"}); err != nil {
		t.Fatal(err)
	}
	csv := "client,date,locations,body_map\n" +
		"Anna Smith,2026-11-20 09:00,Hip (left); Sacral; Gluteal upper (both); Elbow,Lumbar (R) [lumbar-r]: Dull ache; Calf (L): 4\n"
	sum, err := importSessions(t, s, csv, false)
	if err != nil || len(sum.Problems) > 0 {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
	hist, err := s.ClientHistory(context.Background(), 1, store.Period{})
	if err != nil || len(hist) != 1 {
		t.Fatal(hist, err)
	}
	got := store.BodyMapLabels(hist[0].BodyMap)
	if got != "Lumbar (R): Dull ache; Sacral; Gluteal, upper (L); Gluteal, upper (R); Lateral hip (L); Calf (L): 4" {
		t.Errorf("chart from CSV: %q", got)
	}
	if words := store.TagLabels(hist[0].Locations); words != "Elbow" {
		t.Errorf("locations kept as words: %q", words)
	}
}
