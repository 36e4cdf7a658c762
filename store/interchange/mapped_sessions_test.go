package interchange_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// The visit lists in testdata/exports are written from the apps'
// documented fields (README, "Switching from another app"), with the
// awkward cells a therapist's own spreadsheet has.

// visitMapping guesses the mapping of a visits list, with a preset when
// named.
func visitMapping(t *testing.T, csv, preset string) interchange.Mapping {
	t.Helper()
	head, problems := interchange.ReadListHead(strings.NewReader(csv), 5)
	if len(problems) > 0 {
		t.Fatalf("read head: %v", problems)
	}
	m := interchange.SessionList.Guess(head.Header, head.Rows)
	if preset != "" {
		p, err := interchange.SessionList.PresetNamed(preset)
		if err != nil {
			t.Fatal(err)
		}
		m = m.WithPreset(p)
	}
	return m
}

func importVisits(t *testing.T, s *sqlstore.Store, csv string, m interchange.Mapping, opts interchange.ImportOptions) (interchange.ImportSummary, error) {
	t.Helper()
	return interchange.ImportMappedSessionsCSV(context.Background(), s, strings.NewReader(csv), m, opts)
}

func TestSpreadsheetOfVisitsImportsThroughTheGuess(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	marta := mustClient(t, s, "Marta", "Nowak") // born 1975-05-02
	csv := exportFile(t, "spreadsheet_visits.csv")
	m := visitMapping(t, csv, "")
	want := "client=Client, client_dob=D.O.B., date=Visit, time=Time, pain_before=Pain in, pain_after=Pain out, " +
		"region=Where, muscles=Muscles treated, techniques=Techniques, notes=Session notes"
	if m.Spec() != want {
		t.Errorf("guessed\n %s\nwant\n %s", m.Spec(), want)
	}
	preview, err := importVisits(t, s, csv, m, interchange.ImportOptions{CheckOnly: true, Preview: true})
	if err != nil {
		t.Fatalf("check: %v\n%s", err, testkit.ProblemsText(preview))
	}
	if len(preview.Outcomes) != 2 || preview.Outcomes[0].Row != 2 || preview.Outcomes[1].Row != 4 ||
		preview.Outcomes[0].Match != "Marta Nowak (born 1975-05-02)" || !preview.Outcomes[0].Visit {
		t.Errorf("preview %+v: want rows 2 and 4 matched to Marta Nowak (born 1975-05-02), the blank row 3 passed over", preview.Outcomes)
	}
	if last, err := s.LastSession(ctx, marta.ID); err == nil && last.ID != 0 {
		t.Fatalf("the check wrote a session: %+v", last)
	}
	sum, err := importVisits(t, s, csv, m, interchange.ImportOptions{Source: "visits.csv"})
	if err != nil || sum.SessionsAdded != 2 {
		t.Fatalf("import: %+v %v\n%s", sum, err, testkit.ProblemsText(sum))
	}
	last, err := s.LastSession(ctx, marta.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := last.Start.Format(store.StartLayout); got != "2026-11-24 09:30" {
		t.Errorf("start %s: want 24/11/2026 9:30 AM read day first", got)
	}
	if last.PainBefore != store.PainOf(7) || last.PainAfter != store.PainOf(3) {
		t.Errorf("pain %v → %v: want 7/10 → 3/10 read as 7 and 3", last.PainBefore, last.PainAfter)
	}
	if got := store.TagLabels(last.Muscles); got != "Quadratus lumborum (L), Gluteus medius (R)" {
		t.Errorf("muscles %q: want QL read as Quadratus lumborum, with its side", got)
	}
	if last.Notes.Subjective != `Sore after moving house; "much" better after` || last.Signed() {
		t.Errorf("note %+v: want the free text as Subjective, an unsigned draft", last.Notes)
	}
}

func TestClinikoAppointmentsImportThroughTheirPreset(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	marta := mustClient(t, s, "Marta", "Nowak")
	csv := exportFile(t, "cliniko_appointments.csv")
	m := visitMapping(t, csv, "cliniko")
	if got := m.Columns(interchange.ClientID); len(got) != 0 {
		t.Errorf("Cliniko's appointment numbers taken for Backtrack ids: %v", got)
	}
	sum, err := importVisits(t, s, csv, m, interchange.ImportOptions{})
	if err != nil || sum.SessionsAdded != 2 {
		t.Fatalf("import: %+v %v\n%s", sum, err, testkit.ProblemsText(sum))
	}
	last, _ := s.LastSession(ctx, marta.ID)
	want := time.Date(2026, 11, 9, 14, 45, 0, 0, time.UTC).In(time.Local).Format(store.StartLayout)
	if got := last.Start.Format(store.StartLayout); got != want {
		t.Errorf("start %s: want starts_at (UTC) as local time %s", got, want)
	}
	if last.Notes.Subjective != "Better; wants to keep monthly" {
		t.Errorf("notes %q", last.Notes.Subjective)
	}
}

func TestVisitsWithProblemsAreRefusedWholeRowByRow(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	marta := mustClient(t, s, "Marta", "Nowak")
	for _, born := range []int{1980, 1990} { // two people of one name
		if _, err := s.CreateClient(ctx, store.Client{FirstName: "Anna", LastName: "Keller",
			DateOfBirth: time.Date(born, 4, 2, 0, 0, 0, 0, time.Local)}); err != nil {
			t.Fatal(err)
		}
	}
	csv := "Date,First name,Last name,Muscles,Notes\n" +
		"2026-11-20,Marta,Nowak,Piriformis,fine\n" +
		"2026-11-20,Jane,Doe,,\n" +
		"2026-11-21,Anna,Keller,,\n" +
		"2026-11-22,Marta,Nowak,glute thingy (left); Piriformis,\n"
	m := visitMapping(t, csv, "")
	sum, err := importVisits(t, s, csv, m, interchange.ImportOptions{})
	if err == nil {
		t.Fatal("a list with problems was imported")
	}
	got := testkit.ProblemsText(sum)
	for _, want := range []string{
		`row 3, First name: no client is named "Jane Doe"`,
		`row 4, First name: 2 clients match "Anna Keller"`,
		`row 5, Muscles: "glute thingy" is not in your muscle list`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	if len(sum.Problems) != 3 {
		t.Errorf("%d problems, want 3:\n%s", len(sum.Problems), got)
	}
	if last, err := s.LastSession(ctx, marta.ID); err == nil && last.ID != 0 {
		t.Errorf("row 2 was written beside the problems: %+v", last)
	}
}

func TestVisitsMappingAsksForADateAndAClient(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	csv := "When,Who\n03/04/2026,Marta Nowak\n"
	sum, err := importVisits(t, s, csv, visitMapping(t, csv, ""), interchange.ImportOptions{})
	got := testkit.ProblemsText(sum)
	if err == nil || !strings.Contains(got, "date of the visit") || !strings.Contains(got, "names the client") {
		t.Fatalf("want the date and the client asked for, got %v\n%s", err, got)
	}
	rules, order, err := interchange.SessionList.ParseSpec("date=When, client=Who")
	if err != nil {
		t.Fatal(err)
	}
	m, err := visitMapping(t, csv, "").WithRules(rules)
	if err != nil {
		t.Fatal(err)
	}
	m.DateOrder = order
	sum, _ = importVisits(t, s, csv, m, interchange.ImportOptions{})
	if got := testkit.ProblemsText(sum); !strings.Contains(got, "When") || !strings.Contains(got, "day-first") {
		t.Errorf("an ambiguous date column not asked about by name: %s", got)
	}
}

func TestAnImportOfVisitsIsUndoneAsOneStepUntilSomethingIsRecorded(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	marta := mustClient(t, s, "Marta", "Nowak")
	csv := exportFile(t, "spreadsheet_visits.csv")
	if _, err := importVisits(t, s, csv, visitMapping(t, csv, ""), interchange.ImportOptions{Source: "visits.csv"}); err != nil {
		t.Fatal(err)
	}
	batch, found, err := s.LastImport(ctx)
	if err != nil || !found || batch.Sessions != 2 || !strings.Contains(batch.Words(), "visits.csv (2 sessions,") {
		t.Fatalf("last import %+v %v %v", batch, found, err)
	}
	if _, err := s.UndoLastImport(ctx); err != nil {
		t.Fatalf("undo: %v", err)
	}
	if history, _ := s.ClientHistory(ctx, marta.ID, store.Period{}); len(history) != 0 {
		t.Fatalf("%d sessions after the undo", len(history))
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("the check after the undo: %v %v", problems, err)
	}

	// imported again, then a note signed for Marta: the import stays
	if _, err := importVisits(t, s, csv, visitMapping(t, csv, ""), interchange.ImportOptions{Source: "visits.csv"}); err != nil {
		t.Fatal(err)
	}
	last, _ := s.LastSession(ctx, marta.ID)
	if _, err := s.SignSession(ctx, last.ID, "Anna Keller, LMT"); err != nil {
		t.Fatal(err)
	}
	_, err = s.UndoLastImport(ctx)
	var refused *sqlstore.ImportUndoRefused
	if !errors.As(err, &refused) || len(refused.Changed) != 1 || refused.Changed[0] != "Marta Nowak" {
		t.Fatalf("undo after a signature: %v", err)
	}
	if history, _ := s.ClientHistory(ctx, marta.ID, store.Period{}); len(history) != 2 {
		t.Errorf("%d sessions after a refused undo, want both kept", len(history))
	}
}
