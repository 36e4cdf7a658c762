package sqlstore_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/testkit"
)

func TestClientRecordAgreesWithItsParts(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	other := testkit.MustClient(t, s, "Bob", "Adams")
	day := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, time.Local) }
	mustSession(t, s, c.ID, day(8, 4, 9), 7, 5)
	mustSession(t, s, c.ID, day(9, 30, 18), 5, 3)
	mustSession(t, s, c.ID, day(9, 30, 9), 6, 4)
	mustSession(t, s, other.ID, day(9, 1, 9), 9, 9)
	period := store.Period{From: day(9, 1, 0), To: day(11, 30, 0)}

	rec, err := s.ClientRecord(ctx, c.ID, period)
	if err != nil {
		t.Fatal(err)
	}
	history, _ := s.ClientHistory(ctx, c.ID, period)
	trend, _ := s.PainTrend(ctx, c.ID, period)
	if rec.Client.ID != c.ID || !reflect.DeepEqual(rec.Sessions, history) || !reflect.DeepEqual(rec.Trend, trend) {
		t.Errorf("record = %+v\nhistory = %+v\ntrend = %+v", rec, history, trend)
	}
	if len(rec.Trend) != 2 || rec.Trend[0].Before != store.PainOf(6) {
		t.Errorf("trend = %+v, want the 09:00 visit first", rec.Trend)
	}
	if _, err := s.ClientRecord(ctx, 999, store.Period{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown client: %v", err)
	}
}
