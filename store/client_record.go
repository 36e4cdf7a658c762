package store

import (
	"slices"
	"time"
)

// ClientRecord is everything the desk's client view and a progress report
// show about one client over a period, read from one snapshot so the
// numbers always agree with each other.
type ClientRecord struct {
	Client   Client
	Health   Health       // intake, red-flag screens and consents
	Sessions []Session    // newest first, each with every tag; voided notes are not among them
	Voided   []Session    // notes entered in error, newest first: in the history, in no figure
	Trend    []TrendPoint // oldest first: the chart and the summary read it
	Measures []Measure    // outcome measures in the period, oldest first
	Plan     Plan         // the client's treatment plan; ID 0 when none
	// Submissions are what the client filled in and signed themself,
	// newest first, whatever the period: the paper prints a signature
	// beside the consent or intake it gave.
	Submissions []Submission
	// Head is the latest entry of the record's history as this was read:
	// what a printed report anchors (zero where the history is not read).
	Head LogHead
	// Baselines are the episode of care's, read whatever the period.
	Baselines Baselines
}

// Baselines are the first pain score and the first score of each
// measure on or after the episode of care's start (EpisodeStart): every
// change is measured from them, and they do not move with a report's period.
type Baselines struct {
	Pain     TrendPoint // Before.Recorded is false when there is none
	Measures map[MeasureKind]MeasurePoint
}

// PlanStatus is where the client stands against their plan on day now
// ("4 of 8 planned visits done · ODI due"); ok is false without a plan.
func (r ClientRecord) PlanStatus(now time.Time) (PlanStatus, bool) {
	if r.Plan.ID == 0 {
		return PlanStatus{}, false
	}
	// the notes entered in error go in too, to be named, not counted
	return r.Plan.StatusOf(slices.Concat(r.Sessions, r.Voided), r.Measures, now), true
}

// TrendOf is the pain trend of sessions given in any order: oldest first,
// the same points PainTrend reads from the database.
func TrendOf(sessions []Session) []TrendPoint {
	points := make([]TrendPoint, 0, len(sessions))
	for i := range sessions {
		points = append(points, TrendPoint{SessionID: sessions[i].ID, Start: sessions[i].Start,
			Before: sessions[i].PainBefore, After: sessions[i].PainAfter, Draft: sessions[i].Draft(),
			Adherence: sessions[i].Adherence.Level})
	}
	slices.SortFunc(points, func(a, b TrendPoint) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return int(a.SessionID - b.SessionID)
	})
	return points
}
