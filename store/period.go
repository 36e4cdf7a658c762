package store

import "time"

// Period is a range of days, both ends included. A zero end is open.
type Period struct {
	From time.Time
	To   time.Time
}

// Contains reports whether t falls on a day of the period, both end days
// included.
func (p Period) Contains(t time.Time) bool {
	if !p.From.IsZero() && t.Before(p.From) {
		return false
	}
	return p.To.IsZero() || t.Before(p.To.AddDate(0, 0, 1))
}
