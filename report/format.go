package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"backtrack/store"
)

// Dates are spelled out ("2 May 1975") so no reader mistakes the day for the
// month, whatever country they are in.
const (
	longDate  = "2 Jan 2006"
	shortDate = "2 Jan"
)

func formatDate(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.Format(longDate)
}

// formatRange is "4 Aug – 14 Nov 2026", or with both years when they differ.
func formatRange(from, to time.Time) string {
	switch {
	case from.IsZero() && to.IsZero():
		return "–"
	case from.IsZero():
		return "until " + formatDate(to)
	case to.IsZero():
		return "from " + formatDate(from)
	case store.SameDay(from, to):
		return formatDate(from)
	case from.Year() == to.Year():
		return from.Format(shortDate) + " – " + formatDate(to)
	}
	return formatDate(from) + " – " + formatDate(to)
}

// points is "1 point", "3 points", "2.5 points".
func points(v float64) string {
	unit := "points"
	if v == 1 || v == -1 {
		unit = "point"
	}
	return decimal(v) + " " + unit
}

// decimal prints at most one decimal, no trailing ".0", and a true minus sign.
func decimal(v float64) string {
	v = math.Round(v*10) / 10
	s := fmt.Sprintf("%.1f", math.Abs(v))
	s = strings.TrimSuffix(s, ".0")
	if v < 0 {
		return "−" + s
	}
	return s
}

// signed is decimal with an explicit "+" on rises.
func signed(v float64) string {
	if v > 0 {
		return "+" + decimal(v)
	}
	return decimal(v)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
