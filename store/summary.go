package store

import (
	"math"
	"sort"
)

// Progress sums up a pain trend the way a report and the desk state it,
// from the baseline of the episode of care by PainChangeRule. Unsigned
// drafts count, and are counted, so a report can mark them: a draft can
// still change.
type Progress struct {
	Visits int
	// Drafts are the visits whose notes are not signed yet.
	Drafts int
	// Baseline is the episode's first pain before treatment
	// (EpisodeStart); it does not move with a report's period.
	Baseline TrendPoint
	// First and Latest are the period's first and latest visits with
	// pain before treatment recorded; HasChange is false when there is no
	// score after the baseline.
	First, Latest TrendPoint
	HasChange     bool
	Change        int     // latest minus baseline, so an improvement is negative
	ChangePercent float64 // of the baseline; 0 when the baseline was 0
	Direction     Direction
	// Important is an important improvement from the baseline; Worse an
	// important worsening.
	Important, Worse bool
	// Relapse is the worst visit that was an important worsening from the
	// best score before it (RelapseFrom); Relapse.Start is zero when none.
	Relapse, RelapseFrom TrendPoint
	// AvgRelief is the mean of before minus after over visits with both.
	AvgRelief   float64
	ReliefCount int
}

// ProgressOf reads a trend ordered oldest first, its first score the
// baseline.
func ProgressOf(points []TrendPoint) Progress { return ProgressFrom(TrendPoint{}, points) }

// ProgressFrom reads a period's trend, oldest first, against the episode's
// baseline (zero Start: the period's first score).
func ProgressFrom(baseline TrendPoint, points []TrendPoint) Progress {
	p := Progress{Visits: len(points)}
	var withBefore []TrendPoint
	sum := 0
	for _, pt := range points {
		if pt.Draft {
			p.Drafts++
		}
		if pt.Before.Recorded {
			withBefore = append(withBefore, pt)
		}
		if pt.Before.Recorded && pt.After.Recorded {
			sum += pt.Before.Score - pt.After.Score
			p.ReliefCount++
		}
	}
	if p.ReliefCount > 0 {
		p.AvgRelief = float64(sum) / float64(p.ReliefCount)
	}
	if len(withBefore) == 0 {
		return p
	}
	if !baseline.Before.Recorded || withBefore[0].Start.Before(baseline.Start) {
		baseline = withBefore[0]
	}
	p.Baseline, p.First, p.Latest = baseline, withBefore[0], withBefore[len(withBefore)-1]
	if !p.Latest.Start.After(p.Baseline.Start) && len(withBefore) < 2 {
		return p
	}
	p.HasChange = true
	from := p.Baseline.Before.Score
	p.Change = p.Latest.Before.Score - from
	if from > 0 {
		p.ChangePercent = math.Round(1000*float64(p.Change)/float64(from)) / 10
	}
	p.Direction = PainChangeRule.Judge(float64(from), float64(p.Latest.Before.Score), false)
	p.Important, p.Worse = p.Direction == ImportantImprovement, p.Direction == ImportantWorsening
	best := p.Baseline
	for _, pt := range withBefore {
		if !pt.Start.After(p.Baseline.Start) {
			continue
		}
		if PainChangeRule.Judge(float64(best.Before.Score), float64(pt.Before.Score), false) == ImportantWorsening &&
			(p.Relapse.Start.IsZero() || pt.Before.Score > p.Relapse.Before.Score) {
			p.Relapse, p.RelapseFrom = pt, best
		}
		if pt.Before.Score < best.Before.Score {
			best = pt
		}
	}
	if p.Worse && p.Relapse == p.Latest && p.RelapseFrom == p.Baseline { // the verdict says it already
		p.Relapse, p.RelapseFrom = TrendPoint{}, TrendPoint{}
	}
	return p
}

// Relapsed reports an important worsening on the way, whatever the latest.
func (p Progress) Relapsed() bool { return !p.Relapse.Start.IsZero() }

// BaselineMoved reports a period that starts after the baseline: the
// report then names both.
func (p Progress) BaselineMoved() bool { return p.First.Start.After(p.Baseline.Start) }

// ImportantThreshold is the pain-before score at or below which a client has
// improved in a clinically important way from a baseline of first.
func ImportantThreshold(first int) float64 {
	return float64(first) - PainChangeRule.Needed(float64(first))
}

// TagCount is how often one tag (with its side) appears.
type TagCount struct {
	Name  string
	Side  Side
	Count int
}

// Label is "Quadratus lumborum (both)" or "Sitting long".
func (c TagCount) Label() string { return Tag{Name: c.Name, Side: c.Side}.Label() }

// CountTags counts the tags of one kind over sessions, most frequent first,
// ties by name. The trigger "other" text counts as its own entry.
func CountTags(sessions []Session, kind Kind) []TagCount {
	type key struct {
		name string
		side Side
	}
	counts := map[key]int{}
	for i := range sessions {
		for _, t := range sessions[i].Tags(kind) {
			counts[key{t.Name, t.Side}]++
		}
		if kind == Trigger && sessions[i].TriggerOther != "" {
			counts[key{"Other: " + sessions[i].TriggerOther, NoSide}]++
		}
		if kind == Location { // where it hurt is on the body chart now, by region
			for _, m := range sessions[i].BodyMap {
				if r, ok := RegionOf(m.Region); ok {
					counts[key{r.Name, r.Side}]++
				}
			}
		}
	}
	out := make([]TagCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, TagCount{Name: k.name, Side: k.side, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Side < out[j].Side
	})
	return out
}
