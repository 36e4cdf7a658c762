package report_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// normalize folds pdftotext's layout spacing so phrases can be matched.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

func mustContain(t *testing.T, where, text string, wants ...string) {
	t.Helper()
	flat := normalize(text)
	for _, w := range wants {
		if !strings.Contains(flat, normalize(w)) {
			t.Errorf("%s: missing %q", where, w)
		}
	}
}

// fourVisits is a short course of treatment with known figures:
// pain before 7, 6, 5, 4 (−3 points, −42.9 %), after 4, 4, 3, 2 (relief
// 3, 2, 2, 2: average 2.25).
func fourVisits(t *testing.T, s *sqlstore.Store, clientID int64) {
	qlBoth := map[string]store.Side{"Quadratus lumborum": store.Both}
	visits := []visit{
		{at: day(2026, 8, 4).Add(9 * 3600e9), before: 7, after: 4, painTypes: []string{"Sharp / stabbing", "Stiffness"},
			triggers: []string{"Sitting long", "Lifting repeatedly"}, muscles: qlBoth, techniques: []string{"Massage"},
			note: "Pain since moving house.", plan: "Weekly for a month."},
		{at: day(2026, 9, 1).Add(9 * 3600e9), before: 6, after: 4, painTypes: []string{"Stiffness"},
			triggers: []string{"Sitting long"}, muscles: map[string]store.Side{"Quadratus lumborum": store.Both, "Gluteus medius": store.Right},
			techniques: []string{"Massage", "Stretching"}},
		{at: day(2026, 10, 13).Add(9 * 3600e9), before: 5, after: 3, painTypes: []string{"Dull ache"},
			triggers: []string{"Sitting long"}, muscles: map[string]store.Side{"Gluteus medius": store.Right},
			techniques: []string{"Stretching"}, homeCare: "Walk 20 minutes a day."},
		{at: day(2026, 11, 14).Add(9 * 3600e9), before: 4, after: 2, painTypes: []string{"Stiffness"},
			triggers: []string{"Running on soft surface"}, muscles: qlBoth, techniques: []string{"Massage", "Stretching"},
			note: "Much easier to sit through the working day.", plan: "Every two weeks; side-lying QL stretch."},
	}
	for _, v := range visits {
		saveVisit(t, s, clientID, v)
	}
}

func TestReportStatesFiguresNamesAndDates(t *testing.T) {
	// Given a client with an accented name and four visits
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	fourVisits(t, s, c.ID)

	// When the report for all visits is written and read back
	path := writePDF(t, s, c.ID, store.Period{}, defaultOptions())
	pages := pdfText(t, path)
	text := strings.Join(pages, "\n")
	raw := strings.Join(pdfRaw(t, path), "\n")

	// Then the header, summary, lists, table and closing say what the record holds
	mustContain(t, "header", pages[0],
		"Back in Balance Massage", "Anna Keller, LMT, CMTPT", "Report date 25 Nov 2026",
		"Zoë Ångström-Łukasiewicz", "2 May 1975 (age 51)", "4 Aug – 14 Nov 2026", "all visits: 4 visits")
	mustContain(t, "summary", raw,
		"VISITS 4 in the period", "BASELINE 7 / 10 episode start, 4 Aug 2026 · unsigned draft", "LATEST PAIN 4 / 10 14 Nov 2026 · unsigned draft",
		"CHANGE −3 points −42.9 %", "RELIEF IN SESSION 2.3 points",
		"Pain before treatment fell from the baseline of 7 (4 Aug 2026) to 4, by 3 points (42.9 %).",
		"This is a clinically important improvement (at least 2 points and 30 % of the baseline, here 3 points; source: Ostelo et al. 2008, Spine, and Farrar et al. 2001, Pain).",
		"4 visits counted are unsigned drafts, which may still change.",
		"Change is measured from the baseline, the first score of the episode of care",
		"Within a session, pain fell by 2.3 points on average (4 visits with both scores).")
	mustContain(t, "frequencies", raw, "PAIN LOCATIONS", "Sitting long 3", "Quadratus lumborum (both) 3", "Gluteus medius (R) 2", "Stiffness 3")
	mustContain(t, "table", raw, "4 Aug 2026 60 min 7 → 4 Sharp / stabbing Stiffness Lifting repeatedly Sitting long",
		"Quadratus lumborum (both) Massage S Pain since moving house. P Weekly for a month.",
		"14 Nov 2026 60 min 4 → 2 Stiffness Running on soft surface Quadratus lumborum (both) Massage Stretching",
		"S Much easier to sit through the working day.")
	mustContain(t, "closing", text,
		"PLAN · AS OF THE VISIT ON 14 NOV 2026", "Every two weeks; side-lying QL stretch.",
		"HOME CARE · AS OF THE VISIT ON 13 OCT 2026", "Walk 20 minutes a day.",
		"Confidential health information")
	mustContain(t, "footer", pages[len(pages)-1], fmt.Sprintf("Page %d of %d", len(pages), len(pages)))
	if strings.Contains(text, "AS OF THE VISIT ON 4 AUG") {
		t.Error("an older plan was printed as the latest")
	}
}

