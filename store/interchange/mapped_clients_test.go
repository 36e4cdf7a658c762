package interchange_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/dates"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// The exports in testdata/exports are written from each app's documented
// column names (README, "Switching from another app"), with the awkward
// cells a real list has.

func exportFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "exports", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// mappingFor guesses the mapping of a file, with a preset when named.
func mappingFor(t *testing.T, csv, preset string) interchange.Mapping {
	t.Helper()
	head, problems := interchange.ReadListHead(strings.NewReader(csv), 5)
	if len(problems) > 0 {
		t.Fatalf("read head: %v", problems)
	}
	m := interchange.ClientList.Guess(head.Header, head.Rows)
	if preset != "" {
		p, err := interchange.ClientList.PresetNamed(preset)
		if err != nil {
			t.Fatal(err)
		}
		m = m.WithPreset(p)
	}
	return m
}

func importMapped(t *testing.T, s *sqlstore.Store, csv string, m interchange.Mapping, opts interchange.ImportOptions) (interchange.ImportSummary, error) {
	t.Helper()
	return interchange.ImportMappedClientsCSV(context.Background(), s, strings.NewReader(csv), m, opts)
}

func clientNamed(t *testing.T, s *sqlstore.Store, name string) store.Client {
	t.Helper()
	found, err := s.ClientsNamed(context.Background(), name)
	if err != nil || len(found) != 1 {
		t.Fatalf("clients named %s: %v, %v", name, found, err)
	}
	return found[0]
}

func TestClinikoExportImportsThroughItsPreset(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	mustClient(t, s, "Marta", "Nowak") // born 1975-05-02, as in the export
	csv := exportFile(t, "cliniko_patients.csv")
	m := mappingFor(t, csv, "cliniko")
	if got := m.Columns(interchange.ClientID); len(got) != 0 {
		t.Errorf("Cliniko's own patient numbers taken for Backtrack ids: %v", got)
	}
	preview, err := importMapped(t, s, csv, m, interchange.ImportOptions{CheckOnly: true, Preview: true})
	if err != nil {
		t.Fatalf("check: %v\n%s", err, testkit.ProblemsText(preview))
	}
	if len(preview.Outcomes) != 3 || preview.Outcomes[0].Match != "Marta Nowak, born 1975-05-02" ||
		preview.Outcomes[1].Match != "" || preview.Outcomes[1].Name != "José Núñez" {
		t.Errorf("preview outcomes %+v: want Marta matched, José and Lena new", preview.Outcomes)
	}
	if n := testkit.ClientCount(t, s); n != 1 {
		t.Fatalf("the preview wrote: %d clients", n)
	}
	sum, err := importMapped(t, s, csv, m, interchange.ImportOptions{Source: "Patients-Cliniko-20261207.csv"})
	if err != nil || sum.ClientsAdded != 2 || sum.ClientsPresent != 1 {
		t.Fatalf("import: %+v, %v", sum, err)
	}
	jose := clientNamed(t, s, "José Núñez")
	for _, want := range []string{"Low back pain, desk job", "Address: 22 Collins St, Unit 4, Melbourne, VIC, 3000, Australia",
		"preferred_first_name: Pepe", "emergency_contact: Ana Núñez 0413 000 111", "occupation: Developer"} {
		if !strings.Contains(jose.MedicalHistory, want) {
			t.Errorf("José's medical history lacks %q:\n%s", want, jose.MedicalHistory)
		}
	}
	if jose.Phone != "0412 345 678" || jose.Email != "jose@example.org" || jose.DateOfBirth.Format(store.DateLayout) != "1988-11-30" {
		t.Errorf("José imported as %+v", jose)
	}
}

