package sqlstore_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func TestClientLifecycle(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)

	// create
	c, err := s.CreateClient(ctx, store.Client{
		FirstName: "  José ", LastName: "Núñez", Phone: "+34 600-111 222", Email: "jose@example.com",
		Contraindications: "Anticoagulants: light pressure only",
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || c.FirstName != "José" || !c.CreatedAt.Equal(fixedNow.Truncate(time.Second)) {
		t.Fatalf("created = %+v", c)
	}

	// update
	c.Medications = "Ibuprofen 400 mg"
	c.DateOfBirth = time.Date(1980, 3, 4, 0, 0, 0, 0, time.Local)
	updated, err := s.UpdateClient(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if updated.Medications != "Ibuprofen 400 mg" || !updated.DateOfBirth.Equal(c.DateOfBirth) || !updated.HasAlerts() {
		t.Fatalf("updated = %+v", updated)
	}
	if age := updated.AgeOn(time.Date(2026, 3, 3, 0, 0, 0, 0, time.Local)); age != 45 {
		t.Errorf("age the day before the birthday = %d, want 45", age)
	}

	// archive hides, restore brings back, and the record is never deleted
	if err := s.ArchiveClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if got := searchNames(t, s, store.ClientQuery{}); len(got) != 0 {
		t.Errorf("archived client still listed: %v", got)
	}
	if got := searchNames(t, s, store.ClientQuery{IncludeArchived: true}); !reflect.DeepEqual(got, []string{"José Núñez"}) {
		t.Errorf("with archived = %v", got)
	}
	got, err := s.Client(ctx, c.ID)
	if err != nil || !got.Archived {
		t.Errorf("archived client = %+v, %v", got, err)
	}
	if err := s.UnarchiveClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if got := searchNames(t, s, store.ClientQuery{}); len(got) != 1 {
		t.Errorf("restored client not listed: %v", got)
	}

	// unknown IDs are ErrNotFound
	if _, err := s.Client(ctx, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("get unknown = %v", err)
	}
	if err := s.ArchiveClient(ctx, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("archive unknown = %v", err)
	}
	if _, err := s.UpdateClient(ctx, store.Client{ID: 999, FirstName: "A", LastName: "B"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("update unknown = %v", err)
	}
}

func TestSearchClientsIgnoresCaseAndAccents(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	for _, c := range []store.Client{
		{FirstName: "José", LastName: "Núñez", Phone: "+34 600 111 222"},
		{FirstName: "Zoë", LastName: "Ångström-Łukasiewicz", Email: "zoe@example.org"},
		{FirstName: "Marta", LastName: "Nowak-Świątek", Email: "marta.n@example.com"},
		{FirstName: "Ελένη", LastName: "Παπαδοπούλου"},
		{FirstName: "100%", LastName: "O'Brien_x"},
	} {
		if _, err := s.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		query string
		want  []string
	}{
		{"jose", []string{"José Núñez"}},
		{"NUNEZ jo", []string{"José Núñez"}},
		{"lukasiewicz", []string{"Zoë Ångström-Łukasiewicz"}},
		{"angstrom", []string{"Zoë Ångström-Łukasiewicz"}},
		{"swiatek", []string{"Marta Nowak-Świątek"}},
		{"example.org", []string{"Zoë Ångström-Łukasiewicz"}},
		{"600111", []string{"José Núñez"}},
		{"600 111", []string{"José Núñez"}},
		{"ελενη", []string{"Ελένη Παπαδοπούλου"}},
		{"%", []string{"100% O'Brien_x"}},
		{"o'brien", []string{"100% O'Brien_x"}},
		{"_", []string{"100% O'Brien_x"}},
		{"nobody", nil},
	}
	for _, tc := range cases {
		got := searchNames(t, s, store.ClientQuery{Text: tc.query})
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("search %q = %v, want %v", tc.query, got, tc.want)
		}
	}
}

func TestSearchClientsOrder(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	anna := testkit.MustClient(t, s, "Anna", "Zelinski")
	bob := testkit.MustClient(t, s, "Bob", "Adams")
	testkit.MustClient(t, s, "Carl", "Meyer") // never seen
	mustSession(t, s, anna.ID, time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local), 5, 3)
	mustSession(t, s, bob.ID, time.Date(2026, 10, 1, 9, 0, 0, 0, time.Local), 6, 4)
	mustSession(t, s, bob.ID, time.Date(2026, 11, 1, 9, 0, 0, 0, time.Local), 4, 2)

	if got := searchNames(t, s, store.ClientQuery{Order: store.ByLastVisit}); !reflect.DeepEqual(got,
		[]string{"Anna Zelinski", "Bob Adams", "Carl Meyer"}) {
		t.Errorf("by last visit = %v", got)
	}
	if got := searchNames(t, s, store.ClientQuery{Order: store.ByName}); !reflect.DeepEqual(got,
		[]string{"Bob Adams", "Carl Meyer", "Anna Zelinski"}) {
		t.Errorf("by name = %v", got)
	}
	list, err := s.SearchClients(ctx, store.ClientQuery{Text: "bob"})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].SessionCount != 2 || list[0].LastPainBefore != store.PainOf(4) ||
		list[0].LastPainAfter != store.PainOf(2) || list[0].LastVisit.Day() != 1 || list[0].LastVisit.Month() != 11 {
		t.Errorf("bob's summary = %+v", list)
	}
	if got := searchNames(t, s, store.ClientQuery{Limit: 1}); len(got) != 1 {
		t.Errorf("limit 1 gave %v", got)
	}
}

