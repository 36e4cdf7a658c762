package report

import (
	"fmt"

	"backtrack/store"
)

// topTags is how many entries each "most frequent" list shows.
const topTags = 6

// frequencies prints the most frequent triggers, muscles treated (with
// side) and pain types side by side, each with its count of visits.
func (r *renderer) frequencies() {
	if len(r.d.Sessions) == 0 {
		return // nothing to count; the summary already says so
	}
	cols := []struct {
		title  string
		counts []store.TagCount
	}{
		{"TRIGGERS", r.d.Triggers},
		{"MUSCLES TREATED", r.d.Muscles},
		{"PAIN TYPES", r.d.PainTypes},
		{"PAIN LOCATIONS", r.d.Locations},
	}
	const gap, countW = 7.0, 9.0
	colW := (r.width - gap*float64(len(cols)-1)) / float64(len(cols))
	nameW := colW - countW
	rowStyle := style{"", 8.5, inkColor}
	lh := lineHeight(rowStyle.size)

	// Measure first so the three lists stay together on one page.
	type row struct {
		lines []string
		count string
		muted bool
	}
	rows := make([][]row, len(cols))
	height := 0.0
	for i, c := range cols {
		shown := c.counts
		if len(shown) > topTags {
			shown = shown[:topTags]
		}
		for _, tc := range shown {
			rows[i] = append(rows[i], row{lines: r.wrap(rowStyle, tc.Label(), nameW-2), count: fmt.Sprint(tc.Count)})
		}
		if more := len(c.counts) - len(shown); more > 0 {
			rows[i] = append(rows[i], row{lines: r.wrap(smallStyle, fmt.Sprintf("and %d more", more), nameW), muted: true})
		}
		if len(c.counts) == 0 {
			rows[i] = append(rows[i], row{lines: r.wrap(smallStyle, "none recorded", nameW), muted: true})
		}
		h := 0.0
		for _, rw := range rows[i] {
			h += float64(len(rw.lines))*lh + 1.2
		}
		height = max(height, h)
	}
	headH := lineHeight(labelStyle.size) + 1.8
	r.section("Most frequent in the period", headH+height)

	y0 := r.pdf.GetY()
	for i, c := range cols {
		x := r.left + float64(i)*(colW+gap)
		r.block(labelStyle, x, y0, nameW, "L", c.title)
		r.block(labelStyle, x+nameW, y0, countW, "R", "VISITS")
		r.rule(x, x+colW, y0+headH-0.8, ruleColor, 0.2)
		y := y0 + headH
		for _, rw := range rows[i] {
			s := rowStyle
			if rw.muted {
				s = smallStyle
			}
			h := r.writeLines(s, x, y, nameW-2, "L", rw.lines)
			if rw.count != "" {
				r.writeLines(style{"B", rowStyle.size, inkColor}, x+nameW, y, countW, "R", []string{rw.count})
			}
			y += h + 1.2
		}
	}
	r.pdf.SetY(y0 + headH + height)
}
