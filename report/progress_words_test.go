package report_test

import (
	"strings"
	"testing"

	"backtrack/store"
)

// A rise is signed like its percentage, and the threshold is a whole score.
func TestAChangeIsSignedAndTheThresholdIsAWholeScore(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Jonas", "Petrauskas", day(1980, 1, 1))
	saveVisit(t, s, c.ID, visit{at: day(2026, 10, 1).Add(9 * 3600e9), before: 6, after: 4})
	saveVisit(t, s, c.ID, visit{at: day(2026, 10, 15).Add(9 * 3600e9), before: 8, after: 7})
	raw := strings.Join(pdfRaw(t, writePDF(t, s, c.ID, store.Period{}, defaultOptions())), "\n")
	mustContain(t, "summary", raw, "CHANGE +2 points +33.3 %", "BASELINE 6 / 10 episode start, 1 Oct 2026",
		"Important improvement: pain 4 or lower")
	if strings.Contains(raw, "4.2") {
		t.Error("a threshold of 4.2 on a whole-number scale")
	}
}

// Where it hurt is in the report, counted like triggers and muscles.
func TestPainLocationsAreCounted(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Lena", "Fischer", day(1980, 1, 1))
	saveVisit(t, s, c.ID, visit{at: day(2026, 10, 1).Add(9 * 3600e9), before: 6, after: 4,
		locations: map[string]store.Side{"Buttocks": store.Right}})
	text := normalize(strings.Join(pdfText(t, writePDF(t, s, c.ID, store.Period{}, defaultOptions())), "\n"))
	// the buttocks are two regions of the body chart now
	mustContain(t, "frequencies", text, "PAIN LOCATIONS", "Gluteal, upper (R) 1", "Gluteal, lower (R) 1")
}
