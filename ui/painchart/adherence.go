package painchart

import (
	"image/color"

	"backtrack/report/chart"
	"backtrack/store"
)

// The home exercises beside pain: a row above the plot with a mark at each
// visit that recorded how much of the last programme the client did, so a
// therapist sees pain fall (or not) with the exercises done. A filled dot
// is all of it, a ring some, a dash none; the row's label says so.

// adherenceLabel names the row, above its right end.
const adherenceLabel = "Home exercises done: ● all  ○ some  – none"

func hasAdherence(points []store.TrendPoint) bool {
	for _, p := range points {
		if p.Adherence != store.NotAskedAdherence {
			return true
		}
	}
	return false
}

// layoutAdherence draws the row's label at y, and its marks a row below.
func (r *chartRenderer) layoutAdherence(c chart.Chart, px, y, row float32) {
	k := r.ink
	r.text(adherenceLabel, px, y, k.muted)
	y += 1.5 * row
	for _, v := range c.Visits {
		x := px + float32(v.X)
		m := 0.8 * k.marker
		switch v.Adherence {
		case store.DidAll:
			r.adherenceMarks.add(x, y, m, k.before, k.before, 1.5*k.thin)
		case store.DidSome:
			r.adherenceMarks.add(x, y, m, color.Transparent, k.before, 1.5*k.thin)
		case store.DidNone:
			r.adherenceNone.add(x-m, y, x+m, y, k.muted, 2*k.thin)
		}
	}
}
