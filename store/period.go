package store

import "time"

// Period is a range of days, both ends included. A zero end is open.
type Period struct {
	From time.Time
	To   time.Time
}
