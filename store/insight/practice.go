package insight

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"backtrack/store"
)

// Episode is one client's episode of care as the practice view counts it:
// how many visits, pain before treatment at the first, the visit at which
// it first fell by PainChangeRule from there, and what the client
// presented with at the first visit. The practice view needs these few
// figures of each client, not every visit: the reader of the record
// finds them as it reads (Add), or has the database find them
// (ImprovedAtMost).
type Episode struct {
	FirstVisit time.Time
	Visits     int
	Baseline   store.Pain // pain before treatment at the first visit
	ReachedAt  int        // the visit (1-based) at which pain before treatment first fell by the rule; 0 when never
	PainTypes  []string   // at the first visit
	Regions    []string   // at the first visit
}

// Add counts the episode's next visit, oldest first, by its pain before
// treatment.
func (e *Episode) Add(before store.Pain) {
	e.Visits++
	switch {
	case e.Visits == 1:
		e.Baseline = before
	case e.ReachedAt == 0 && before.Recorded && e.Baseline.Recorded && before.Score <= ImprovedAtMost(e.Baseline.Score):
		e.ReachedAt = e.Visits
	}
}

// ImprovedAtMost is the highest pain before treatment that is an
// important improvement on baseline by PainChangeRule, and -1 when no
// score is (a baseline too low to fall by the rule). A lower score is one
// too: the rule is a fall of at least so many points.
func ImprovedAtMost(baseline int) int {
	if baseline >= 0 && baseline < len(improvedAtMost) {
		return improvedAtMost[baseline]
	}
	return improvedFrom(baseline)
}

// improvedAtMost is ImprovedAtMost of each score of the 0-10 scale, worked
// out once: the practice view asks it of every visit.
var improvedAtMost = func() (table [11]int) {
	for baseline := range table {
		table[baseline] = improvedFrom(baseline)
	}
	return table
}()

func improvedFrom(baseline int) int {
	for p := baseline; p >= 0; p-- {
		if store.PainChangeRule.Judge(float64(baseline), float64(p), false) == store.ImportantImprovement {
			return p
		}
	}
	return -1
}

// ByVisits are the visits at which the practice view counts an important
// change: the 4th, 6th and 8th.
var ByVisits = []int{4, 6, 8}

// Share is how many clients reached an important change by a visit, of
// those counted there, with a 95 % Wilson interval (Wilson 1927; good at
// small n and near 0 or 100 %, where the textbook interval is not).
type Share struct {
	Visit   int
	Reached int
	Of      int
	Low     float64
	High    float64
}

// Group is the shares of clients who presented with one pain type or in
// one region (or all of them).
type Group struct {
	Label  string // "All clients", "Pain type: Aching", "Location: Lower back"
	Shares []Share
}

// Year is the practice's course in one year: the episodes that began in
// it and how many reached an important change.
type Year struct {
	Year      int
	Clients   int // episodes begun in the year, with a baseline that can change
	Reached   int // of them, reaching an important change at any visit
	Median    float64
	HasMedian bool // Median is the median visit at which it was reached
}

// Practice is the practice view.
type Practice struct {
	Groups  []Group
	Years   []Year
	LeftOut int // episodes with no pain before at the first visit, or too low to fall by the rule
	Rule    store.ChangeRule
	Caveats []string
}

// counted is whether the episode can show an important change: its
// baseline is recorded and high enough to fall by the rule.
func counted(e Episode) bool {
	return e.Baseline.Recorded && store.PainChangeRule.Needed(float64(e.Baseline.Score)) <= float64(e.Baseline.Score)
}

// OfPractice reads the episodes. A client counts at visit k when they came
// k times or reached the change sooner: a client discharged better at
// visit 3 is a success by the 4th, not left out of it.
func OfPractice(episodes []Episode) Practice {
	pr := Practice{Rule: store.PainChangeRule, Caveats: PracticeCaveats}
	all := &Group{Label: "All clients"}
	groups := map[string]*Group{}
	years := map[int]*Year{}
	var toReach = map[int][]float64{}
	for _, e := range episodes {
		if !counted(e) {
			pr.LeftOut++
			continue
		}
		at := e.ReachedAt
		labels := []string{}
		for _, t := range e.PainTypes {
			labels = appendNew(labels, store.PainType.Label()+": "+t)
		}
		for _, r := range e.Regions {
			labels = appendNew(labels, store.Location.Label()+": "+r)
		}
		count(all, at, e.Visits)
		for _, l := range labels {
			g := groups[l]
			if g == nil {
				g = &Group{Label: l}
				groups[l] = g
			}
			count(g, at, e.Visits)
		}
		y := e.FirstVisit.Year()
		if years[y] == nil {
			years[y] = &Year{Year: y}
		}
		years[y].Clients++
		if at > 0 {
			years[y].Reached++
			toReach[y] = append(toReach[y], float64(at))
		}
	}
	pr.Groups = append(pr.Groups, finish(*all))
	var rest []Group
	for _, g := range groups {
		rest = append(rest, finish(*g))
	}
	slices.SortFunc(rest, func(a, b Group) int { return cmp.Compare(a.Label, b.Label) })
	pr.Groups = append(pr.Groups, rest...)
	for _, y := range years {
		if v := toReach[y.Year]; len(v) > 0 {
			y.Median, y.HasMedian = median(v), true
		}
		pr.Years = append(pr.Years, *y)
	}
	slices.SortFunc(pr.Years, func(a, b Year) int { return cmp.Compare(a.Year, b.Year) })
	return pr
}

