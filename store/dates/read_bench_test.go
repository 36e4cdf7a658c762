package dates

import (
	"testing"
	"time"
)

// BenchmarkRead reads a day-first date as every CSV row's date is read;
// the baseline is the standard library parsing the ISO form alone.
func BenchmarkRead(b *testing.B) {
	for b.Loop() {
		if _, err := Read("25.11.2026", DayFirst); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadBaselineTimeParseISO(b *testing.B) {
	for b.Loop() {
		if _, err := time.ParseInLocation("2006-01-02", "2026-11-25", time.Local); err != nil {
			b.Fatal(err)
		}
	}
}
