package testkit

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
)

// FixedNow is the clock the store's tests run on.
var FixedNow = time.Date(2026, 11, 25, 15, 0, 0, 0, time.Local)

// MustClient adds a client born on 2 May 1975, failing the test if it cannot.
func MustClient(t *testing.T, s *sqlstore.Store, first, last string) store.Client {
	t.Helper()
	c, err := s.CreateClient(context.Background(), store.Client{
		FirstName: first, LastName: last,
		DateOfBirth: time.Date(1975, 5, 2, 0, 0, 0, 0, time.Local),
	})
	if err != nil {
		t.Fatalf("create client %s %s: %v", first, last, err)
	}
	return c
}

// ExportOf exports s without its export time, for comparisons.
func ExportOf(t *testing.T, s *sqlstore.Store) interchange.Export {
	t.Helper()
	e, err := interchange.Read(context.Background(), s)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	e.ExportedAt = ""
	return e
}

// ProblemsText lists import problems one a line, for failure messages.
func ProblemsText(sum interchange.ImportSummary) string {
	var lines []string
	for _, p := range sum.Problems {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

// RichRecords fills s with everything the record can hold: accents, quotes
// and SQL in names, an archived client, one without a date of birth, own and
// retired vocabulary, every tag kind with sides, notes over several lines,
// pain not recorded and pain 0.
func RichRecords(t testing.TB, s *sqlstore.Store) {
	t.Helper()
	ctx := context.Background()
	day := func(d, h int) time.Time { return time.Date(2026, 10, d, h, 30, 0, 0, time.Local) }
	marta, err := s.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak-Świątek",
		DateOfBirth: time.Date(1975, 5, 2, 0, 0, 0, 0, time.Local), Phone: "+48 601 222 333",
		Email: "marta.n@example.com", MedicalHistory: "Disc herniation L4/L5 (2019).\nDesk job.",
		Medications: "Ibuprofen 400 mg", Contraindications: "Pregnant, 2nd trimester"})
	if err != nil {
		t.Fatal(err)
	}
	richHealth(t, s, marta.ID)
	jonas, err := s.CreateClient(ctx, store.Client{FirstName: `Jonas "JJ"`, LastName: "O'Brien'); DROP TABLE clients;--",
		Phone: "=HYPERLINK(\"http://x\")", Email: "jonas@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	lena, err := s.CreateClient(ctx, store.Client{FirstName: "Lena", LastName: "Fischer",
		DateOfBirth: time.Date(1990, 1, 31, 0, 0, 0, 0, time.Local)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ArchiveClient(ctx, lena.ID); err != nil {
		t.Fatal(err)
	}
	tfl, err := s.AddTerm(ctx, store.Muscle, "Serratus posterior")
	if err != nil {
		t.Fatal(err)
	}
	cupping, err := s.AddTerm(ctx, store.Technique, "Cupping")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTerm(ctx, store.Trigger, "Gardening"); err != nil { // used by no session
		t.Fatal(err)
	}
	term := func(k store.Kind, name string) int64 {
		found, err := s.TermNamed(ctx, k, name)
		if err != nil {
			t.Fatalf("term %q: %v", name, err)
		}
		return found.ID
	}
	sessions := []store.Session{
		{ClientID: marta.ID, Start: day(1, 9), DurationMin: 60, PainBefore: store.PainOf(7), PainAfter: store.PainOf(4),
			PainTypes:    []store.Tag{{TermID: term(store.PainType, "Sharp / stabbing")}, {TermID: term(store.PainType, "Fatigue")}},
			Locations:    []store.Tag{{TermID: term(store.Location, "Lower back"), Side: store.Both}, {TermID: term(store.Location, "Hip"), Side: store.Left}},
			Triggers:     []store.Tag{{TermID: term(store.Trigger, "Sitting long")}},
			Muscles:      []store.Tag{{TermID: term(store.Muscle, "Quadratus lumborum"), Side: store.Right}, {TermID: tfl.ID, Side: store.Left}},
			Techniques:   []store.Tag{{TermID: term(store.Technique, "Massage")}, {TermID: cupping.ID}},
			TriggerOther: "Moving house; \"heavy\" boxes",
			Notes: store.SOAP{Subjective: "Pain since Monday.\nWorse mornings.", Objective: "Tight QL, R > L",
				Assessment: "QL strain", Plan: "Every 2 weeks"},
			HomeCare: "Side-lying QL stretch, 3×30 s",
			Programme: []store.Prescription{{Exercise: "ql-side-bend", Side: store.Right, Dose: store.Dose{HoldSec: 30, Reps: 3, PerDay: 2}},
				{Name: "Walk; \"brisk\", 20 min", Words: "Flat ground,\nno hills", Pose: "", Dose: store.Dose{PerDay: 1}},
				{Name: "Wall bird-dog", Pose: "bird-dog", Dose: store.Dose{HoldSec: 5, Reps: 8}}}},
		{ClientID: marta.ID, Start: day(15, 9), DurationMin: 45, PainBefore: store.PainOf(4), PainAfter: store.PainOf(0),
			Adherence: store.Adherence{Level: store.DidSome, Hard: "Wall bird-dog"},
			BodyMap: []store.BodyMark{{Region: "sacroiliac-l", PainType: store.Tag{TermID: term(store.PainType, "Referred pain")}, Intensity: store.PainOf(0)},
				{Region: "thigh-posterior-l", PainType: store.Tag{TermID: term(store.PainType, "Fatigue")}}, {Region: "neck", Intensity: store.PainOf(10)}}},
		{ClientID: marta.ID, Start: day(15, 9), DurationMin: 30}, // same time twice: both kept
		{ClientID: jonas.ID, Start: day(20, 17), DurationMin: 90, PainAfter: store.PainOf(3),
			Locations: []store.Tag{{TermID: term(store.Location, "Back of thigh")}}},
		{ClientID: lena.ID, Start: day(3, 8), DurationMin: 60, PainBefore: store.PainOf(10)},
	}
	var saved []store.Session
	for _, sess := range sessions {
		sess, err := s.Save(ctx, sqlstore.SaveRequest{Session: sess})
		if err != nil {
			t.Fatalf("save session: %v", err)
		}
		saved = append(saved, sess)
	}
	// The note's history: the first signed and amended, Jonas's signed and
	// voided, the rest left as drafts.
	const therapist = "Anna Keller, LMT"
	if _, err := s.SignSession(ctx, saved[0].ID, therapist); err != nil {
		t.Fatal(err)
	}
	amend := saved[0]
	amend.PainAfter, amend.Notes.Plan = store.PainOf(3), "Every 2 weeks; re-assess in a month"
	amend.Programme = append([]store.Prescription(nil), amend.Programme...)
	amend.Programme[0].Dose.Reps = 4
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: amend, Amend: true, Reason: "Pain after was misread from the client's scale", By: therapist}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignSession(ctx, saved[3].ID, therapist); err != nil {
		t.Fatal(err)
	}
	if _, err := s.VoidSession(ctx, saved[3].ID, "Recorded on the wrong client", therapist); err != nil {
		t.Fatal(err)
	}
	// Retired after use: old sessions keep them.
	if err := s.RetireTerm(ctx, cupping.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RetireTerm(ctx, term(store.PainType, "Fatigue")); err != nil {
		t.Fatal(err)
	}
	richFunction(t, s, marta, saved[0])
}

// richFunction gives Marta a plan, an ODI with a skipped section, an RMDQ
// corrected once, a PSFS in her words twice, and a measure deleted.
func richFunction(t testing.TB, s *sqlstore.Store, marta store.Client, first store.Session) {
	t.Helper()
	ctx := context.Background()
	date := func(d int) time.Time { return time.Date(2026, 10, d, 0, 0, 0, 0, time.UTC) }
	odi := func(scores ...int) []store.MeasureItem {
		var out []store.MeasureItem
		for i, sc := range scores {
			if sc >= 0 {
				out = append(out, store.MeasureItem{Item: fmt.Sprint(i + 1), Score: sc})
			}
		}
		return out
	}
	psfs := func(a, b, c int) []store.MeasureItem {
		return []store.MeasureItem{{Item: "Sitting through a film", Score: a}, {Item: "Lifting my grandson", Score: b},
			{Item: "Gardening, \"weeding\"; kneeling", Score: c}}
	}
	measures := []store.Measure{
		{ClientID: marta.ID, SessionUID: first.UID, Kind: store.ODI, Taken: date(1), Items: odi(3, 2, 4, 1, 4, 2, 3, -1, 2, 3),
			Note: "Filled in at home;\nsection 8 left blank"},
		{ClientID: marta.ID, Kind: store.ODI, Taken: date(15), Items: odi(2, 1, 2, 1, 2, 1, 1, 0, 1, 2)},
		{ClientID: marta.ID, Kind: store.RMDQ, Taken: date(1), Items: odi(1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1)},
		{ClientID: marta.ID, Kind: store.PSFS, Taken: date(1), Items: psfs(3, 2, 4)},
		{ClientID: marta.ID, Kind: store.PSFS, Taken: date(15), Items: psfs(6, 5, 5)},
	}
	var saved []store.Measure
	for _, m := range measures {
		m, err := s.SaveMeasure(ctx, m)
		if err != nil {
			t.Fatalf("save measure: %v", err)
		}
		saved = append(saved, m)
	}
	fix := saved[2]
	fix.Items[2].Score = 1
	if _, err := s.SaveMeasure(ctx, fix); err != nil {
		t.Fatal(err)
	}
	wrong, err := s.SaveMeasure(ctx, store.Measure{ClientID: marta.ID, Kind: store.RMDQ, Taken: date(2), Items: odi(1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMeasure(ctx, wrong.ID, "Another client's form"); err != nil {
		t.Fatal(err)
	}
	_, err = s.SavePlan(ctx, store.Plan{ClientID: marta.ID, Start: date(1), PlannedVisits: 8, Frequency: "every 2 weeks",
		ReassessVisits: 4, ReassessWeeks: 6, Measures: []store.MeasureKind{store.ODI, store.PSFS},
		Goals: []store.Goal{{Text: "Sit through a whole film without getting up", Activity: "Sitting through a film", Status: store.GoalPartly},
			{Text: "Lift my grandson again", Activity: "Lifting my grandson"}, {Text: "Back to the allotment; \"no pills\"", Status: store.GoalOpen}}})
	if err != nil {
		t.Fatal(err)
	}
}

// richHealth gives a client an intake with every kind of answer, a
// red-flag screen referred and cleared, one at a visit still open, and a
// consent partly withdrawn.
func richHealth(t testing.TB, s *sqlstore.Store, clientID int64) {
	t.Helper()
	ctx := context.Background()
	day := func(m, d int) time.Time { return time.Date(2026, time.Month(m), d, 0, 0, 0, 0, time.Local) }
	in := store.Intake{Date: day(9, 30), Reason: "Lower back pain after lifting.\nWorse when sitting.", Began: "in August",
		Onset: store.OnsetInjury, OnsetDetail: "lifting a sofa", PreviousTreatment: store.Yes("Physiotherapy, 4 sessions"),
		Conditions: map[store.Condition]store.Answer{store.Pregnancy: store.Yes("24 weeks"), store.Diabetes: store.No(),
			store.OtherCondition: {State: store.AnsweredNo, Detail: "none she knows of"}},
		Medications: store.Yes("Ibuprofen 400 mg; folic acid"), Allergies: store.Yes("Latex"),
		Activities: map[store.Activity]store.Answer{store.SittingJob: store.Yes("accountant, 9 hours"), store.Running: store.No()},
		Goals:      "Sit through a working day."}
	screen := store.RedFlagScreen{On: day(9, 30), Answers: map[store.RedFlag]store.Answer{
		store.NightPain: store.Yes("wakes at 3 am"), store.SaddleNumbness: store.No()},
		ReferredTo: "Dr Weber, GP", ReferredOn: day(10, 1), ClearedBy: "Dr Weber", ClearedOn: day(10, 8), Note: "Bloods normal"}
	if err := s.SaveIntake(ctx, clientID, in, store.TypedAlerts{MedicalHistory: "Disc herniation L4/L5 (2019).\nDesk job.",
		Medications: "Ibuprofen 400 mg", Contraindications: "Pregnant, 2nd trimester"}, &screen); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveScreen(ctx, clientID, store.RedFlagScreen{On: day(11, 20),
		Answers: map[store.RedFlag]store.Answer{store.Fever: store.Yes("38.5 since Sunday")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveConsent(ctx, clientID, store.Consent{On: day(9, 30), How: store.ConsentWritten, Assessment: true,
		Techniques: "massage, stretching", Draping: true, Areas: []store.ConsentArea{store.AreaBack, store.AreaGluteal, store.AreaAbdomen},
		Excluded: []store.ConsentArea{store.AreaChest}, Note: "Prefers a female therapist", WithdrawnOn: day(11, 1),
		WithdrawnAreas: []store.ConsentArea{store.AreaAbdomen}, Withdrawal: "No more abdominal work in pregnancy"}); err != nil {
		t.Fatal(err)
	}
}

// OpenReadOnly opens the database at path only to read it, closed at the
// end of the test.
func OpenReadOnly(t *testing.T, path string) *sqlstore.Store {
	t.Helper()
	s, err := sqlstore.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// AssertMode fails the test unless path has the permissions want.
func AssertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s mode = %o, want %o", filepath.Base(path), got, want)
	}
}

// ClientCount counts the clients recorded, archived ones included.
func ClientCount(t testing.TB, s *sqlstore.Store) int {
	t.Helper()
	all, err := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	return len(all)
}