func count(g *Group, at, visits int) {
	if g.Shares == nil {
		for _, k := range ByVisits {
			g.Shares = append(g.Shares, Share{Visit: k})
		}
	}
	for i := range g.Shares {
		k := g.Shares[i].Visit
		reached := at > 0 && at <= k
		if reached || visits >= k {
			g.Shares[i].Of++
		}
		if reached {
			g.Shares[i].Reached++
		}
	}
}

func finish(g Group) Group {
	for i := range g.Shares {
		g.Shares[i].Low, g.Shares[i].High = wilson(g.Shares[i].Reached, g.Shares[i].Of)
	}
	return g
}

// wilson is the 95 % Wilson score interval of k in n.
func wilson(k, n int) (float64, float64) {
	if n == 0 {
		return 0, 1
	}
	p, nf, z2 := float64(k)/float64(n), float64(n), z975*z975
	centre := (p + z2/(2*nf)) / (1 + z2/nf)
	half := z975 / (1 + z2/nf) * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	return math.Max(0, centre-half), math.Min(1, centre+half)
}

// Words is "by the 4th visit 45 % (18 of 40; 95 % interval 31 to 60 %)",
// or "by the 8th visit: no client counted".
func (s Share) Words() string {
	if s.Of == 0 {
		return fmt.Sprintf("by the %s visit: no client counted", ordinal(s.Visit))
	}
	return fmt.Sprintf("by the %s visit %.0f %% (%d of %d; 95 %% interval %.0f to %.0f %%)", ordinal(s.Visit),
		100*float64(s.Reached)/float64(s.Of), s.Reached, s.Of, 100*s.Low, 100*s.High)
}

// Words is the group on one line.
func (g Group) Words() string {
	s := g.Label + ":"
	for i, sh := range g.Shares {
		s += pick(i == 0, " ", "; ") + sh.Words()
	}
	return s
}

// Words is "2025: 64 % of 120 clients reached an important change (77),
// at the 4th visit (median)".
func (y Year) Words() string {
	s := fmt.Sprintf("%d: %d of %d %s reached an important change", y.Year, y.Reached, y.Clients, plural(y.Clients, "client"))
	if y.Clients > 0 {
		s += fmt.Sprintf(" (%.0f %%)", 100*float64(y.Reached)/float64(y.Clients))
	}
	if y.HasMedian {
		s += fmt.Sprintf(", at visit %s (median)", trimmed(y.Median))
	}
	return s
}

func trimmed(v float64) string { return fmt.Sprint(math.Round(v*10) / 10) }

func ordinal(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return fmt.Sprintf("%dth", n)
	case n%10 == 1:
		return fmt.Sprintf("%dst", n)
	case n%10 == 2:
		return fmt.Sprintf("%dnd", n)
	case n%10 == 3:
		return fmt.Sprintf("%drd", n)
	}
	return fmt.Sprintf("%dth", n)
}

// RuleWords says what counts as an important change, and who is left out.
func (pr Practice) RuleWords() string {
	return fmt.Sprintf("An important change is pain before treatment down by %s from the first visit of the episode of care "+
		"(source: %s). A client counts at a visit when they came that many times or reached it sooner. "+
		"%d %s left out: no pain score at the first visit, or too low to fall by the rule.",
		"at least 2 points and 30 % of the first score", pr.Rule.Source, pr.LeftOut, plural(pr.LeftOut, "episode"))
}

// PracticeCaveats go with the practice view.
var PracticeCaveats = []string{
	"Observational, not cause: clients who come back are not all clients, and those who stop early may have got better or given up.",
	"Regression toward the mean: clients often come on a bad day, and the next is often better, whatever was done.",
	"Groups overlap: a client who presented with two pain types counts in both.",
}
