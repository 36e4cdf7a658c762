package bodymap

import (
	"fmt"
	"sort"

	"backtrack/store"
)

// HeatSteps are the visit counts a heat map's key shows, screen and print
// alike: each count up to five, else five spread evenly from one to the
// most.
func HeatSteps(most int) []int {
	var out []int
	if most <= 5 {
		for n := 1; n <= most; n++ {
			out = append(out, n)
		}
		return out
	}
	for k := range 5 {
		out = append(out, 1+(most-1)*k/4)
	}
	return out
}

// MostOften names the regions marked most often, "Lumbar (L): 11 of 12
// visits", most often first (ties in the region list's order), at most n.
func MostOften(counts map[store.RegionID]int, visits, n int) []string {
	ids := make([]store.RegionID, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	order := map[store.RegionID]int{}
	for i, reg := range store.Regions() {
		order[reg.ID] = i
	}
	sort.Slice(ids, func(i, j int) bool {
		if counts[ids[i]] != counts[ids[j]] {
			return counts[ids[i]] > counts[ids[j]]
		}
		return order[ids[i]] < order[ids[j]]
	})
	var out []string
	for _, id := range ids[:min(n, len(ids))] {
		label := string(id)
		if reg, ok := store.RegionOf(id); ok {
			label = reg.Label()
		}
		of := "visits"
		if visits == 1 {
			of = "visit"
		}
		out = append(out, fmt.Sprintf("%s: %d of %d %s", label, counts[id], visits, of))
	}
	return out
}
