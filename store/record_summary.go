package store

import (
	"slices"
	"time"
)

// RecordSummary is what a client's record comes to, read alike by the
// desk's brief before treatment and by the progress report: the pain
// trend's progress, the most frequent tags and the latest plan and home
// care. One summary, so the screen and the paper never disagree.
type RecordSummary struct {
	Progress Progress

	// Most frequent tags, most frequent first.
	Triggers  []TagCount
	Muscles   []TagCount
	PainTypes []TagCount
	Locations []TagCount

	// The latest plan and home care written, with the visit they come
	// from; empty when none was written.
	Plan     Dated
	HomeCare Dated
}

// Dated is a piece of text and the visit it was written at.
type Dated struct {
	Text string
	On   time.Time
	// SessionID is the visit it was written at.
	SessionID int64
}

// Summarize sums up sessions given in any order, with their trend oldest
// first (TrendOf).
func Summarize(sessions []Session, trend []TrendPoint) RecordSummary {
	sum := RecordSummary{
		Progress:  ProgressOf(trend),
		Triggers:  CountTags(sessions, Trigger),
		Muscles:   CountTags(sessions, Muscle),
		Locations: CountTags(sessions, Location),
		PainTypes: CountTags(sessions, PainType),
	}
	newestFirst := slices.Clone(sessions)
	slices.SortStableFunc(newestFirst, func(a, b Session) int {
		if c := b.Start.Compare(a.Start); c != 0 {
			return c
		}
		return int(b.ID - a.ID)
	})
	for _, s := range newestFirst {
		if sum.Plan.Text == "" && s.Notes.Plan != "" {
			sum.Plan = Dated{Text: s.Notes.Plan, On: s.Start, SessionID: s.ID}
		}
		if sum.HomeCare.Text == "" && s.HomeCare != "" {
			sum.HomeCare = Dated{Text: s.HomeCare, On: s.Start, SessionID: s.ID}
		}
	}
	return sum
}
