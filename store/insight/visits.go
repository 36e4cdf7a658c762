// Package insight reads what goes with more relief, with a flare and with
// the course of a client's episode of care, from the record alone: each
// finding with its n on each side, the size of the difference and a 95 %
// interval, said in words only when the interval leaves out no difference
// and each side has at least MinVisits visits. It is pure: no engine, no
// Fyne; the store reads the visits and the screens, the command line and
// the report print what it finds, in the same words.
package insight

import (
	"slices"
	"time"

	"backtrack/store"
)

// Exposure is something done at a visit that may go with more relief: a
// technique, a muscle treated. Another per-visit factor (the home
// programme's adherence, "all", "some" or "none") is one more Kind filled
// in VisitsOf; the method compares any exposure the same way.
type Exposure struct {
	Kind string // ExposureTechnique, ExposureMuscle, ...
	Name string // "Stretching", "Gluteus medius"
}

// The exposures the record holds.
const (
	ExposureTechnique = "technique"
	ExposureMuscle    = "muscle treated"
)

// Visit is one visit of the episode as the method reads it.
type Visit struct {
	Start     time.Time
	Before    store.Pain
	After     store.Pain
	Exposures []Exposure
	Triggers  []string
	PainTypes []string
	Regions   []string
}

// Relief is pain before minus pain after, when both were recorded.
func (v Visit) Relief() (float64, bool) {
	if !v.Before.Recorded || !v.After.Recorded {
		return 0, false
	}
	return float64(v.Before.Score - v.After.Score), true
}

// Has reports whether the visit had the exposure.
func (v Visit) Has(e Exposure) bool { return slices.Contains(v.Exposures, e) }

// VisitsOf is the episode of care's visits, oldest first: the sessions on
// or after the plan's start (every session without a plan), voided notes
// left out. A muscle counts by its name, whatever the side: the question
// is whether treating it helps, and splitting sides halves the visits.
func VisitsOf(sessions []store.Session, plan store.Plan) []Visit {
	start := store.EpisodeStart(plan).Format(store.DateLayout)
	var out []Visit
	for i := range sessions {
		s := &sessions[i]
		if s.Voided() || (!store.EpisodeStart(plan).IsZero() && s.Start.Format(store.DateLayout) < start) {
			continue
		}
		v := Visit{Start: s.Start, Before: s.PainBefore, After: s.PainAfter}
		for _, k := range store.Kinds {
			for _, t := range s.Tags(k) {
				v.AddTag(k, t.Name)
			}
		}
		if s.TriggerOther != "" {
			v.AddTag(store.Trigger, s.TriggerOther)
		}
		for _, m := range s.BodyMap {
			v.AddMark(m.Region, m.PainType.Name)
		}
		out = append(out, v)
	}
	slices.SortStableFunc(out, func(a, b Visit) int { return a.Start.Compare(b.Start) })
	return out
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func appendNewExposure(list []Exposure, e Exposure) []Exposure {
	if slices.Contains(list, e) {
		return list
	}
	return append(list, e)
}

// AddTag records a tag of the visit by its kind, once (a muscle treated
// on both sides is one exposure).
func (v *Visit) AddTag(kind store.Kind, name string) {
	switch kind {
	case store.Technique:
		v.Exposures = appendNewExposure(v.Exposures, Exposure{ExposureTechnique, name})
	case store.Muscle:
		v.Exposures = appendNewExposure(v.Exposures, Exposure{ExposureMuscle, name})
	case store.Trigger:
		v.Triggers = appendNew(v.Triggers, name)
	case store.PainType:
		v.PainTypes = appendNew(v.PainTypes, name)
	case store.Location:
		v.Regions = appendNew(v.Regions, name)
	}
}

// AddMark records a mark on the body chart: its region by name, whatever
// the side (as a muscle), and its pain type when given.
func (v *Visit) AddMark(region store.RegionID, painType string) {
	if r, ok := store.RegionOf(region); ok {
		v.Regions = appendNew(v.Regions, r.Name)
	}
	if painType != "" {
		v.PainTypes = appendNew(v.PainTypes, painType)
	}
}
