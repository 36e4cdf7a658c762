package painchart

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"backtrack/report/chart"
	"backtrack/store"
)

// layoutLegend names the series in one row, with shorter names when the
// row is too narrow for the full ones, wrapping if even those do not fit.
// It returns the rows used.
func (r *chartRenderer) layoutLegend(x, y, width, row float32, relief bool) int {
	k := r.ink
	swatch := 5 * k.pad
	var cy float32
	type item struct {
		long, short string
		draw        func(sx float32)
	}
	items := []item{
		{"Before treatment", "Before", func(sx float32) {
			r.legendLines.add(sx, cy, sx+swatch, cy, k.before, k.series)
			r.legendMarks.add(sx+swatch/2, cy, k.marker, k.before, k.before, 1.5*k.thin)
		}},
		{"After treatment", "After", func(sx float32) {
			r.legendLines.add(sx, cy, sx+swatch, cy, k.after, k.series)
			r.legendMarks.add(sx+swatch/2, cy, k.marker, k.paper, k.after, 1.5*k.thin)
		}},
	}
	reliefItem := item{"Relief in a visit", "Relief in a visit", func(sx float32) {
		r.legendLines.add(sx+swatch/2, cy-row/3, sx+swatch/2, cy+row/3, k.relief, 1.5*k.thin)
	}}
	if l := r.c.layout.Legend; l.Series != "" { // a measure: its one series
		items = items[:1]
		items[0].long, items[0].short = l.Series, l.Short
		relief = false
	}
	if relief {
		items = append(items, reliefItem)
	}
	if ref := r.c.layout.Important; ref.Shown {
		items = append(items, item{ref.Label, ref.Short, func(sx float32) {
			dash := (swatch - k.pad) / 2
			r.legendLines.add(sx, cy, sx+dash, cy, k.important, 1.5*k.thin)
			r.legendLines.add(sx+dash+k.pad, cy, sx+swatch, cy, k.important, 1.5*k.thin)
		}})
	}
	gap := 3 * k.pad
	needed := -gap
	for _, it := range items {
		needed += swatch + k.pad + r.measure(it.long) + gap
	}
	cx, rows := x, 1
	cy = y + row/2
	for _, it := range items {
		label := it.long
		if needed > width {
			label = it.short
		}
		if w := swatch + k.pad + r.measure(label); cx > x && cx+w > x+width {
			cx, cy, rows = x, cy+row, rows+1
		}
		it.draw(cx)
		t := r.legendTexts.next()
		t.Text, t.Color, t.TextSize, t.TextStyle, t.Hidden = label, k.text, k.textSize, fyne.TextStyle{}, false
		t.Move(fyne.NewPos(cx+swatch+k.pad, cy-row/2))
		t.Resize(fyne.NewSize(r.measure(label), row))
		cx += swatch + k.pad + r.measure(label) + gap
	}
	return rows
}

// selectionOverlay marks the chosen visit: a guide down the plot, rings on
// its markers and a tooltip-like card with its date and scores.
type selectionOverlay struct {
	guide                 *canvas.Line
	ringBefore, ringAfter *canvas.Circle
	card                  *canvas.Rectangle
	lines                 [3]*canvas.Text
}

func newSelectionOverlay() selectionOverlay {
	s := selectionOverlay{
		guide: &canvas.Line{}, ringBefore: &canvas.Circle{}, ringAfter: &canvas.Circle{},
		card: &canvas.Rectangle{},
	}
	for i := range s.lines {
		s.lines[i] = &canvas.Text{}
	}
	s.hide()
	return s
}

func (s *selectionOverlay) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{s.guide, s.ringBefore, s.ringAfter, s.card, s.lines[0], s.lines[1], s.lines[2]}
}

func (s *selectionOverlay) appendTo(o []fyne.CanvasObject) []fyne.CanvasObject {
	return append(o, s.objects()...)
}

