package report_test

import (
	"strings"
	"testing"

	"backtrack/store"
)

func TestGreekCyrillicAndAccentedTextPrintIntact(t *testing.T) {
	// Given names and notes in Latin with diacritics, Greek and Cyrillic,
	// one accent typed as a separate combining mark
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	greek := "Σοφία Παπαδοπούλου: πόνος στη μέση μετά από πολύωρη οδήγηση."
	cyrillic := "Наталья Ковальчук: боль в пояснице после долгого сидения, ёжик."
	saveVisit(t, s, c.ID, visit{at: day(2026, 10, 1), before: 6, after: 3, note: greek, plan: cyrillic})
	saveVisit(t, s, c.ID, visit{at: day(2026, 10, 8), before: 5, after: 3, note: "Cafe\u0301 owner; Dvořák, Øresund, Straße."})

	// When the report is read back
	path := writePDF(t, s, c.ID, store.Period{}, defaultOptions())
	text := strings.Join(pdfRaw(t, path), "\n")

	// Then every script comes out as typed, the combining accent composed
	mustContain(t, "scripts", text, "Zoë Ångström-Łukasiewicz", greek, cyrillic,
		"Café owner; Dvořák, Øresund, Straße.")
}

func TestCharactersTheFontLacksShowAsABox(t *testing.T) {
	// Given a note with Arabic (which needs shaping gofpdf lacks), an emoji
	// (outside the Basic Multilingual Plane, which gofpdf's width tables
	// cannot index) and a zero-width joiner
	s := openStore(t)
	c := createClient(t, s, "Mei", "Lin", day(1988, 7, 9))
	saveVisit(t, s, c.ID, visit{at: day(2026, 10, 1), before: 6, after: 3,
		note: "before عر middle 👍🏽 after\u200d end"})

	// When the report is written (it must not panic or fail)
	text := strings.Join(pdfRaw(t, writePDF(t, s, c.ID, store.Period{}, defaultOptions())), "\n")

	// Then each missing character is a visible box and its neighbours are intact
	mustContain(t, "placeholder", text, "S before □□ middle □□ after end")
}
