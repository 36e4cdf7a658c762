package interchange_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func importClients(t *testing.T, s *sqlstore.Store, csv string, check bool) (interchange.ImportSummary, error) {
	t.Helper()
	return interchange.ImportClientsCSV(context.Background(), s, strings.NewReader(csv), interchange.ImportOptions{CheckOnly: check})
}

func importSessions(t *testing.T, s *sqlstore.Store, csv string, check bool) (interchange.ImportSummary, error) {
	t.Helper()
	return interchange.ImportSessionsCSV(context.Background(), s, strings.NewReader(csv), interchange.ImportOptions{CheckOnly: check})
}

func TestImportClientsReadsSpreadsheetDialects(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	mustClient(t, s, "Marta", "Nowak") // born 1975-05-02
	// A BOM, semicolons, header names in another case and order, quoted
	// values with the delimiter inside, a blank line, a note over two lines.
	csv := "\ufeffEmail;Last Name;FIRST_NAME;date_of_birth;notes;phone\r\n" +
		"jonas@example.org;O'Brien;Jonas;1980-02-29;\"Desk job; sits long\nsince 2020\";+49 30 1234\r\n" +
		";Nowak;Marta;1975-05-02;;\r\n" +
		"\r\n" +
		";Fischer;Lena;;;\r\n"
	sum, err := importClients(t, s, csv, false)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
	if sum.ClientsAdded != 2 || sum.ClientsPresent != 1 {
		t.Errorf("summary %+v: want 2 added, Marta present", sum)
	}
	found, _ := s.ClientsNamed(context.Background(), "Jonas O'Brien")
	if len(found) != 1 || found[0].MedicalHistory != "Desk job; sits long\nsince 2020" || found[0].Phone != "+49 30 1234" {
		t.Errorf("Jonas imported as %+v", found)
	}
	if n := testkit.ClientCount(t, s); n != 3 {
		t.Errorf("%d clients, want 3", n)
	}
}

func TestImportClientsReportsEveryProblemAndWritesNothing(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	long := strings.Repeat("x", 1<<20)
	csv := "first_name,last_name,date_of_birth,phone,email,notes\n" +
		"Ok,Person,1970-01-01,,,\n" + // row 2 is fine but must not land
		"Bad,Date,2026-02-30,,,\n" + // row 3
		",Nofirst,,,,\n" + // row 4
		"Mail,Wrong,,,not-an-email,\n" + // row 5
		"Bell\a,Ring,,,,\n" + // row 6
		"Big,Note,,,," + long + "\n" + // row 7
		"Future,Born,2099-01-01,,,\n" + // row 8
		"Bad,Bytes,,\xff\xfe,,\n" // row 9
	sum, err := importClients(t, s, csv, false)
	var ie *interchange.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want an ImportError", err)
	}
	want := map[string]bool{"row 3, date_of_birth": false, "row 4, first_name": false, "row 5, email": false,
		"row 6, first_name": false, "row 7, notes": false, "row 8, date_of_birth": false, "row 9, phone": false}
	for _, p := range sum.Problems {
		if _, ok := want[p.Where()]; ok {
			want[p.Where()] = true
		} else {
			t.Errorf("unexpected problem %s", p)
		}
		if len(p.Message) > 300 {
			t.Errorf("%s: message is %d bytes long; it quotes the value", p.Where(), len(p.Message))
		}
	}
	for where, seen := range want {
		if !seen {
			t.Errorf("no problem reported at %s\n%s", where, testkit.ProblemsText(sum))
		}
	}
	if n := testkit.ClientCount(t, s); n != 0 {
		t.Errorf("%d clients written; an import with problems must write none", n)
	}
}

