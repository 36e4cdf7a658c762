package testkit

import (
	"context"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// InsightVisits saves n weekly visits for client from day start: pain
// before 6 (8 with Sitting long, every third visit) falling a point every
// 4 visits, relief 1 (3 with Stretching, every other visit), all with
// Swedish massage.
func InsightVisits(t testing.TB, s *sqlstore.Store, clientID int64, start time.Time, n int) {
	t.Helper()
	ctx := context.Background()
	term := func(kind store.Kind, name string) store.Tag {
		tm, err := s.TermNamed(ctx, kind, name)
		if err != nil {
			if tm, err = s.AddTerm(ctx, kind, name); err != nil {
				t.Fatal(err)
			}
		}
		return store.Tag{TermID: tm.ID}
	}
	for i := range n {
		before, relief := 6, 1
		sess := store.Session{ClientID: clientID, Start: start.AddDate(0, 0, 7*i), DurationMin: 60,
			Techniques: []store.Tag{term(store.Technique, "Swedish massage")},
			PainTypes:  []store.Tag{term(store.PainType, "Aching")}}
		if i%2 == 0 {
			sess.Techniques = append(sess.Techniques, term(store.Technique, "Stretching"))
			relief += 2
		}
		if i%3 == 0 {
			sess.Triggers = []store.Tag{term(store.Trigger, "Sitting long")}
			before += 2
		}
		relief += (i / 2) % 2 // noise, as often on Stretching's visits as not
		sess.PainBefore = store.Pain{Score: before - i/4, Recorded: true}
		sess.PainAfter = store.Pain{Score: before - i/4 - relief, Recorded: true}
		if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: sess}); err != nil {
			t.Fatal(err)
		}
	}
}