func TestClientsNamed(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	testkit.MustClient(t, s, "José", "Núñez")
	testkit.MustClient(t, s, "Jose", "Nunez")
	testkit.MustClient(t, s, "Lena", "Fischer")
	got, err := s.ClientsNamed(ctx, "jose nunez")
	if err != nil || len(got) != 2 {
		t.Errorf("ClientsNamed(jose nunez) = %v, %v", got, err)
	}
	if got, _ := s.ClientsNamed(ctx, "Fischer Lena"); len(got) != 1 {
		t.Errorf("last-first order = %v", got)
	}
	if got, _ := s.ClientsNamed(ctx, "Lena"); len(got) != 0 {
		t.Errorf("a first name alone matched %v", got)
	}
}

func TestClientValidation(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	valid := store.Client{FirstName: "Lena", LastName: "Fischer"}
	cases := []struct {
		name   string
		edit   func(*store.Client)
		fields []string
	}{
		{"empty first name", func(c *store.Client) { c.FirstName = "  " }, []string{"first_name"}},
		{"empty last name", func(c *store.Client) { c.LastName = "" }, []string{"last_name"}},
		{"malformed email", func(c *store.Client) { c.Email = "lena@" }, []string{"email"}},
		{"email with a display name", func(c *store.Client) { c.Email = "Lena <lena@example.com>" }, []string{"email"}},
		{"birth in the future", func(c *store.Client) { c.DateOfBirth = fixedNow.AddDate(0, 0, 2) }, []string{"date_of_birth"}},
		{"control characters in a name", func(c *store.Client) { c.LastName = "Fi\x00scher" }, []string{"last_name"}},
		{"invalid UTF-8", func(c *store.Client) { c.FirstName = "Le\xffna" }, []string{"first_name"}},
		{"a name of 101 letters", func(c *store.Client) { c.FirstName = strings.Repeat("a", 101) }, []string{"first_name"}},
		{"a 1 MB note", func(c *store.Client) { c.MedicalHistory = strings.Repeat("x", 1<<20) }, []string{"medical_history"}},
		{"several at once", func(c *store.Client) { c.FirstName, c.Email = "", "nope" }, []string{"first_name", "email"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := valid
			tc.edit(&c)
			_, err := s.CreateClient(ctx, c)
			if got := fieldsOf(t, err); !reflect.DeepEqual(got, tc.fields) {
				t.Errorf("fields = %v, want %v (%v)", got, tc.fields, err)
			}
		})
	}
	// nothing was written by any failed create
	if got := searchNames(t, s, store.ClientQuery{IncludeArchived: true}); len(got) != 0 {
		t.Errorf("failed creates left %v", got)
	}
	// quotes and SQL in a name are just text
	c, err := s.CreateClient(ctx, store.Client{FirstName: `Robert'); DROP TABLE clients;--`, LastName: `"Bobby" O'Hara`})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Client(ctx, c.ID)
	if err != nil || got.FirstName != `Robert'); DROP TABLE clients;--` {
		t.Errorf("stored %+v, %v", got, err)
	}
}

func TestUpdateClientRefusesBirthAfterFirstSession(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	mustSession(t, s, c.ID, time.Date(2020, 1, 10, 9, 0, 0, 0, time.Local), 5, 3)
	c.DateOfBirth = time.Date(2021, 1, 1, 0, 0, 0, 0, time.Local)
	_, err := s.UpdateClient(ctx, c)
	if got := fieldsOf(t, err); !reflect.DeepEqual(got, []string{"date_of_birth"}) {
		t.Errorf("fields = %v (%v)", got, err)
	}
}

func searchNames(t *testing.T, s *sqlstore.Store, q store.ClientQuery) []string {
	t.Helper()
	list, err := s.SearchClients(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range list {
		names = append(names, c.FullName())
	}
	return names
}

func mustSession(t *testing.T, s *sqlstore.Store, clientID int64, start time.Time, before, after int) store.Session {
	t.Helper()
	sess, err := s.Save(context.Background(), sqlstore.SaveRequest{Session: store.Session{
		ClientID: clientID, Start: start, DurationMin: 60,
		PainBefore: store.PainOf(before), PainAfter: store.PainOf(after),
	}})
	if err != nil {
		t.Fatalf("save session: %v", err)
	}
	return sess
}