func TestReportForAPeriodCountsOnlyItsVisits(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Marta", "Nowak-Świątek", day(1975, 5, 2))
	fourVisits(t, s, c.ID)

	pages := pdfText(t, writePDF(t, s, c.ID, store.Period{From: day(2026, 9, 1), To: day(2026, 10, 31)}, defaultOptions()))
	text := strings.Join(pages, "\n")

	// the baseline stays the episode's (4 Aug, 7), and the period's own first is named beside it
	mustContain(t, "period", text, "1 Sep – 31 Oct 2026", "2 visits", "fell from the baseline of 7 (4 Aug 2026) to 5, by 2 points (28.6 %)",
		"less than a clinically important improvement", "In this period it went from 6 (1 Sep 2026) to 5 (13 Oct 2026).")
	for _, absent := range []string{"14 Nov 2026", "Running on soft surface"} {
		if strings.Contains(text, absent) {
			t.Errorf("a visit outside the period shows: %q", absent)
		}
	}
}

func TestLongReportRepeatsHeadersOnEveryPage(t *testing.T) {
	// Given 300 visits
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	manyVisits(t, s, c.ID, 300)

	pages := pdfText(t, writePDF(t, s, c.ID, store.Period{}, defaultOptions()))

	// Then it spans several pages, each with the client, the table header
	// and its own "Page X of Y"
	if len(pages) < 5 {
		t.Fatalf("300 visits fit on %d pages; want several", len(pages))
	}
	tableHeader := regexp.MustCompile(`Date\s+Pain\s+Pain type\s+Triggers\s+Muscles \(side\)\s+Techniques\s+Note`)
	for i, p := range pages {
		mustContain(t, fmt.Sprintf("page %d", i+1), p, "Zoë Ångström-Łukasiewicz",
			fmt.Sprintf("Page %d of %d", i+1, len(pages)))
		if i > 0 && i < len(pages)-1 && !tableHeader.MatchString(p) {
			t.Errorf("page %d has no table header row:\n%s", i+1, p)
		}
	}
	// And every visit is in the table once, in order
	all := strings.Join(pages, "\n")
	for i := 1; i <= 300; i++ {
		if n := strings.Count(all, fmt.Sprintf("A Visit %d of the series.", i)); n != 1 {
			t.Fatalf("visit %d appears %d times", i, n)
		}
	}
}

func TestLongNoteBreaksAcrossPagesWithoutLosingText(t *testing.T) {
	// Given one visit whose note is far longer than a page
	s := openStore(t)
	c := createClient(t, s, "Jonas", "Petrauskas", day(1980, 1, 2))
	var words []string
	for i := range 1500 {
		words = append(words, fmt.Sprintf("w%04d", i))
	}
	saveVisit(t, s, c.ID, visit{at: day(2026, 10, 1), before: 6, after: 4, note: strings.Join(words, " ")})

	path := writePDF(t, s, c.ID, store.Period{}, defaultOptions())
	text := testkit.PDFText(t, path, testkit.Raw)

	// Then every word is printed once, in order, over more than one page
	if pages := strings.Count(text, "\f"); pages < 2 {
		t.Errorf("the note fit on %d page(s); want it split", pages)
	}
	got := regexp.MustCompile(`w\d{4}`).FindAllString(text, -1)
	if strings.Join(got, " ") != strings.Join(words, " ") {
		t.Errorf("note words came back as %d words, want %d in order", len(got), len(words))
	}
	if !strings.Contains(text, "continued") {
		t.Error("the continued part of the row does not say so")
	}
}

