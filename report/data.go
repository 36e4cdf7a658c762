// Package report turns a client's record into a printed progress report
// (PDF) for the client, their physician or an insurer. Loading (Load) is
// kept apart from printing (Write) so each can be tested and measured on
// its own. It never imports Fyne.
package report

import (
	"context"
	"fmt"
	"slices"
	"time"

	"backtrack/store"
	"backtrack/store/insight"
)

// Data is everything one report says, read from the store.
type Data struct {
	Client store.Client
	// Health is the intake, the red-flag screens and the consents.
	Health store.Health
	// Period is the range asked for; an open end is zero.
	Period   store.Period
	Sessions []store.Session    // oldest first
	Trend    []store.TrendPoint // oldest first
	// The summary the desk's brief shows too: progress, most frequent
	// tags, latest plan and home care over the period.
	store.RecordSummary
	// Function: the outcome measures in the period, oldest first, and the
	// treatment plan (ID 0 when none).
	Measures      []store.Measure
	TreatmentPlan store.Plan
	// Head is the record's history as the report was made, printed in
	// each page's footer so the paper anchors the history too.
	Head store.LogHead
	// Baselines are the episode of care's: every change is measured from
	// them, whatever the period.
	Baselines store.Baselines
	// Voided are the notes entered in error, in no figure: a client's copy
	// prints them with the rest (they are part of the record).
	Voided []store.Session
	// History is the record's history for this client, oldest first: what
	// a client's copy prints (ClientCopy); other documents leave it empty.
	History []store.AuditEntry

	// Insights are the episode's, when asked for (AddInsights); nil else.
	Insights *insight.ClientInsights

	// Submissions are what the client filled in and signed themself: a
	// consent or intake they gave prints their signature.
	Submissions []store.Submission
}

// Load reads one client's report for a period from the store.
func Load(ctx context.Context, s store.Records, clientID int64, period store.Period) (Data, error) {
	if err := checkPeriod(period); err != nil {
		return Data{}, err
	}
	rec, err := s.ClientRecord(ctx, clientID, period)
	if err != nil {
		return Data{}, fmt.Errorf("load report: %w", err)
	}
	d := Assemble(rec.Client, period, rec.Sessions, rec.Trend)
	d.Health, d.Voided = rec.Health, rec.Voided
	d.Measures, d.TreatmentPlan, d.Head, d.Baselines = rec.Measures, rec.Plan, rec.Head, rec.Baselines
	d.Submissions = rec.Submissions
	d.Progress = store.ProgressFrom(rec.Baselines.Pain, d.Trend)
	return d, nil
}

// Assemble builds a report's data from what the store returned: history in
// any order, trend oldest first. Load uses it; tests and benchmarks can too.
func Assemble(client store.Client, period store.Period, history []store.Session, trend []store.TrendPoint) Data {
	sessions := slices.Clone(history)
	slices.SortStableFunc(sessions, func(a, b store.Session) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
	return Data{
		Client:        client,
		Period:        period,
		Sessions:      sessions,
		Trend:         trend,
		RecordSummary: store.Summarize(sessions, trend),
	}
}

// Covered is the period the report speaks for: the range asked for, with an
// open end closed at the first or latest visit.
func (d Data) Covered() (from, to time.Time) {
	from, to = d.Period.From, d.Period.To
	if len(d.Sessions) > 0 {
		if from.IsZero() {
			from = d.Sessions[0].Start
		}
		if to.IsZero() {
			to = d.Sessions[len(d.Sessions)-1].Start
		}
	}
	return from, to
}

func checkPeriod(p store.Period) error {
	if !p.From.IsZero() && !p.To.IsZero() && p.From.After(p.To) {
		return &store.ValidationError{Problems: []store.FieldError{{
			Field: "from",
			Message: fmt.Sprintf("The period starts (%s) after it ends (%s)",
				p.From.Format(store.DateLayout), p.To.Format(store.DateLayout)),
		}}}
	}
	return nil
}
