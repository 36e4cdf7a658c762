package demo

import (
	"math"
	"math/rand"
	"strconv"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// PSFS activities a back-pain client names, in their words.
var activities = []string{"Sitting through a working day", "Lifting my grandchild", "Gardening", "Running 5 km",
	"Putting on socks", "Driving for an hour", "Carrying the shopping", "Sleeping through the night", "Playing tennis"}

// Goals in a client's words for some of the activities.
var goalFor = map[string]string{
	"Sitting through a working day": "Get through a day at my desk without stopping",
	"Lifting my grandchild":         "Pick up my grandchild again",
	"Gardening":                     "Back to the allotment in spring",
	"Running 5 km":                  "Run my Saturday 5 km",
	"Driving for an hour":           "Drive to my sister's without a break",
	"Sleeping through the night":    "Sleep through the night",
}

// addFunction gives a client with three or more visits a plan and outcome
// measures that follow their pain story (improving, plateau, relapse): an
// ODI and PSFS at the first visit and every few visits after, an RMDQ for
// every other client. r is the function's own random source, so the
// sample's sessions stay as they were.
func addFunction(b *sqlstore.Batch, r *rand.Rand, i int, c store.Client, sessions []store.Session, sum *Summary) error {
	n := len(sessions)
	if n < 3 {
		return nil
	}
	every := 4
	if n > 40 {
		every = n / 10
	}
	picked := r.Perm(len(activities))[:3+r.Intn(2)]
	var names []string
	for _, k := range picked {
		names = append(names, activities[k])
	}
	kinds := []store.MeasureKind{store.ODI, store.PSFS}
	if i%2 == 1 {
		kinds = append(kinds, store.RMDQ)
	}
	start := dateOf(sessions[0])
	plan := store.Plan{ClientID: c.ID, Start: start, PlannedVisits: max(6, n-n%2+2), ReassessVisits: every, ReassessWeeks: 8,
		Frequency: []string{"weekly", "every 2 weeks", "every 3 weeks"}[r.Intn(3)], Measures: kinds[:2]}
	if n > 40 { // the long-term client: open-ended care
		plan.PlannedVisits, plan.Frequency = 0, "weekly, ongoing"
	}
	for _, name := range names[:2] {
		if g, ok := goalFor[name]; ok {
			plan.Goals = append(plan.Goals, store.Goal{Text: g, Activity: name, Status: store.GoalOpen})
		}
	}
	plan.Goals = append(plan.Goals, store.Goal{Text: "Fewer painkillers", Status: store.GoalOpen})
	var firstPSFS, lastPSFS store.Measure
	for j := 0; j < n; j += every {
		pain := painAround(sessions, j)
		for _, k := range kinds {
			m := store.Measure{ClientID: c.ID, SessionUID: sessions[j].UID, Kind: k, Taken: dateOf(sessions[j]),
				Items: itemsFor(r, k, pain, names)}
			if k == store.ODI && r.Intn(6) == 0 {
				m.Items = m.Items[1:] // a section left blank on the form
			}
			saved, err := b.SaveMeasure(m)
			if err != nil {
				return err
			}
			sum.Measures++
			if k == store.PSFS {
				if firstPSFS.ID == 0 {
					firstPSFS = saved
				}
				lastPSFS = saved
			}
		}
	}
	for gi := range plan.Goals {
		if a := plan.Goals[gi].Activity; a != "" {
			plan.Goals[gi].Status = goalStatus(rating(firstPSFS, a), rating(lastPSFS, a))
		}
	}
	if _, err := b.SavePlan(plan); err != nil {
		return err
	}
	sum.Plans++
	return nil
}

// itemsFor answers a form as a client with this pain (0-10) would.
func itemsFor(r *rand.Rand, k store.MeasureKind, pain float64, names []string) []store.MeasureItem {
	var out []store.MeasureItem
	switch k {
	case store.ODI:
		for s := 1; s <= len(store.ODISections); s++ {
			v := math.Round(pain/2 + r.NormFloat64()*0.4 - 0.5)
			out = append(out, store.MeasureItem{Item: strconv.Itoa(s), Score: int(math.Max(0, math.Min(5, v)))})
		}
	case store.RMDQ:
		apply := int(math.Max(0, math.Min(24, math.Round(pain*2.2+r.NormFloat64()*1.5))))
		for _, it := range r.Perm(store.RMDQItems) {
			score := 0
			if it < apply {
				score = 1
			}
			out = append(out, store.MeasureItem{Item: strconv.Itoa(it + 1), Score: score})
		}
	case store.PSFS:
		for _, name := range names {
			v := math.Round(10 - pain - 0.5 + r.NormFloat64()*0.5)
			out = append(out, store.MeasureItem{Item: name, Score: int(math.Max(0, math.Min(10, v)))})
		}
	}
	return out
}

func rating(m store.Measure, activity string) int {
	for _, it := range m.Items {
		if it.Item == activity {
			return it.Score
		}
	}
	return -1
}

func goalStatus(first, last int) store.GoalStatus {
	switch {
	case first < 0 || last < 0:
		return store.GoalOpen
	case last >= 8:
		return store.GoalMet
	case last-first >= store.PSFSActivityChange:
		return store.GoalPartly
	}
	return store.GoalOpen
}

func dateOf(s store.Session) time.Time {
	d, _ := store.ParseWallClock(store.DateLayout, s.Start.Format(store.DateLayout))
	return d
}

// painAround is the pain before treatment around visit j (up to two visits
// either side): a form reflects the weeks, not one day.
func painAround(sessions []store.Session, j int) float64 {
	sum, n := 0.0, 0
	for k := max(0, j-2); k <= min(len(sessions)-1, j+2); k++ {
		if p := sessions[k].PainBefore; p.Recorded {
			sum, n = sum+float64(p.Score), n+1
		}
	}
	if n == 0 {
		return 5
	}
	return sum / float64(n)
}
