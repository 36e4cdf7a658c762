package sqlstore_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func TestSaveSessionRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Marta", "Nowak-Świątek")
	ql := mustTerm(t, s, store.Muscle, "Quadratus lumborum")
	stiff := mustTerm(t, s, store.PainType, "stiffness")
	sitting := mustTerm(t, s, store.Trigger, "Sitting long")

	// given a session with tags of several kinds
	in := store.Session{
		ClientID: c.ID, Start: time.Date(2026, 11, 14, 14, 0, 0, 0, time.Local), DurationMin: 60,
		PainBefore: store.PainOf(4), PainAfter: store.PainOf(2),
		PainTypes: []store.Tag{{TermID: stiff.ID}},
		Triggers:  []store.Tag{{TermID: sitting.ID}},
		Muscles:   []store.Tag{{TermID: ql.ID, Side: store.Both}},
		Notes:     store.SOAP{Plan: "every 2 weeks"},
		HomeCare:  "side-lying QL stretch",
	}
	saved, err := s.Save(ctx, sqlstore.SaveRequest{Session: in})
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	// when it is read back in the history
	hist, err := s.ClientHistory(ctx, c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	// then every field and tag is there
	if len(hist) != 1 || hist[0].ID != saved.ID {
		t.Fatalf("history = %+v", hist)
	}
	got := hist[0]
	if got.PainBefore != store.PainOf(4) || got.PainAfter != store.PainOf(2) {
		t.Errorf("pain = %v -> %v", got.PainBefore, got.PainAfter)
	}
	if store.TagLabels(got.Muscles) != "Quadratus lumborum (both)" || store.TagLabels(got.PainTypes) != "Stiffness" {
		t.Errorf("tags = %q %q", store.TagLabels(got.Muscles), store.TagLabels(got.PainTypes))
	}
	if got.Notes.Plan != "every 2 weeks" || got.HomeCare != "side-lying QL stretch" {
		t.Errorf("notes = %+v %q", got.Notes, got.HomeCare)
	}
	if !got.Start.Equal(store.WallClock(in.Start)) { // a start is the wall clock typed
		t.Errorf("start = %v, want %v", got.Start, in.Start)
	}
}

func TestSaveSessionUpdatesAndReplacesTags(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	ql := mustTerm(t, s, store.Muscle, "Quadratus lumborum")
	gm := mustTerm(t, s, store.Muscle, "Gluteus medius")
	sess := mustSession(t, s, c.ID, time.Date(2026, 11, 1, 9, 0, 0, 0, time.Local), 6, 4)

	// when the session is saved again with other values and tags
	sess.PainAfter = store.Pain{} // not recorded
	sess.Muscles = []store.Tag{{TermID: gm.ID, Side: store.Right}, {TermID: ql.ID, Side: store.Left}, {TermID: gm.ID, Side: store.Left}}
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: sess}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Session(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	// then the row is updated, not duplicated; a duplicate tag is dropped
	if got.PainAfter.Recorded {
		t.Errorf("pain after = %v, want not recorded", got.PainAfter)
	}
	if l := store.TagLabels(got.Muscles); l != "Quadratus lumborum (L), Gluteus medius (R)" {
		t.Errorf("muscles = %q", l)
	}
	hist, _ := s.ClientHistory(ctx, c.ID, store.Period{})
	if len(hist) != 1 {
		t.Errorf("history has %d sessions, want 1", len(hist))
	}
}

