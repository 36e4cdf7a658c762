package report_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// reportDate is the fixed "today" of every test: store clock and report date.
var reportDate = time.Date(2026, 11, 25, 15, 0, 0, 0, time.Local)

var testPractice = store.Practice{
	Name:        "Back in Balance Massage",
	Therapist:   "Anna Keller",
	Credentials: "LMT, CMTPT",
	Address:     "12 Linden Street, Springfield",
	Contact:     "+1 555 0100 · anna@backinbalance.example",
}

func openStore(tb testing.TB) *sqlstore.Store {
	tb.Helper()
	return testkit.OpenStore(tb, reportDate)
}

func createClient(tb testing.TB, s *sqlstore.Store, first, last string, born time.Time) store.Client {
	tb.Helper()
	c, err := s.CreateClient(context.Background(), store.Client{FirstName: first, LastName: last, DateOfBirth: born})
	if err != nil {
		tb.Fatalf("create client %s %s: %v", first, last, err)
	}
	return c
}

func tag(tb testing.TB, s *sqlstore.Store, kind store.Kind, name string, side store.Side) store.Tag {
	tb.Helper()
	term, err := s.TermNamed(context.Background(), kind, name)
	if err != nil {
		tb.Fatalf("term %s %q: %v", kind, name, err)
	}
	return store.Tag{TermID: term.ID, Side: side}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.Local) }

// visit is the part of a session a test cares about.
type visit struct {
	at            time.Time
	before, after int // -1: not recorded
	painTypes     []string
	triggers      []string
	muscles       map[string]store.Side
	locations     map[string]store.Side
	techniques    []string
	note          string
	plan          string
	homeCare      string
}

func pain(n int) store.Pain {
	if n < 0 {
		return store.Pain{}
	}
	return store.PainOf(n)
}

func saveVisit(tb testing.TB, s *sqlstore.Store, clientID int64, v visit) store.Session {
	tb.Helper()
	sess := store.Session{
		ClientID: clientID, Start: v.at, DurationMin: 60,
		PainBefore: pain(v.before), PainAfter: pain(v.after),
		Notes:    store.SOAP{Subjective: v.note, Plan: v.plan},
		HomeCare: v.homeCare,
	}
	for _, n := range v.painTypes {
		sess.PainTypes = append(sess.PainTypes, tag(tb, s, store.PainType, n, store.NoSide))
	}
	for _, n := range v.triggers {
		sess.Triggers = append(sess.Triggers, tag(tb, s, store.Trigger, n, store.NoSide))
	}
	for _, n := range sortedKeys(v.muscles) {
		sess.Muscles = append(sess.Muscles, tag(tb, s, store.Muscle, n, v.muscles[n]))
	}
	for _, n := range sortedKeys(v.locations) {
		sess.Locations = append(sess.Locations, tag(tb, s, store.Location, n, v.locations[n]))
	}
	for _, n := range v.techniques {
		sess.Techniques = append(sess.Techniques, tag(tb, s, store.Technique, n, store.NoSide))
	}
	saved, err := s.Save(context.Background(), sqlstore.SaveRequest{Session: sess})
	if err != nil {
		tb.Fatalf("save session %s: %v", v.at.Format(store.StartLayout), err)
	}
	return saved
}

func sortedKeys(m map[string]store.Side) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// manyVisits saves n weekly-ish visits ending before reportDate, pain
// falling slowly, with a rotating mix of tags and notes of varied length.
func manyVisits(tb testing.TB, s *sqlstore.Store, clientID int64, n int) {
	tb.Helper()
	triggers := []string{"Sitting long", "Lifting repeatedly", "Running on soft surface", "Sudden strenuous activity"}
	types := []string{"Dull ache", "Stiffness", "Sharp / stabbing", "Decreased mobility"}
	notes := []string{
		"Worse after a long drive at the weekend.",
		"Reports better sleep since last visit; still stiff in the morning for about half an hour, easing after a walk.",
		"",
		"Tight QL on the left, tender trigger point at L3 level; gluteus medius right side hypertonic. Side-lying QL stretch taught and repeated three times with good tolerance.",
	}
	start := day(2026, 11, 25).AddDate(0, 0, -4*n)
	err := s.Batch(context.Background(), func(b *sqlstore.Batch) error {
		term := func(k store.Kind, name string) int64 {
			t, err := b.TermNamed(k, name)
			if err != nil {
				tb.Fatalf("term %q: %v", name, err)
			}
			return t.ID
		}
		for i := range n {
			before := 8 - (i*5)/n
			sess := store.Session{
				ClientID: clientID, Start: start.AddDate(0, 0, 4*i).Add(10 * time.Hour), DurationMin: 45 + 15*(i%2),
				PainBefore: store.PainOf(before), PainAfter: store.PainOf(max(before-2-i%2, 0)),
				PainTypes: []store.Tag{{TermID: term(store.PainType, types[i%len(types)])}},
				Triggers:  []store.Tag{{TermID: term(store.Trigger, triggers[i%len(triggers)])}},
				Muscles: []store.Tag{{TermID: term(store.Muscle, "Quadratus lumborum"), Side: store.Both},
					{TermID: term(store.Muscle, "Gluteus medius"), Side: []store.Side{store.Left, store.Right}[i%2]}},
				Techniques: []store.Tag{{TermID: term(store.Technique, "Massage")}, {TermID: term(store.Technique, "Stretching")}},
				Notes:      store.SOAP{Subjective: notes[i%len(notes)], Assessment: fmt.Sprintf("Visit %d of the series.", i+1)},
			}
			if i == n-1 {
				sess.Notes.Plan = "Every two weeks; side-lying QL stretch."
				sess.HomeCare = "Side-lying QL stretch twice a day, 3 × 30 s each side."
			}
			if _, err := b.SaveSession(sess); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("save %d visits: %v", n, err)
	}
}

// writePDF writes the client's report to a file and returns its path.
func writePDF(tb testing.TB, s *sqlstore.Store, clientID int64, period store.Period, opts report.Options) string {
	tb.Helper()
	d, err := report.Load(context.Background(), s, clientID, period)
	if err != nil {
		tb.Fatalf("load report: %v", err)
	}
	path := filepath.Join(tb.TempDir(), "report.pdf")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := report.Write(f, d, opts); err != nil {
		tb.Fatalf("write report: %v", err)
	}
	return path
}

// pdfText reads a PDF back as text with pdftotext, laid out as printed,
// one string per page.
func pdfText(tb testing.TB, path string) []string {
	tb.Helper()
	return pdftotext(tb, path, testkit.Layout)
}

// pdfRaw reads a PDF back in the order it was drawn, one string per page:
// a table cell's wrapped lines come out together.
func pdfRaw(tb testing.TB, path string) []string {
	tb.Helper()
	return pdftotext(tb, path, testkit.Raw)
}

func pdftotext(tb testing.TB, path, mode string) []string {
	tb.Helper()
	return strings.Split(strings.TrimRight(testkit.PDFText(tb, path, mode), "\f\n"), "\f")
}

func defaultOptions() report.Options {
	return report.Options{Practice: testPractice, Date: reportDate}
}
