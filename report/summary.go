package report

import (
	"fmt"
	"math"
	"strings"

	"backtrack/store"
)

const scaleNote = "Pain is the client's own 0–10 rating (NRS, 0 = no pain) before and after each treatment. " +
	"Change is measured from the baseline, the first score of the episode of care (from the plan's start, else " +
	"the first visit), whatever the period; a figure from an unsigned draft is marked."

// summary prints the figures a reader looks for first, as tiles, then says
// in words what they mean.
func (r *renderer) summary() {
	r.section("Summary", 40)
	p := r.d.Progress
	first, latest := r.firstAndLatest()

	tiles := []struct{ label, value, caption string }{
		{"VISITS", fmt.Sprint(p.Visits), "in the period"},
		{"BASELINE", painOutOf10(first.Before), "episode start, " + dateOf(first) + draftMark(first)},
		{"LATEST PAIN", painOutOf10(latest.Before), dateOf(latest) + draftMark(latest)},
		{"CHANGE", "–", "needs two visits"},
		{"RELIEF IN SESSION", "–", "not recorded"},
	}
	if p.HasChange {
		tiles[3].value = signedPoints(p.Change)
		tiles[3].caption = "since the baseline"
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
		return r.d.Progress.Baseline, r.d.Progress.Latest
	}
	for _, pt := range r.d.Trend {
		if pt.Before.Recorded && !pt.Draft {
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

// verdict says in plain words how pain before treatment changed from the
// episode's baseline and whether that is clinically important by
// store.PainChangeRule, with its source; good is true for an important
// improvement without a relapse on the way.
func verdict(p store.Progress, first store.TrendPoint) (text string, good bool) {
	if !p.HasChange {
		switch {
		case p.Visits == 0:
			return "No visits were recorded in this period.", false
		case first.Before.Recorded:
			return "Pain before treatment was recorded at one visit only, so no change can be stated yet.", false
		}
		return "Pain before treatment was not recorded, so no change can be stated.", false
	}
	rule := store.PainChangeRule
	from, to := p.Baseline.Before.Score, p.Latest.Before.Score
	needs := rule.Words(float64(from))
	by := points(float64(-p.Change))
	if p.Change > 0 {
		by = points(float64(p.Change))
	}
	if from > 0 {
		by += " (" + decimal(math.Abs(p.ChangePercent)) + " %)"
	}
	base := fmt.Sprintf("the baseline of %d (%s)", from, formatDate(p.Baseline.Start))
	switch {
	case p.Important:
		text = fmt.Sprintf("Pain before treatment fell from %s to %d, by %s. This is a clinically "+
			"important improvement (%s).", base, to, by, needs)
		good = !p.Relapsed()
	case p.Worse:
		text = fmt.Sprintf("Pain before treatment rose from %s to %d, by %s. This is a clinically "+
			"important worsening (%s).", base, to, by, needs)
	case p.Change < 0:
		text = fmt.Sprintf("Pain before treatment fell from %s to %d, by %s. This is less than a "+
			"clinically important improvement (that needs %s).", base, to, by, needs)
	case p.Change == 0:
		text = fmt.Sprintf("Pain before treatment is the same as at %s: no clinically important "+
			"change (that needs %s).", base, needs)
	default:
		text = fmt.Sprintf("Pain before treatment rose from %s to %d, by %s: more pain, but not a "+
			"clinically important worsening (that needs %s).", base, to, by, needs)
	}
	switch {
	case p.BaselineMoved() && p.First.Start.Equal(p.Latest.Start):
		text += fmt.Sprintf(" In this period it was %d (%s).", to, formatDate(p.Latest.Start))
	case p.BaselineMoved():
		text += fmt.Sprintf(" In this period it went from %d (%s) to %d (%s).", p.First.Before.Score,
			formatDate(p.First.Start), to, formatDate(p.Latest.Start))
	}
	if p.Relapsed() {
		text += fmt.Sprintf(" On the way it rose to %d on %s from %d: a clinically important worsening.",
			p.Relapse.Before.Score, formatDate(p.Relapse.Start), p.RelapseFrom.Before.Score)
	}
	return text + draftsSentence(p), good
}

// draftsSentence says how many of the visits counted are unsigned drafts.
func draftsSentence(p store.Progress) string {
	switch p.Drafts {
	case 0:
		return ""
	case 1:
		return " One visit counted is an unsigned draft, which may still change."
	}
	return fmt.Sprintf(" %d visits counted are unsigned drafts, which may still change.", p.Drafts)
}

// draftMark follows a figure that comes from an unsigned draft.
func draftMark(pt store.TrendPoint) string {
	if pt.Draft {
		return " · unsigned draft"
	}
	return ""
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