func TestDeleteSession(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	stiff := mustTerm(t, s, store.PainType, "Stiffness")
	sess, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: fixedNow, DurationMin: 45,
		PainTypes: []store.Tag{{TermID: stiff.ID}}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSession(ctx, sess.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, sess.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted session: %v", err)
	}
	if err := s.DeleteSession(ctx, sess.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	// the tags went with it, so the term can be counted as unused
	if !testkit.OnPostgres() { // the server enforces its foreign keys itself
		problems, err := sqlite.Check(ctx, s.Path())
		if err != nil || len(problems) != 0 {
			t.Errorf("check after delete: %v %v", problems, err)
		}
	}
}

func TestHistoryAndTrendByPeriod(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	other := testkit.MustClient(t, s, "Bob", "Adams")
	day := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, time.Local) }
	mustSession(t, s, c.ID, day(8, 4, 9), 7, 5)
	mustSession(t, s, c.ID, day(9, 30, 18), 5, 3)
	mustSession(t, s, c.ID, day(9, 30, 9), 6, 4) // two visits on one day
	mustSession(t, s, c.ID, day(11, 14, 14), 4, 2)
	mustSession(t, s, other.ID, day(9, 1, 9), 9, 9)

	hist, err := s.ClientHistory(ctx, c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	var starts []string
	for _, h := range hist {
		starts = append(starts, h.Start.Format(store.StartLayout))
	}
	want := []string{"2026-11-14 14:00", "2026-09-30 18:00", "2026-09-30 09:00", "2026-08-04 09:00"}
	if !reflect.DeepEqual(starts, want) {
		t.Errorf("history = %v, want newest first %v", starts, want)
	}

	// the period includes both its first and its last day
	trend, err := s.PainTrend(ctx, c.ID, store.Period{From: day(9, 30, 0), To: day(11, 14, 0)})
	if err != nil {
		t.Fatal(err)
	}
	var befores []int
	for _, p := range trend {
		befores = append(befores, p.Before.Score)
	}
	if !reflect.DeepEqual(befores, []int{6, 5, 4}) {
		t.Errorf("trend befores = %v, want oldest first [6 5 4]", befores)
	}
	last, err := s.LastSession(ctx, c.ID)
	if err != nil || last.Start.Day() != 14 {
		t.Errorf("last session = %v, %v", last.Start, err)
	}
	if _, err := s.LastSession(ctx, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("last session of nobody: %v", err)
	}
}

func TestSessionValidation(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer") // born 1975-05-02
	stiff := mustTerm(t, s, store.PainType, "Stiffness")
	ql := mustTerm(t, s, store.Muscle, "Quadratus lumborum")
	valid := store.Session{ClientID: c.ID, Start: fixedNow, DurationMin: 60,
		PainTypes: []store.Tag{{TermID: stiff.ID}}}
	cases := []struct {
		name   string
		edit   func(*store.Session)
		fields []string
	}{
		{"pain before 11", func(x *store.Session) { x.PainBefore = store.PainOf(11) }, []string{"pain_before"}},
		{"pain after -1", func(x *store.Session) { x.PainAfter = store.PainOf(-1) }, []string{"pain_after"}},
		{"before the date of birth", func(x *store.Session) { x.Start = time.Date(1975, 5, 1, 9, 0, 0, 0, time.Local) }, []string{"start"}},
		{"more than a day ahead", func(x *store.Session) { x.Start = fixedNow.Add(25 * time.Hour) }, []string{"start"}},
		{"no date", func(x *store.Session) { x.Start = time.Time{} }, []string{"start"}},
		{"duration 0", func(x *store.Session) { x.DurationMin = 0 }, []string{"duration"}},
		{"duration 601", func(x *store.Session) { x.DurationMin = 601 }, []string{"duration"}},
		{"unknown term", func(x *store.Session) { x.PainTypes = []store.Tag{{TermID: 9999}} }, []string{"pain_type"}},
		{"a muscle as a pain type", func(x *store.Session) { x.PainTypes = []store.Tag{{TermID: ql.ID}} }, []string{"pain_type"}},
		{"a bad side", func(x *store.Session) { x.Muscles = []store.Tag{{TermID: ql.ID, Side: "middle"}} }, []string{"muscle"}},
		{"a 1 MB note", func(x *store.Session) { x.Notes.Subjective = strings.Repeat("é", 1<<20) }, []string{"subjective"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sess := valid
			tc.edit(&sess)
			_, err := s.Save(ctx, sqlstore.SaveRequest{Session: sess})
			if got := fieldsOf(t, err); !reflect.DeepEqual(got, tc.fields) {
				t.Errorf("fields = %v, want %v (%v)", got, tc.fields, err)
			}
		})
	}
	// nothing was half-written by any failed save
	if hist, _ := s.ClientHistory(ctx, c.ID, store.Period{}); len(hist) != 0 {
		t.Errorf("failed saves left %d sessions", len(hist))
	}
	// exactly a day ahead is allowed (a session booked for tomorrow morning)
	ok := valid
	ok.Start = fixedNow.Add(24 * time.Hour)
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: ok}); err != nil {
		t.Errorf("a day ahead: %v", err)
	}
	// a session for an unknown client is not found
	bad := valid
	bad.ClientID = 999
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: bad}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown client: %v", err)
	}
}
