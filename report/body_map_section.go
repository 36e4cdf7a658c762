package report

import (
	"fmt"
	"time"

	"backtrack/report/bodymap"
	"backtrack/store"
)

// The printed body chart: the first and latest maps of the period side by
// side, and over a long period a heat map of how often each region hurt.
// Each figure is kept whole on one page with its date and the regions in
// words under it, so a reader never turns the page mid-figure.

const (
	mapGap      = 6.0 // between two figures side by side
	legendSym   = 1.5 // a legend symbol's radius, mm
	heatMinMaps = 6   // a heat map from this many charted visits,
	heatMinDays = 90  // or from three over at least three months
)

// mapped are the period's sessions with a body chart, oldest first.
func (r *renderer) mapped() []store.Session {
	var out []store.Session
	for _, s := range r.d.Sessions {
		if len(s.BodyMap) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// longPeriod reports whether the charted visits are enough for a heat map
// to say more than the first and latest maps do.
func longPeriod(mapped []store.Session) bool {
	n := len(mapped)
	if n >= heatMinMaps {
		return true
	}
	return n >= 3 && mapped[n-1].Start.Sub(mapped[0].Start) >= heatMinDays*24*time.Hour
}

// bodyMaps prints where it hurt: first and latest maps, then (withHeat)
// the heat map over a long period. A period without a chart says so in a
// line under the pain chart, which comes just before (a section of its own
// would push a one-visit report onto a second page); a period without
// visits says nothing here (the chart did).
func (r *renderer) bodyMaps(withHeat bool) {
	if len(r.d.Sessions) == 0 {
		return
	}
	mapped := r.mapped()
	if len(mapped) == 0 {
		r.pdf.SetY(r.pdf.GetY() + 1.5)
		r.paragraph(smallStyle, "Where it hurt: no body chart was recorded in this period.")
		return
	}
	first, latest := mapped[0], mapped[len(mapped)-1]
	colW := (r.width - mapGap) / 2
	figH := colW * bodymap.Aspect()
	type column struct {
		caption string
		s       store.Session
	}
	cols := []column{{"First: " + formatDate(first.Start), first}, {"Latest: " + formatDate(latest.Start), latest}}
	title := "Where it hurt: first and latest visit"
	if len(mapped) == 1 {
		cols = cols[:1]
		cols[0].caption = "The one charted visit: " + formatDate(first.Start)
		title = "Where it hurt"
	}
	capH := lineHeight(boldStyle.size)
	lists := make([][]string, len(cols))
	listH := 0.0
	for i, c := range cols {
		lists[i] = r.wrap(smallStyle, c.s.WhereItHurts(), colW)
		listH = max(listH, float64(len(lists[i]))*lineHeight(smallStyle.size))
	}
	legend := bodymap.Legend(first.BodyMap, latest.BodyMap)
	r.section(title, figH+capH+listH+r.legendHeight(legend, r.width)+2)
	y := r.pdf.GetY()
	for i, c := range cols {
		x := r.left + float64(i)*(colW+mapGap)
		r.use(style{"", 8, inkColor})
		DrawBodyMap(r.pdf, x, y, colW, figH, BodyMapPicture{Marks: c.s.BodyMap})
		r.writeLines(boldStyle, x, y+figH, colW, "C", []string{c.caption})
		r.writeLines(smallStyle, x, y+figH+capH, colW, "L", lists[i])
	}
	r.pdf.SetY(y + figH + capH + listH + 1.5)
	r.mapLegend(legend, r.left, r.width)
	if withHeat && longPeriod(mapped) {
		r.heatMap(mapped)
	}
}

const legendNote = "Symbol: pain type. A stronger tint: a higher intensity (0–10), given after the type in the list."

// legendHeight is the height mapLegend takes in width w.
func (r *renderer) legendHeight(entries []bodymap.LegendEntry, w float64) float64 {
	return float64(len(r.legendRows(entries, w)))*lineHeight(smallStyle.size) +
		float64(len(r.wrap(noteStyle, legendNote, w)))*lineHeight(noteStyle.size)
}

// legendRows lays the legend's entries out in rows that fit w.
func (r *renderer) legendRows(entries []bodymap.LegendEntry, w float64) [][]bodymap.LegendEntry {
	r.use(smallStyle)
	var rows [][]bodymap.LegendEntry
	x := 0.0
	for _, e := range entries {
		ew := r.legendEntryWidth(e)
		if len(rows) == 0 || x+ew > w {
			rows = append(rows, nil)
			x = 0
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], e)
		x += ew
	}
	return rows
}

func (r *renderer) legendEntryWidth(e bodymap.LegendEntry) float64 {
	return 2*legendSym + 1.5 + r.textWidth(e.Label) + 5
}

// mapLegend prints each pain type's symbol in its colour with its word,
// then how the tint and the list read.
func (r *renderer) mapLegend(entries []bodymap.LegendEntry, x0, w float64) {
	lh := lineHeight(smallStyle.size)
	y := r.pdf.GetY()
	for _, row := range r.legendRows(entries, w) {
		x := x0
		for _, e := range row {
			drawSymbol(r.pdf, e.Symbol, bodymap.Point{X: x + legendSym, Y: y + lh/2}, legendSym, 0.12)
			r.writeLines(smallStyle, x+2*legendSym+1.5, y, w, "L", []string{e.Label})
			x += r.legendEntryWidth(e)
		}
		y += lh
	}
	r.pdf.SetY(y + r.block(noteStyle, x0, y, w, "L", legendNote))
}

// heatMap prints, beside the figure shaded by how often each region hurt,
// the shades' key and the regions most often marked, in words.
func (r *renderer) heatMap(mapped []store.Session) {
	counts, most := bodymap.Heat(mapped)
	colW := (r.width - mapGap) / 2
	figH := colW * bodymap.Aspect()
	r.section("How often each region hurt", figH)
	y := r.pdf.GetY()
	r.use(style{"", 8, inkColor})
	DrawBodyMap(r.pdf, r.left, y, colW, figH, BodyMapPicture{Heat: counts, HeatMax: most})
	x, w := r.left+colW+mapGap, colW
	ty := y + r.block(bodyStyle, x, y, w, "L", fmt.Sprintf("Across the %d charted visits, %s: the darker a region, the more visits it hurt at.",
		len(mapped), formatRange(mapped[0].Start, mapped[len(mapped)-1].Start)))
	ty += 2
	lh := lineHeight(smallStyle.size)
	for _, n := range bodymap.HeatSteps(most) {
		r.fill(rgbOf(bodymap.HeatShade(n, most)))
		r.draw(mapSeam)
		r.pdf.SetLineWidth(0.15)
		r.pdf.Rect(x, ty+0.4, 7, lh-0.8, "FD")
		r.writeLines(smallStyle, x+9, ty, w-9, "L", []string{plural(n, "visit", "visits")})
		ty += lh
	}
	ty += 2
	r.writeLines(labelStyle, x, ty, w, "L", []string{"MOST OFTEN"})
	ty += lineHeight(labelStyle.size) + 0.4
	for _, line := range bodymap.MostOften(counts, len(mapped), 10) {
		ty += r.block(smallStyle, x, ty, w, "L", line)
	}
	r.pdf.SetY(max(y+figH, ty) + 1)
}

// noteBodyMap prints a visit's map: the figure on the left with the muscles
// treated as dashed outlines; on the right the legend, the regions in words
// and the muscles the overlay shows.
func (r *renderer) noteBodyMap(s store.Session) {
	if len(s.BodyMap) == 0 {
		r.section("Where it hurt", lineHeight(smallStyle.size))
		r.paragraph(smallStyle, "No body chart was recorded at this visit.")
		return
	}
	figW := (r.width - mapGap) * 0.55
	figH := figW * bodymap.Aspect()
	x, w := r.left+figW+mapGap, r.width-figW-mapGap
	legend := bodymap.Legend(s.BodyMap)
	where := r.wrap(smallStyle, s.WhereItHurts(), w)
	var drawn, words []store.Tag
	for _, m := range s.Muscles {
		if bodymap.HasOutline(m) {
			drawn = append(drawn, m)
		} else {
			words = append(words, m)
		}
	}
	var drawnLines, wordLines []string
	if len(drawn) > 0 {
		drawnLines = r.wrap(smallStyle, store.TagLabels(drawn), w)
	}
	if len(words) > 0 {
		wordLines = r.wrap(smallStyle, "Also treated, not drawn: "+store.TagLabels(words), w)
	}
	lh, lhLabel := lineHeight(smallStyle.size), lineHeight(labelStyle.size)+0.4
	side := 2 + lhLabel + r.legendHeight(legend, w) + 2 + lhLabel + float64(len(where))*lh
	if len(drawnLines) > 0 {
		side += 2 + lhLabel + float64(len(drawnLines))*lh
	}
	if len(wordLines) > 0 {
		side += 1 + float64(len(wordLines))*lh
	}
	// the figure and the column beside it are kept whole on one page
	r.section("Where it hurt", max(figH, side))
	y := r.pdf.GetY()
	r.use(style{"", 8, inkColor})
	DrawBodyMap(r.pdf, r.left, y, figW, figH, BodyMapPicture{Marks: s.BodyMap, Muscles: s.Muscles})
	ty := y + 2
	r.writeLines(labelStyle, x, ty, w, "L", []string{"PAIN TYPES"})
	r.pdf.SetY(ty + lhLabel)
	r.mapLegend(legend, x, w)
	ty = r.pdf.GetY() + 2
	r.writeLines(labelStyle, x, ty, w, "L", []string{"REGIONS"})
	ty += lhLabel
	ty += r.writeLines(smallStyle, x, ty, w, "L", where)
	if len(drawnLines) > 0 {
		ty += 2
		r.draw(mapMuscle)
		r.pdf.SetLineWidth(0.35)
		r.pdf.SetDashPattern([]float64{0.9, 0.6}, 0)
		mid := ty + lineHeight(labelStyle.size)/2
		r.pdf.Line(x, mid, x+6, mid)
		r.pdf.SetDashPattern([]float64{}, 0)
		r.writeLines(labelStyle, x+8, ty, w-8, "L", []string{"MUSCLES TREATED (DASHED)"})
		ty += lhLabel
		ty += r.writeLines(smallStyle, x, ty, w, "L", drawnLines)
	}
	if len(wordLines) > 0 {
		ty += 1
		ty += r.writeLines(smallStyle, x, ty, w, "L", wordLines)
	}
	r.pdf.SetY(max(y+figH, ty) + 1)
}
