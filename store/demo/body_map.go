package demo

import (
	"math"

	"backtrack/store"
)

// storyMark is one region a pattern's clients mark: with which pain type,
// how strong beside the pain before treatment, and until how far through
// the course (0-1) it is still marked, so the first and latest maps tell
// the story of the treatment.
type storyMark struct {
	base     string // region id without its side ("lumbar-c" for the midline)
	painType string
	weight   float64 // intensity = pain before × weight; 0: none given
	until    float64 // marked while the visit is at most this far through
}

// bodyMapAt is the client's map at visit i of n with pain before
// treatment `before`: no random draws, so a seed's other records stay as
// they were before the demo had maps.
func (p profile) bodyMapAt(v vocabulary, before, i, n int) []store.BodyMark {
	t := 0.0
	if n > 1 {
		t = float64(i) / float64(n-1)
	}
	var out []store.BodyMark
	for _, m := range p.maps {
		if t > m.until {
			continue
		}
		pt := store.Tag{TermID: v[store.PainType][m.painType], Name: m.painType}
		var intensity store.Pain
		if m.weight > 0 {
			intensity = store.PainOf(int(math.Max(1, math.Round(float64(before)*m.weight))))
		}
		side := p.side
		if m.painType == "Sharp / stabbing" && side == store.Both {
			side = store.Left // the tight muscle's own sharp pain is on one side
		}
		for _, id := range sidedRegions(m.base, side) {
			out = append(out, store.BodyMark{Region: id, PainType: pt, Intensity: intensity})
		}
	}
	store.SortBodyMap(out)
	return out
}

// sidedRegions is the region on the client's side (both for Both), or the
// midline region itself.
func sidedRegions(base string, side store.Side) []store.RegionID {
	if _, ok := store.RegionOf(store.RegionID(base)); ok {
		return []store.RegionID{store.RegionID(base)}
	}
	switch side {
	case store.Left:
		return []store.RegionID{store.RegionID(base + "-l")}
	case store.Right:
		return []store.RegionID{store.RegionID(base + "-r")}
	}
	return []store.RegionID{store.RegionID(base + "-l"), store.RegionID(base + "-r")}
}