func TestImportRefusesFilesThatAreNotCSV(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	cases := map[string]string{
		"empty":        "",
		"only a BOM":   "\ufeff \n",
		"binary":       "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"xlsx":         "PK\x03\x04\x14\x00\x06\x00",
		"utf-16":       "\xff\xfef\x00i\x00r\x00",
		"header only":  "first_name,last_name\n",
		"unknown col":  "first_name,last_name,shoe_size\nA,B,42\n",
		"missing col":  "first_name,email\nA,a@b.cd\n",
		"twice":        "first_name,last_name,Last Name\nA,B,C\n",
		"short row":    "first_name,last_name,phone\nA,B\n",
		"open quote":   "first_name,last_name\n\"A,B\n",
		"latin-1 head": "pr\xe9nom,nom\nA,B\n",
	}
	for name, body := range cases {
		sum, err := importClients(t, s, body, false)
		var ie *interchange.ImportError
		if !errors.As(err, &ie) || len(sum.Problems) == 0 {
			t.Errorf("%s: err = %v, problems %v; want a clear refusal", name, err, sum.Problems)
			continue
		}
		if msg := sum.Problems[0].Message; !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?") || strings.Contains(msg, "SQL") {
			t.Errorf("%s: message %q is not a sentence for people", name, msg)
		}
	}
	if n := testkit.ClientCount(t, s); n != 0 {
		t.Errorf("%d clients written from bad files", n)
	}
}

func TestImportCheckOnlyWritesNothing(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	sum, err := importClients(t, s, "first_name,last_name\nA,B\nC,D\n", true)
	if err != nil || sum.ClientsAdded != 2 || !sum.CheckOnly {
		t.Fatalf("check: %+v %v", sum, err)
	}
	if n := testkit.ClientCount(t, s); n != 0 {
		t.Errorf("a check wrote %d clients", n)
	}
}

