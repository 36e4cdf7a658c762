package report_test

import (
	"context"
	"strings"
	"testing"

	"backtrack/report"
	"backtrack/store"
)

func TestChineseJapaneseAndKoreanPrintAsTyped(t *testing.T) {
	// Given clients named in Chinese, Japanese and Korean, with notes that
	// mix their script with Latin text and numbers
	s := openStore(t)
	cases := []struct{ first, last, note string }{
		{"芳", "王", "腰痛 6/10, 久坐后加重 (after long sitting)."},
		{"花子", "山田", "デスクワークで腰が痛い; stretch daily."},
		{"민준", "김", "허리 통증이 줄었습니다 after 3 visits."},
	}
	for _, c := range cases {
		client := createClient(t, s, c.first, c.last, day(1980, 3, 4))
		saveVisit(t, s, client.ID, visit{at: day(2026, 10, 1), before: 6, after: 4, note: c.note})

		// When the report is written and read back
		d, err := report.Load(context.Background(), s, client.ID, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(pdfRaw(t, writePDF(t, s, client.ID, store.Period{}, defaultOptions())), "\n")

		// Then the name and the note come back as typed, and nothing is
		// reported as unprintable
		mustContain(t, c.last, text, c.first+" "+c.last, c.note)
		if u := report.FindUnprintable(d, defaultOptions()); len(u) > 0 {
			t.Errorf("%s: %v", c.last, u)
		}
	}
}

func TestScriptsThatNeedShapingAreNamedBeforeWriting(t *testing.T) {
	// Given a client named in Arabic with a note in Devanagari, scripts
	// gofpdf cannot shape, beside a Chinese note it prints
	s := openStore(t)
	c := createClient(t, s, "Omar", "عمر", day(1979, 1, 2))
	saveVisit(t, s, c.ID, visit{at: day(2026, 10, 1), before: 5, after: 3, note: "दर्द कम", plan: "继续拉伸"})
	d, err := report.Load(context.Background(), s, c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}

	// When the report is checked before it is written
	got := report.FindUnprintable(d, defaultOptions())

	// Then each field is named with its characters, and the Chinese plan is not
	var lines []string
	for _, u := range got {
		lines = append(lines, u.String())
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{
		"The client's last name has characters this report cannot print: عمر",
		"The subjective note of the session on 1 Oct 2026 has characters this report cannot print: दर्कम",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in:\n%s", want, all)
		}
	}
	if len(got) != 2 {
		t.Errorf("%d fields named, want 2:\n%s", len(got), all)
	}
}
