package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// GoalStatus is where a plan's goal stands.
type GoalStatus string

// The goal statuses.
const (
	GoalOpen    GoalStatus = "open"
	GoalMet     GoalStatus = "met"
	GoalPartly  GoalStatus = "partly"
	GoalDropped GoalStatus = "dropped"
)

// GoalStatuses lists the statuses as a form offers them.
var GoalStatuses = []GoalStatus{GoalOpen, GoalPartly, GoalMet, GoalDropped}

// Words is the status as a report prints it.
func (s GoalStatus) Words() string {
	switch s {
	case GoalMet:
		return "met"
	case GoalPartly:
		return "partly met"
	case GoalDropped:
		return "no longer pursued"
	}
	return "in progress"
}

// Goal is one goal in the client's words, and the PSFS activity it is
// measured by ("" when none).
type Goal struct {
	Text     string
	Activity string
	Status   GoalStatus
}

// Plan is a client's treatment plan: goals, the planned visits and their
// frequency, and how often function is re-assessed.
type Plan struct {
	ID            int64
	UID           string
	ClientID      int64
	Start         time.Time // the day the plan starts; visits count from it
	Goals         []Goal
	PlannedVisits int    // 0 when open-ended
	Frequency     string // "weekly", "every 2 weeks", in the therapist's words
	// Re-assessment: every N visits and/or every N weeks (0 = not by that).
	ReassessVisits int
	ReassessWeeks  int
	Measures       []MeasureKind // the measures re-assessed
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Tidy trims the plan's words and drops empty goals.
func (p *Plan) Tidy() {
	p.Frequency = tidyLine(p.Frequency)
	goals := p.Goals[:0:0]
	for _, g := range p.Goals {
		g.Text, g.Activity = tidyLine(g.Text), tidyLine(g.Activity)
		if g.Status == "" {
			g.Status = GoalOpen
		}
		if g.Text != "" || g.Activity != "" {
			goals = append(goals, g)
		}
	}
	p.Goals = goals
}

// Validate lists the plan's problems.
func (p Plan) Validate() Problems {
	var pr Problems
	if p.Start.IsZero() {
		pr.Add("start", "The plan needs a start date")
	}
	if p.PlannedVisits < 0 || p.PlannedVisits > 200 {
		pr.Add("visits", fmt.Sprintf("Planned visits %d is not 0-200", p.PlannedVisits))
	}
	if p.ReassessVisits < 0 || p.ReassessVisits > 100 {
		pr.Add("reassess", fmt.Sprintf("Re-assess every %d visits is not 0-100", p.ReassessVisits))
	}
	if p.ReassessWeeks < 0 || p.ReassessWeeks > 104 {
		pr.Add("reassess", fmt.Sprintf("Re-assess every %d weeks is not 0-104", p.ReassessWeeks))
	}
	pr.checkLine("frequency", "Frequency", p.Frequency, maxLineLen)
	for i, g := range p.Goals {
		if g.Text == "" {
			pr.Add("goals", fmt.Sprintf("Goal %d has no words: write the goal as the client says it", i+1))
		}
		pr.checkLine("goals", fmt.Sprintf("Goal %d", i+1), g.Text, maxLineLen)
		pr.checkLine("goals", fmt.Sprintf("Goal %d's activity", i+1), g.Activity, maxLineLen)
		if !slices.Contains(GoalStatuses, g.Status) {
			pr.Add("goals", fmt.Sprintf("Goal %d's status %q is not open, partly, met or dropped", i+1, g.Status))
		}
	}
	for _, k := range p.Measures {
		if !slices.Contains(MeasureKinds, k) {
			pr.Add("measures", fmt.Sprintf("measure %q is not odi, rmdq or psfs", k))
		}
	}
	return pr
}

// PlanHash covers everything a plan records.
func PlanHash(clientUID string, p Plan) string {
	fields := []string{clientUID, p.UID, p.Start.Format(DateLayout), strconv.Itoa(p.PlannedVisits), p.Frequency,
		strconv.Itoa(p.ReassessVisits), strconv.Itoa(p.ReassessWeeks)}
	for _, k := range p.Measures {
		fields = append(fields, string(k))
	}
	for _, g := range p.Goals {
		fields = append(fields, "goal", g.Text, g.Activity, string(g.Status))
	}
	return "plan/1:" + hashOf(fields...)
}

// PlanStatus is where a client stands against their plan at the next
// visit: what the brief prints as "4 of 8 planned visits done · ODI due".
type PlanStatus struct {
	// Done is the visits since the plan started, as the client list and
	// the reports count them: notes entered in error left out.
	Done int
	// Voided is the notes since the plan started that were entered in
	// error: named beside Done, never counted in it.
	Voided    int
	NextVisit int           // the coming visit's number since the plan started: Done+1
	Planned   int           // 0 when open-ended
	Due       []MeasureKind // measures whose re-assessment is due
	// Since is the plan's start, said when visits before it are not
	// counted (so Done is not the client's whole count).
	Since time.Time
	// EarlierVisits is the visits before the plan's start.
	EarlierVisits int
}

// StatusOf reads a plan against the client's sessions (voided ones named,
// not counted) and measures, on day now.
func (p Plan) StatusOf(sessions []Session, measures []Measure, now time.Time) PlanStatus {
	st := PlanStatus{Planned: p.PlannedVisits, Since: p.Start}
	start := p.Start.Format(DateLayout)
	var starts []string
	for _, s := range sessions {
		d := s.Start.Format(DateLayout)
		switch {
		case d < start && !s.Voided():
			st.EarlierVisits++
		case d < start:
		case s.Voided():
			st.Voided++
		default:
			st.Done++
			starts = append(starts, d)
		}
	}
	st.NextVisit = st.Done + 1
	today := WallClock(now).Format(DateLayout)
	for _, k := range p.Measures {
		last := ""
		for _, m := range measures {
			if d := m.Taken.Format(DateLayout); m.Kind == k && d > last && m.Score().OK {
				last = d
			}
		}
		if last == "" {
			st.Due = append(st.Due, k)
			continue
		}
		since := 0
		for _, d := range starts {
			if d > last {
				since++
			}
		}
		lastDay, _ := time.Parse(DateLayout, last)
		todayDay, _ := time.Parse(DateLayout, today)
		weeks := int(todayDay.Sub(lastDay).Hours() / (24 * 7))
		if (p.ReassessVisits > 0 && since >= p.ReassessVisits) || (p.ReassessWeeks > 0 && weeks >= p.ReassessWeeks) {
			st.Due = append(st.Due, k)
		}
	}
	return st
}

func visits(n int) string {
	if n == 1 {
		return "1 visit"
	}
	return fmt.Sprintf("%d visits", n)
}

// Words is "4 of 8 planned visits done · ODI due", "2 visits since the
// plan · ODI, PSFS due" or "9 visits, 8 planned": the visits done, as the
// client list counts them, and the notes entered in error named beside.
func (st PlanStatus) Words() string {
	var parts []string
	count := fmt.Sprintf("%d of %d planned visits done", st.Done, st.Planned)
	switch {
	case st.Planned == 0:
		count = visits(st.Done) + " since the plan"
	case st.Done > st.Planned:
		count = fmt.Sprintf("%s, %d planned", visits(st.Done), st.Planned)
	}
	if st.EarlierVisits > 0 && st.Planned > 0 {
		count += " since " + dayOf(st.Since)
	}
	if st.Voided > 0 {
		count += fmt.Sprintf(" (%d entered in error, not counted)", st.Voided)
	}
	parts = append(parts, count)
	if len(st.Due) > 0 {
		labels := make([]string, len(st.Due))
		for i, k := range st.Due {
			labels[i] = k.Label()
		}
		parts = append(parts, strings.Join(labels, ", ")+" due")
	}
	return strings.Join(parts, " · ")
}

// ReassessmentDue is a client whose re-assessment is due at the next visit.
type ReassessmentDue struct {
	Client Client
	Status PlanStatus
}