func TestJaneExportIsGuessedFromItsHeaderNames(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	csv := exportFile(t, "jane_patients.csv")
	guessed := mappingFor(t, csv, "")
	withPreset := mappingFor(t, csv, "jane")
	if guessed.Spec() != withPreset.Spec() {
		t.Errorf("guess and preset differ:\n guess  %s\n preset %s", guessed.Spec(), withPreset.Spec())
	}
	if _, err := importMapped(t, s, csv, guessed, interchange.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	anna := clientNamed(t, s, "Anna Keller")
	if anna.Phone != "(416) 555-0134" {
		t.Errorf("phone %q: want the mobile, as written", anna.Phone)
	}
	for _, want := range []string{"Home Phone: 416.555.9999", "Health number: 1234-567-890-AB",
		"Address: 12 King St W, Toronto, ON, M5H 1A1"} {
		if !strings.Contains(anna.MedicalHistory, want) {
			t.Errorf("Anna's medical history lacks %q:\n%s", want, anna.MedicalHistory)
		}
	}
}

func TestASpreadsheetWithMergedNamesSaysEachProblemByItsColumn(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	csv := exportFile(t, "spreadsheet_merged_names.csv")
	m := mappingFor(t, csv, "")
	if m.Spec() != "full_name=Client, date_of_birth=DOB, phone=Phone, email=E-mail, notes=Comments" {
		t.Errorf("guessed %s", m.Spec())
	}
	sum, err := importMapped(t, s, csv, m, interchange.ImportOptions{})
	var ie *interchange.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("import: %v, want its problems", err)
	}
	got := testkit.ProblemsText(sum)
	for _, want := range []string{
		`row 3, Phone: "4.16555E+09" is a phone number a spreadsheet shortened`,
		`row 6, Phone: "4.16555E+09"`,
		`row 7, Client: "Prince" cannot be split into a first and a last name`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "row 4") || strings.Contains(got, "row 8") {
		t.Errorf("the blank row or the repeated José is a problem:\n%s", got)
	}
	if n := testkit.ClientCount(t, s); n != 0 {
		t.Errorf("%d clients written from a file with problems", n)
	}
}