func TestSameDataAndDateGiveIdenticalBytes(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	manyVisits(t, s, c.ID, 40)
	d, err := report.Load(context.Background(), s, c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	render := func(o report.Options) []byte {
		var b bytes.Buffer
		if err := report.Write(&b, d, o); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	first, second := render(defaultOptions()), render(defaultOptions())
	if !bytes.Equal(first, second) {
		t.Error("two reports from the same data and date differ")
	}
	later := defaultOptions()
	later.Date = reportDate.AddDate(0, 0, 1)
	if bytes.Equal(first, render(later)) {
		t.Error("reports with different dates are identical: the date is not printed")
	}
}

func TestLetterPaper(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Lena", "Fischer", day(1990, 3, 4))
	fourVisits(t, s, c.ID)
	opts := defaultOptions()
	opts.PageSize = settings.Letter
	path := writePDF(t, s, c.ID, store.Period{}, opts)
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "612 x 792 pts (letter)") {
		t.Errorf("not Letter paper:\n%s", out)
	}
	mustContain(t, "letter", strings.Join(pdfText(t, path), "\n"), "Lena Fischer", "Page 1 of ")
}

func TestEmptyPeriodStillMakesAReport(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Lena", "Fischer", store.Client{}.DateOfBirth)
	pages := pdfText(t, writePDF(t, s, c.ID, store.Period{}, report.Options{Date: reportDate}))
	text := strings.Join(pages, "\n")
	mustContain(t, "empty", text, "Lena Fischer", "not recorded",
		"No visits were recorded in this period.", "No visits in this period.", "Page 1 of 1")
	if strings.Contains(text, "relief within a session cannot be stated") || strings.Contains(text, "Most frequent") {
		t.Error("a report without visits speaks of relief or frequencies")
	}
}

func TestLoadRejectsABackwardPeriodAndUnknownClient(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Lena", "Fischer", day(1990, 3, 4))
	_, err := report.Load(context.Background(), s, c.ID, store.Period{From: day(2026, 5, 1), To: day(2026, 4, 1)})
	var ve *store.ValidationError
	if !errors.As(err, &ve) || ve.For("from") == "" {
		t.Errorf("backward period: got %v, want a validation error on from", err)
	}
	if _, err := report.Load(context.Background(), s, c.ID+99, store.Period{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown client: got %v, want ErrNotFound", err)
	}
}

func TestVeryLongNamesAndTagsWrapWithoutLoss(t *testing.T) {
	// Given a client whose names are at the store's limit and a long
	// therapist's own trigger
	s := openStore(t)
	first := strings.Repeat("Anna-Maria ", 8) + "Zoë"
	last := strings.Repeat("Ångström-Łukasiewicz ", 4) + "Smith"
	c := createClient(t, s, first, last, day(1975, 5, 2))
	sess := saveVisit(t, s, c.ID, visit{at: day(2026, 10, 1), before: 6, after: 3, triggers: []string{"Sitting long"}})
	sess.TriggerOther = "carrying a toddler up four flights of stairs several times a day"
	if _, err := s.Save(context.Background(), sqlstore.SaveRequest{Session: sess}); err != nil {
		t.Fatal(err)
	}

	// When the report is read back in drawing order
	text := normalize(strings.Join(pdfRaw(t, writePDF(t, s, c.ID, store.Period{}, report.Options{Date: reportDate})), " "))

	// Then every word of the name and the trigger is there; with no
	// practice set the title stands in the letterhead
	for _, want := range []string{normalize(first), normalize(last),
		"Other: carrying a toddler up four flights of stairs several times a day", "Progress report Report date 25 Nov 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
}

func TestHeaderThatFillsThePageCannotStallTheTable(t *testing.T) {
	// Given a practice name so long its running header fills the page
	s := openStore(t)
	c := createClient(t, s, "Lena", "Fischer", day(1990, 3, 4))
	manyVisits(t, s, c.ID, 6)
	opts := defaultOptions()
	opts.Practice.Name = strings.Repeat("Practice ", 1500)

	// When the report is written, it finishes, the practice name is
	// shortened in the headers, and every visit is printed
	text := normalize(strings.Join(pdfRaw(t, writePDF(t, s, c.ID, store.Period{}, opts)), " "))
	if !strings.Contains(text, "Practice …") {
		t.Error("the practice name was not shortened")
	}
	for i := 1; i <= 6; i++ {
		if !strings.Contains(text, fmt.Sprintf("A Visit %d of the series.", i)) {
			t.Errorf("visit %d is missing", i)
		}
	}
}

func TestAOneVisitReportFitsOnePage(t *testing.T) {
	s := openStore(t)
	c := createClient(t, s, "Nadia", "Jensen", day(1967, 3, 23))
	manyVisits(t, s, c.ID, 1)
	pages := pdfText(t, writePDF(t, s, c.ID, store.Period{}, defaultOptions()))
	// no empty chart frame pushing the plan and signature onto a page of their own
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	mustContain(t, "chart message", pages[0], "Record a second visit to see a trend.")
	mustContain(t, "plan", pages[0], "Plan and home care")
	mustContain(t, "footer", pages[0], "Page 1 of 1")
}
