package store

import (
	"testing"
	"time"
)

func TestAPeriodContainsBothOfItsEndDays(t *testing.T) {
	day := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, time.Local) }
	p := Period{From: day(9, 1, 0), To: day(11, 30, 0)}
	for at, want := range map[time.Time]bool{
		day(8, 31, 23): false, day(9, 1, 0): true, day(11, 30, 18): true, day(12, 1, 0): false,
	} {
		if got := p.Contains(at); got != want {
			t.Errorf("%v in %v: %v, want %v", at, p, got, want)
		}
	}
	if !(Period{}).Contains(day(1, 1, 0)) || !(Period{To: p.To}).Contains(day(1, 1, 0)) || (Period{From: p.From}).Contains(day(1, 1, 0)) {
		t.Error("an open end does not reach as far as it should")
	}
}