func TestARowRepeatedInTheFileIsShownAsAMatchNotAddedTwice(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	csv := "Name,Birthday\n\"Núñez, José\",1988-11-30\nLudwig van Beethoven,1970-12-16\nJosé Núñez,1988-11-30\n"
	m := mappingFor(t, csv, "")
	sum, err := importMapped(t, s, csv, m, interchange.ImportOptions{Preview: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.ClientsAdded != 2 || sum.ClientsPresent != 1 || len(sum.Outcomes) != 3 || sum.Outcomes[2].Match != "row 2 of this file" {
		t.Errorf("summary %+v", sum)
	}
	if c := clientNamed(t, s, "Ludwig van Beethoven"); c.FirstName != "Ludwig" || c.LastName != "van Beethoven" {
		t.Errorf("split as %q / %q", c.FirstName, c.LastName)
	}
}

func TestSplitFullName(t *testing.T) {
	for _, tc := range []struct{ in, first, last string }{
		{"Núñez, José", "José", "Núñez"},
		{"José Núñez", "José", "Núñez"},
		{"Mary Ann  Smith", "Mary Ann", "Smith"},
		{"Ludwig van Beethoven", "Ludwig", "van Beethoven"},
		{"María de la Cruz", "María", "de la Cruz"},
		{"John Smith Jr.", "John", "Smith Jr."},
		{"O'Brien, Jonas", "Jonas", "O'Brien"},
	} {
		first, last, ok := interchange.SplitFullName(tc.in)
		if !ok || first != tc.first || last != tc.last {
			t.Errorf("%q split as %q / %q (%v), want %q / %q", tc.in, first, last, ok, tc.first, tc.last)
		}
	}
	for _, bad := range []string{"Prince", "Smith,", ", John", "a, b, c"} {
		if _, _, ok := interchange.SplitFullName(bad); ok {
			t.Errorf("%q split", bad)
		}
	}
}

func TestMapSpecReadsTheCommandLineAndRefusesWhatItCannotUse(t *testing.T) {
	head := []string{"Given", "Family", "Birth Date", "Mobile", "Home"}
	rules, order, err := interchange.ClientList.ParseSpec("first=Given, last=Family,dob='Birth Date'\nphone=Mobile # the one they answer\nphone=Home\ndates=DMY")
	if err != nil {
		t.Fatal(err)
	}
	m, err := interchange.ClientList.Guess(head, nil).WithRules(rules)
	if err != nil {
		t.Fatal(err)
	}
	if order != dates.DayFirst || m.Spec() != "first_name=Given, last_name=Family, date_of_birth=Birth Date, phone=Mobile, phone=Home" {
		t.Errorf("read as %s (dates %q)", m.Spec(), order)
	}
	for spec, want := range map[string]string{
		"first":                "write field=Column",
		"given=Given":          `"given" is not a field`,
		"dates=american":       "say day-first",
		"first=Forename":       `no column "Forename"`,
		"dob=Given,dob=Family": "Date of birth is given to 2 columns",
	} {
		rules, _, err := interchange.ClientList.ParseSpec(spec)
		if err == nil {
			_, err = interchange.Mapping{Header: head, Fields: make([]interchange.Field, len(head))}.WithRules(rules)
		}
		if err == nil {
			m := interchange.Mapping{Header: head, Fields: make([]interchange.Field, len(head))}
			_ = m.Apply(rules)
			if p := m.Check(); len(p) > 0 {
				err = errors.New(p[0].Message)
			}
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", spec, err, want)
		}
	}
}

func TestDayFirstDatesAreReadInTheColumnsOwnOrder(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	// 25/11/1980 shows the column is day-first; 03/04/1979 is then 3 April.
	csv := "Surname,Given name,D.O.B.\nKeller,Anna,03/04/1979\nShah,Ravi,25/11/1980\nNowak,Marta,02.05.1975\n"
	m := mappingFor(t, csv, "")
	if _, err := importMapped(t, s, csv, m, interchange.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for name, born := range map[string]string{"Anna Keller": "1979-04-03", "Ravi Shah": "1980-11-25", "Marta Nowak": "1975-05-02"} {
		if got := clientNamed(t, s, name).DateOfBirth.Format(store.DateLayout); got != born {
			t.Errorf("%s born %s, want %s", name, got, born)
		}
	}
}

func TestAColumnOfDatesThatCouldBeReadEitherWayIsAskedNotGuessed(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	csv := "First,Last,DOB\nAnna,Keller,03/04/1979\nRavi,Shah,05/06/1980\n"
	m := mappingFor(t, csv, "")
	sum, err := importMapped(t, s, csv, m, interchange.ImportOptions{})
	if !strings.Contains(testkit.ProblemsText(sum), `DOB: "03/04/1979" could be day-first or month-first`) {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
	if n := testkit.ClientCount(t, s); n != 0 {
		t.Fatalf("%d clients written from an ambiguous column", n)
	}
	m.DateOrder = dates.MonthFirst
	if _, err := importMapped(t, s, csv, m, interchange.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := clientNamed(t, s, "Anna Keller").DateOfBirth.Format(store.DateLayout); got != "1979-03-04" {
		t.Errorf("read month-first as %s", got)
	}
}

func TestADateAgainstItsColumnsOrderIsAProblemOnItsRow(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	csv := "First,Last,DOB\nAnna,Keller,25/11/1980\nRavi,Shah,11/25/1980\n"
	sum, _ := importMapped(t, s, csv, mappingFor(t, csv, ""), interchange.ImportOptions{})
	if got := testkit.ProblemsText(sum); !strings.Contains(got, `row 3, DOB: "11/25/1980"`) {
		t.Errorf("problems:\n%s", got)
	}
}

func TestHeadersAreGuessedWhateverTheirCaseAccentsAndLanguage(t *testing.T) {
	for header, want := range map[string]string{
		"PRÉNOM;Nom;Date de naissance;Courriel;Téléphone": "first_name=PRÉNOM, last_name=Nom, date_of_birth=Date de naissance, email=Courriel, phone=Téléphone",
		"Vorname,Nachname,Geburtsdatum,E-Mail,Handy":      "first_name=Vorname, last_name=Nachname, date_of_birth=Geburtsdatum, email=E-Mail, phone=Handy",
		"Nombre,Apellidos,Fecha de nacimiento,Teléfono":   "first_name=Nombre, last_name=Apellidos, date_of_birth=Fecha de nacimiento, phone=Teléfono",
		"given_name,FAMILY-NAME,d.o.b.,Mobile,Allergies":  "first_name=given_name, last_name=FAMILY-NAME, date_of_birth=d.o.b., phone=Mobile, keep=Allergies",
		"Patient,Patient First Name,Patient Last Name":    "first_name=Patient First Name, last_name=Patient Last Name",
	} {
		if got := mappingFor(t, header+"\n", "").Spec(); got != want {
			t.Errorf("%s\n guessed %s\n want    %s", header, got, want)
		}
	}
}
