package report

import (
	"fmt"
	"math"
	"strings"

	"backtrack/store"
)

const scaleNote = "Pain is the client's own rating on the 0–10 Numeric Rating Scale (0 = no pain, " +
	"10 = worst imaginable), taken before and after each treatment. Change is measured from the " +
	"baseline, the pain before treatment at the first visit of the period with a score."

// summary prints the figures a reader looks for first, as tiles, then says
// in words what they mean.
func (r *renderer) summary() {
	r.section("Summary", 40)
	p := r.d.Progress
	first, latest := r.firstAndLatest()

	tiles := []struct{ label, value, caption string }{
		{"VISITS", fmt.Sprint(p.Visits), "in the period"},
		{"BASELINE", painOutOf10(first.Before), "first visit, " + dateOf(first)},
		{"LATEST PAIN", painOutOf10(latest.Before), dateOf(latest)},
		{"CHANGE", "–", "needs two visits"},
		{"RELIEF IN SESSION", "–", "not recorded"},
	}
	if p.HasChange {
		tiles[3].value = signedPoints(p.Change)
		tiles[3].caption = "since the first visit"
		if p.First.Before.Score > 0 {
			tiles[3].caption = signed(p.ChangePercent) + " %"
		}
	}
	if p.ReliefCount > 0 {
		tiles[4].value = points(p.AvgRelief)
		tiles[4].caption = "average, before − after"
	}

	const gap, tileH = 2.5, 18.5
	y := r.pdf.GetY() + 1
	w := (r.width - gap*float64(len(tiles)-1)) / float64(len(tiles))
	for i, t := range tiles {
		x := r.left + float64(i)*(w+gap)
		r.fill(tileFill)
		r.pdf.RoundedRect(x, y, w, tileH, 1.2, "1234", "F")
		r.block(labelStyle, x+2.5, y+2.2, w-5, "L", t.label)
		r.block(style{"B", 14, inkColor}, x+2.5, y+5.6, w-5, "L", t.value)
		r.block(style{"", 7, mutedColor}, x+2.5, y+12.6, w-5, "L", t.caption)
	}
	r.pdf.SetY(y + tileH + 3)

	text, good := verdict(p, first)
	if p.Visits > 0 {
		text += " " + reliefSentence(p)
	}
	r.callout(text, good)
	r.pdf.SetY(r.pdf.GetY() + 1.5)
	r.paragraph(noteStyle, scaleNote)
}

// signedPoints is "+1 point", "−3 points" or "0 points": a change always
// shows its direction, as the percentage beside it does.
func signedPoints(n int) string {
	return signed(float64(n)) + strings.TrimPrefix(points(float64(n)), decimal(float64(n)))
}

// callout prints text in a tinted box with a bar on its left: green when
// the news is a clinically important improvement, grey otherwise.
func (r *renderer) callout(text string, good bool) {
	const pad, bar = 2.6, 1.2
	lines := r.wrap(bodyStyle, text, r.width-2*pad-bar)
	h := float64(len(lines))*lineHeight(bodyStyle.size) + 2*pad
	r.ensure(h)
	y := r.pdf.GetY()
	tint, mark := neutralFill, mutedColor
	if good {
		tint, mark = goodFill, goodColor
	}
	r.fill(tint)
	r.pdf.Rect(r.left, y, r.width, h, "F")
	r.fill(mark)
	r.pdf.Rect(r.left, y, bar, h, "F")
	r.writeLines(bodyStyle, r.left+bar+pad, y+pad, r.width-2*pad-bar, "L", lines)
	r.pdf.SetY(y + h)
}

// firstAndLatest are the first and latest visits with pain before
// treatment: the progress's own when it has a change, else whatever
// single visit there is.
func (r *renderer) firstAndLatest() (first, latest store.TrendPoint) {
	if r.d.Progress.HasChange {
		return r.d.Progress.First, r.d.Progress.Latest
	}
	for _, pt := range r.d.Trend {
		if pt.Before.Recorded {
			return pt, store.TrendPoint{}
		}
	}
	return store.TrendPoint{}, store.TrendPoint{}
}

func painOutOf10(p store.Pain) string {
	if !p.Recorded {
		return "–"
	}
	return fmt.Sprintf("%d / 10", p.Score)
}

func dateOf(pt store.TrendPoint) string {
	if pt.Start.IsZero() {
		return "–"
	}
	return formatDate(pt.Start)
}

// verdict says in plain words how pain before treatment changed and whether
// that is a clinically important improvement; good is true when it is.
func verdict(p store.Progress, first store.TrendPoint) (text string, good bool) {
	threshold := fmt.Sprintf("at least %d points or %g %% on the 0–10 scale",
		store.ImportantChangePoints, store.ImportantChangePercent)
	if first.Before.Recorded && first.Before.Score > 0 {
		threshold += fmt.Sprintf(": from %d, pain %g or lower", first.Before.Score,
			math.Floor(store.ImportantThreshold(first.Before.Score)+1e-9))
	}
	if !p.HasChange {
		switch {
		case p.Visits == 0:
			return "No visits were recorded in this period.", false
		case first.Before.Recorded:
			return "Pain before treatment was recorded at one visit only, so no change can be stated yet.", false
		}
		return "Pain before treatment was not recorded, so no change can be stated.", false
	}
	from, to := p.First.Before.Score, p.Latest.Before.Score
	by := points(float64(-p.Change))
	if p.Change > 0 {
		by = points(float64(p.Change))
	}
	if from > 0 {
		pct := p.ChangePercent
		if pct < 0 {
			pct = -pct
		}
		by += " (" + decimal(pct) + " %)"
	}
	switch {
	case p.Change < 0 && p.Important:
		return fmt.Sprintf("Pain before treatment fell from %d to %d, by %s. This is a clinically "+
			"important improvement (%s).", from, to, by, threshold), true
	case p.Change < 0:
		return fmt.Sprintf("Pain before treatment fell from %d to %d, by %s. This is less than a "+
			"clinically important improvement (%s).", from, to, by, threshold), false
	case p.Change == 0:
		return fmt.Sprintf("Pain before treatment is the same as at the first visit (%d of 10): "+
			"no clinically important improvement yet.", from), false
	}
	return fmt.Sprintf("Pain before treatment rose from %d to %d, by %s: no clinically important "+
		"improvement.", from, to, by), false
}

// reliefSentence states the average change within a session.
func reliefSentence(p store.Progress) string {
	if p.ReliefCount == 0 {
		return "Pain after treatment was not recorded, so relief within a session cannot be stated."
	}
	of := plural(p.ReliefCount, "visit", "visits") + " with both scores"
	switch {
	case p.AvgRelief > 0:
		return fmt.Sprintf("Within a session, pain fell by %s on average (%s).", points(p.AvgRelief), of)
	case p.AvgRelief < 0:
		return fmt.Sprintf("Within a session, pain rose by %s on average (%s).", points(-p.AvgRelief), of)
	}
	return fmt.Sprintf("Within a session, pain stayed the same on average (%s).", of)
}