func (s *selectionOverlay) hide() {
	s.guide.Hidden, s.ringBefore.Hidden, s.ringAfter.Hidden, s.card.Hidden = true, true, true, true
	for _, t := range s.lines {
		t.Hidden = true
	}
}

// VisitSummary is a visit's scores in words, as the chart's card shows
// them: "Before 7 · After 4 · Relief 3".
func VisitSummary(p store.TrendPoint) string {
	switch {
	case p.Before.Recorded && p.After.Recorded:
		return fmt.Sprintf("Before %d · After %d · Relief %d", p.Before.Score, p.After.Score, p.Before.Score-p.After.Score)
	case p.Before.Recorded:
		return fmt.Sprintf("Before %d · After not recorded", p.Before.Score)
	case p.After.Recorded:
		return fmt.Sprintf("Before not recorded · After %d", p.After.Score)
	}
	return "No pain scores recorded"
}

func (s *selectionOverlay) layout(r *chartRenderer) {
	s.hide()
	c := r.c
	if c.message != "" || c.selected < 0 || c.selected >= len(c.layout.Visits) {
		return
	}
	k := r.ink
	v := c.layout.Visits[c.selected]
	px, py := c.plot.X, c.plot.Y
	x := px + float32(v.X)
	line(s.guide, x, py, x, py+float32(c.layout.Frame.Height), k.focus, 2*k.thin)
	top, bottom := float32(c.layout.Frame.Height), float32(0)
	ring := func(o *canvas.Circle, y float64, ink color.Color) {
		circle(o, x, py+float32(y), k.marker+2*k.thin+k.pad/2, color.Transparent, ink, 2*k.thin)
		top, bottom = min(top, float32(y)), max(bottom, float32(y))
	}
	if v.Before.Recorded {
		ring(s.ringBefore, v.BeforeY, k.before)
	}
	if v.After.Recorded {
		ring(s.ringAfter, v.AfterY, k.after)
	}

	when := v.Start.Format(chart.DateTimeLayout)
	if v.Draft {
		when += " · draft, not signed"
	}
	texts := []string{when, VisitSummary(v.TrendPoint)}
	if c.series != nil {
		texts = []string{c.layout.DescribeValue(v)}
	}
	if c.onTapVisit != nil {
		texts = append(texts, "Click or press Enter to open")
	}
	var w, h float32
	for i, text := range texts {
		t := s.lines[i]
		t.Text, t.Hidden = text, false
		t.TextSize, t.Color, t.TextStyle = k.tipTextSize, k.text, fyne.TextStyle{Bold: i == 0}
		if i == 2 {
			t.TextSize, t.Color = k.textSize, k.muted
		}
		size := fyne.MeasureText(text, t.TextSize, t.TextStyle)
		t.Resize(size)
		w, h = max(w, size.Width), h+size.Height
	}
	w, h = w+4*k.pad, h+2*k.pad
	// Beside the visit, not over it: right of it unless that runs off.
	cardX := x + 3*k.pad
	if cardX+w > r.size.Width-k.pad {
		cardX = x - 3*k.pad - w
	}
	cardX = max(cardX, k.pad)
	cardY := min(max(py+(top+bottom)/2-h/2, k.pad), r.size.Height-h-k.pad)
	s.card.Move(fyne.NewPos(cardX, cardY))
	s.card.Resize(fyne.NewSize(w, h))
	s.card.FillColor, s.card.StrokeColor, s.card.StrokeWidth = k.overlay, k.border, k.thin
	s.card.CornerRadius, s.card.Hidden = k.radius, false
	ty := cardY + k.pad
	for _, t := range s.lines[:len(texts)] {
		t.Move(fyne.NewPos(cardX+2*k.pad, ty))
		ty += t.Size().Height
	}
}

// showSelection redraws only the overlay and focus ring, so moving the
// pointer over a long history does not lay out every line again.
func (r *chartRenderer) showSelection() {
	r.selection.layout(r)
	r.focus.Hidden = !r.c.focused
	canvas.Refresh(r.focus)
	for _, o := range r.selection.objects() {
		canvas.Refresh(o)
	}
}
