package interchange_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/dates"
	"backtrack/store/interchange"
	"backtrack/store/recordjson"
	"backtrack/store/testkit"
)

// A CSV's dates are read in the order its own column shows, never guessed
// and never from this computer's locale.
func TestCSVDatesReadInTheOrderTheirColumnShows(t *testing.T) {
	t.Setenv("LC_ALL", "en_US.UTF-8") // the locale must not decide a file
	for _, c := range []struct {
		name   string
		csv    string
		order  dates.Order
		born   map[string]string // first name → date of birth, when imported
		refuse string            // the problem, when refused
	}{
		{"day-first shown by a day over 12", "first_name,last_name,date_of_birth\n" +
			"Ada,One,07/12/1979\nBen,Two,25/11/1980\nCal,Three,14.03.1979\n", dates.Unknown,
			map[string]string{"Ada": "1979-12-07", "Ben": "1980-11-25", "Cal": "1979-03-14"}, ""},
		{"month-first shown by a day over 12", "first_name,last_name,date_of_birth\n" +
			"Ada,One,07-12-1979\nBen,Two,3/14/1979\n", dates.Unknown,
			map[string]string{"Ada": "1979-07-12", "Ben": "1979-03-14"}, ""},
		{"ambiguous column refused at its first row", "first_name,last_name,date_of_birth\n" +
			"Ada,One,1979-12-07\nBen,Two,03/04/1980\nCal,Three,07/12/1979\n", dates.Unknown,
			nil, `row 3, date_of_birth: "03/04/1980" could be day-first or month-first`},
		{"ambiguous column read as the flag says", "first_name,last_name,date_of_birth\n" +
			"Ben,Two,03/04/1980\nCal,Three,07/12/1979\n", dates.MonthFirst,
			map[string]string{"Ben": "1980-03-04", "Cal": "1979-07-12"}, ""},
		{"a value against its column's order refused by row", "first_name,last_name,date_of_birth\n" +
			"Ada,One,25/11/1980\nBen,Two,11/25/1980\n", dates.Unknown,
			nil, "row 3, date_of_birth: \"11/25/1980\" is not a date: there is no month 25 (read with the day first); this column writes dates day-first, as row 2 shows (25/11/1980)"},
		{"a value against the flag refused by row", "first_name,last_name,date_of_birth\n" +
			"Ada,One,25/11/1980\n", dates.MonthFirst, nil, "row 2, date_of_birth: \"25/11/1980\" is not a date: there is no month 25"},
		{"Feb 29 of a common year refused", "first_name,last_name,date_of_birth\nAda,One,29.02.1979\n", dates.Unknown,
			nil, `row 2, date_of_birth: "29.02.1979" is not a date: February 1979 has 28 days`},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := testkit.OpenStore(t, fixedNow)
			sum, err := interchange.ImportClientsCSV(context.Background(), s, strings.NewReader(c.csv), interchange.ImportOptions{DateOrder: c.order})
			if c.refuse != "" {
				if err == nil || !strings.Contains(testkit.ProblemsText(sum), c.refuse) {
					t.Fatalf("import: %v\n%s\nwant a problem %q", err, testkit.ProblemsText(sum), c.refuse)
				}
				if n := testkit.ClientCount(t, s); n != 0 {
					t.Errorf("%d clients written by a refused import", n)
				}
				return
			}
			if err != nil {
				t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
			}
			for first, want := range c.born {
				found, _ := s.ClientsNamed(context.Background(), first+" "+map[string]string{"Ada": "One", "Ben": "Two", "Cal": "Three"}[first])
				if len(found) != 1 || recordjson.FormatDate(found[0].DateOfBirth) != want {
					t.Errorf("%s imported as %+v, want born %s", first, found, want)
				}
			}
		})
	}
}

// The rows held while a column's order is unknown are written in file
// order once a later row shows it; a session date keeps its time.
func TestCSVSessionDatesWaitForTheRowThatShowsTheirOrder(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	c := mustClient(t, s, "Marta", "Nowak") // born 1975-05-02
	csv := "client,client_date_of_birth,date,duration_min\n" +
		"Marta Nowak,1975-05-02,03/04/2026 09:30,45\n" +
		"Marta Nowak,,07/11/2026,\n" +
		"Marta Nowak,,25/11/2026 14:00,30\n"
	sum, err := interchange.ImportSessionsCSV(context.Background(), s, strings.NewReader(csv), interchange.ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
	history, err := s.ClientHistory(context.Background(), c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	slices.SortFunc(history, func(a, b store.Session) int { return a.Start.Compare(b.Start) })
	for _, h := range history {
		got = append(got, h.Start.Format("2006-01-02 15:04"))
	}
	want := "2026-04-03 09:30 2026-11-07 00:00 2026-11-25 14:00"
	if strings.Join(got, " ") != want {
		t.Errorf("sessions at %v, want %s", got, want)
	}
}

// Both date columns of a file with no date to tell their order are named.
func TestCSVMeasureDatesAmbiguousIsRefused(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	mustClient(t, s, "Marta", "Nowak")
	csv := "client,date,measure,item,score\nMarta Nowak,03/04/2026,rmdq,1,1\n"
	sum, err := interchange.ImportMeasuresCSV(context.Background(), s, strings.NewReader(csv), interchange.ImportOptions{})
	if err == nil || !strings.Contains(testkit.ProblemsText(sum), `row 2, date: "03/04/2026" could be day-first or month-first`) {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
	sum, err = interchange.ImportMeasuresCSV(context.Background(), s, strings.NewReader(csv), interchange.ImportOptions{DateOrder: dates.DayFirst})
	if err != nil || sum.MeasuresAdded != 1 {
		t.Fatalf("import with day-first: %v %+v\n%s", err, sum, testkit.ProblemsText(sum))
	}
}