func TestImportSessionsMatchesClientsAndAddsVocabulary(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	if _, err := importClients(t, s, "first_name,last_name,email,date_of_birth\nMarta,Nowak-Świątek,marta@example.com,1975-05-02\nJonas,Petrauskas,,1980-01-01\n", false); err != nil {
		t.Fatal(err)
	}
	csv := "client,date,duration_min,pain_before,pain_after,pain_types,locations,triggers,muscles,techniques,notes\n" +
		"marta nowak-swiatek,2026-11-14 14:00,60,6,3,Stiffness; dull ache,Lower back (both),Sitting long,Gluteus medius (left); Gluteus medius (R); Piriformis (right),Massage,\"Felt better; \"\"much\"\"\"\n" +
		"marta@example.com,2026-11-20,,4,,,,Gardening,Serratus posterior (l),Cupping,\n" +
		"Petrauskas Jonas,2026-11-21T09:15,45,,,,,,,,\n"
	sum, err := importSessions(t, s, csv, false)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
	if sum.SessionsAdded != 3 || sum.DefaultDurations != 1 {
		t.Errorf("summary %+v", sum)
	}
	var added []string
	for _, term := range sum.NewTerms {
		added = append(added, string(term.Kind)+":"+term.Name)
	}
	if strings.Join(added, ",") != "trigger:Gardening,muscle:Serratus posterior,technique:Cupping" {
		t.Errorf("new vocabulary %v", added)
	}
	marta, _ := s.ClientsNamed(ctx, "Marta Nowak-Świątek")
	last, err := s.LastSession(ctx, marta[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if last.DurationMin != store.DefaultDurationMin || last.PainBefore != store.PainOf(4) || last.PainAfter.Recorded ||
		store.TagLabels(last.Muscles) != "Serratus posterior (L)" {
		t.Errorf("second session read back as %+v", last)
	}
	history, _ := s.ClientHistory(ctx, marta[0].ID, store.Period{})
	first := history[len(history)-1]
	if got := store.TagLabels(first.Muscles); got != "Gluteus medius (both), Piriformis (R)" {
		t.Errorf("muscles %q, want left+right merged into both", got)
	}
	if first.Notes.Subjective != `Felt better; "much"` || store.TagLabels(first.PainTypes) != "Dull ache, Stiffness" {
		t.Errorf("first session %+v", first)
	}

	// Importing the same file again adds nothing.
	sum, err = importSessions(t, s, csv, false)
	if err != nil || sum.SessionsAdded != 0 || sum.SessionsPresent != 3 {
		t.Errorf("second import: %+v %v", sum, err)
	}
}

func TestImportSessionsBadRowsStopTheWholeFile(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	marta := mustClient(t, s, "Marta", "Nowak")
	mustClient(t, s, "Anna", "Twin")
	mustClient(t, s, "Anna", "Twin")
	csv := "client,date,pain_before,pain_after,pain_types,duration_min\n" +
		"Marta Nowak,2026-11-01,5,3,,60\n" + // row 2: fine, must not land
		"Marta Nowak,2026-02-30,5,3,,60\n" + // row 3
		"Marta Nowak,2026-11-02,11,-1,,60\n" + // row 4: both pains
		"Marta Nowak,2026-11-03,5.5,,,60\n" + // row 5
		"Nobody Known,2026-11-03,,,,60\n" + // row 6
		"Anna Twin,2026-11-03,,,,60\n" + // row 7: ambiguous
		"Marta Nowak,2026-11-04,,,Stiffness (left),60\n" + // row 8: pain type has no side
		"Marta Nowak,2026-11-05,,,,0\n" + // row 9
		"Marta Nowak,1900-01-01,,,,60\n" + // row 10: before birth
		"Marta Nowak,next tuesday,,,,60\n" // row 11
	sum, err := importSessions(t, s, csv, false)
	var ie *interchange.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v", err)
	}
	want := []string{"row 3, date", "row 4, pain_before", "row 4, pain_after", "row 5, pain_before",
		"row 6, client", "row 7, client", "row 8, pain_types", "row 9, duration_min", "row 10, date", "row 11, date"}
	var got []string
	for _, p := range sum.Problems {
		got = append(got, p.Where())
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("problems at\n %v\nwant\n %v\n%s", got, want, testkit.ProblemsText(sum))
	}
	if history, _ := s.ClientHistory(ctx, marta.ID, store.Period{}); len(history) != 0 {
		t.Errorf("%d sessions written; none may be", len(history))
	}
}

func TestImportSessionsChecksTheDateOfBirthGiven(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	mustClient(t, s, "Anna", "Keller") // born 1975-05-02
	// given a row naming the only Anna Keller, but with another birth date
	csv := "client,client_date_of_birth,date,duration_min\n" +
		"Anna Keller,1955-07-07,2026-11-14 14:00,60\n"
	sum, err := importSessions(t, s, csv, false)
	// then the row is refused with its column, and nothing lands
	if err == nil || len(sum.Problems) != 1 || sum.Problems[0].Row != 2 || sum.Problems[0].Column != "client" ||
		!strings.Contains(sum.Problems[0].Message, "born on 1955-07-07") {
		t.Fatalf("import = %+v, %v", sum.Problems, err)
	}
	// and the matching date attaches the session
	sum, err = importSessions(t, s, strings.ReplaceAll(csv, "1955-07-07", "1975-05-02"), false)
	if err != nil || sum.SessionsAdded != 1 {
		t.Errorf("matching birth date: %+v %v", sum, err)
	}
}

func TestImportSessionsSkipsARowRepeatedInTheSameFile(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	mustClient(t, s, "Anna", "Keller")
	row := "Anna Keller,2026-11-14 14:00,60,5,3\n"
	sum, err := importSessions(t, s, "client,date,duration_min,pain_before,pain_after\n"+row+row, false)
	if err != nil || sum.SessionsAdded != 1 || sum.SessionsPresent != 1 {
		t.Errorf("repeated row: %+v %v", sum, err)
	}
}

func TestImportJSONListsAClientOnceWhenTheFileRepeatsThem(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	one := `{"first_name": "Anna", "last_name": "Keller", "date_of_birth": "1975-05-02",
		"sessions": [{"start": "2026-11-14 14:00", "duration_min": 60}]}`
	file := `{"format": "backtrack-export", "version": 1, "clients": [` + one + `, ` + one + `]}`
	sum, err := interchange.ImportJSON(ctx, s, strings.NewReader(file), interchange.ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
	if n := testkit.ClientCount(t, s); n != 1 || sum.ClientsPresent != 1 || sum.SessionsAdded != 1 || sum.SessionsPresent != 1 {
		t.Errorf("%d clients, summary %+v", n, sum)
	}
}
