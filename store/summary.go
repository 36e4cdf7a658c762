package store

import (
	"math"
	"sort"
)

// Clinically important improvement in low back pain on the 0-10 scale: a
// drop of at least 2 points or at least 30% from the first visit.
const (
	ImportantChangePoints  = 2
	ImportantChangePercent = 30.0
)

// Progress sums up a pain trend the way a report and the desk state it.
type Progress struct {
	Visits int
	// First and Latest are the first and latest visits with pain before
	// treatment recorded; HasChange is false when fewer than two exist.
	First, Latest TrendPoint
	HasChange     bool
	Change        int     // latest minus first, so an improvement is negative
	ChangePercent float64 // of the first score; 0 when the first was 0
	// Important is true when the improvement reaches the clinical threshold.
	Important bool
	// AvgRelief is the mean of before minus after over visits with both.
	AvgRelief   float64
	ReliefCount int
}

// ProgressOf reads a trend ordered oldest first.
func ProgressOf(points []TrendPoint) Progress {
	p := Progress{Visits: len(points)}
	var withBefore []TrendPoint
	sum := 0
	for _, pt := range points {
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
	if len(withBefore) < 2 {
		return p
	}
	p.First, p.Latest = withBefore[0], withBefore[len(withBefore)-1]
	p.HasChange = true
	p.Change = p.Latest.Before.Score - p.First.Before.Score
	if p.First.Before.Score > 0 {
		p.ChangePercent = math.Round(1000*float64(p.Change)/float64(p.First.Before.Score)) / 10
	}
	p.Important = -p.Change >= ImportantChangePoints || -p.ChangePercent >= ImportantChangePercent
	return p
}

// ImportantThreshold is the pain-before score at or below which a client has
// improved in a clinically important way from a first score of first.
func ImportantThreshold(first int) float64 {
	byPoints := float64(first - ImportantChangePoints)
	byPercent := float64(first) * (1 - ImportantChangePercent/100)
	return math.Max(byPoints, byPercent)
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
