package kit

import (
	"fmt"
	"strings"
	"time"

	"backtrack/report/chart"
	"backtrack/store"
	"backtrack/ui/internal/words"
)

// Dates read the way a therapist says them: "14 Nov", with the year only
// when it is not this year.

func ShortDate(t, now time.Time) string {
	if t.Year() == now.Year() {
		return t.Format("2 Jan")
	}
	return t.Format("2 Jan 2006")
}

func LongDate(t time.Time) string { return t.Format("2 Jan 2006") }

func DateTime(t time.Time) string { return t.Format(chart.DateTimeLayout) }

// daysBetween counts calendar days from a to b, ignoring the time of day.
func daysBetween(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// Ago says how long ago t was, in the unit a person would use.
func Ago(t, now time.Time) string {
	d := daysBetween(t, now)
	switch {
	case d < 0:
		return "upcoming"
	case d == 0:
		return "today"
	case d == 1:
		return "yesterday"
	case d < 14:
		return fmt.Sprintf("%d days ago", d)
	case d < 60:
		return fmt.Sprintf("%d weeks ago", d/7)
	case d < 365:
		return fmt.Sprintf("%d months ago", d/30)
	case d < 730:
		return "over a year ago"
	default:
		return fmt.Sprintf("%d years ago", d/365)
	}
}

// PainChange is "4→2", "4→–" or "–" when nothing was recorded.
func PainChange(before, after store.Pain) string {
	if !before.Recorded && !after.Recorded {
		return "–"
	}
	return before.String() + "→" + after.String()
}

// LastVisitSummary is the client list's second line: "14 Nov · 4→2".
func LastVisitSummary(c store.ClientSummary, now time.Time) string {
	if c.LastVisit.IsZero() {
		return "No visits yet"
	}
	return ShortDate(c.LastVisit, now) + " · " + PainChange(c.LastPainBefore, c.LastPainAfter) +
		" · " + words.Plural(c.SessionCount, "visit", "visits")
}

// ClientDetail tells a client from another of the same name: "born 4 Mar
// 1985", else the phone, else the email; "" when none is recorded.
func ClientDetail(c store.Client) string {
	switch {
	case !c.DateOfBirth.IsZero():
		return "born " + LongDate(c.DateOfBirth)
	case strings.TrimSpace(c.Phone) != "":
		return strings.TrimSpace(c.Phone)
	}
	return strings.TrimSpace(c.Email)
}

// NameWithDetail is "Anna Smith (born 4 Mar 1985)", or the name alone when
// nothing tells the client apart.
func NameWithDetail(c store.Client) string {
	if d := ClientDetail(c); d != "" {
		return c.FullName() + " (" + d + ")"
	}
	return c.FullName()
}

// OneLine squeezes a note onto one line for a summary.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
