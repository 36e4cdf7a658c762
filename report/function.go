package report

import (
	"time"

	"fmt"
	"strings"

	"backtrack/report/chart"
	"backtrack/store"
)

// measureChartHeight is the height of one measure's chart in millimetres.
const measureChartHeight = 44.0

// progressOf is each measure recorded in the period, first to latest.
func (r *renderer) progressOf() []store.MeasureProgress {
	var out []store.MeasureProgress
	for _, k := range store.MeasureKinds {
		if p, ok := store.ProgressOfMeasureFrom(k, r.d.Baselines.Measures[k], store.MeasureTrend(r.d.Measures, k)); ok {
			out = append(out, p)
		}
	}
	return out
}

// anyFunctionGain reports an important improvement that held.
func (r *renderer) anyFunctionGain() bool {
	for _, p := range r.progressOf() {
		if p.Important && !p.Relapsed() {
			return true
		}
	}
	return false
}

// anySetback reports a clinically important worsening on the way, in pain
// or a measure: the client's edition names it instead of praising.
func (r *renderer) anySetback() bool {
	if r.d.Progress.Relapsed() || r.d.Progress.Worse {
		return true
	}
	for _, p := range r.progressOf() {
		if p.Relapsed() || p.Worse {
			return true
		}
	}
	return false
}

// function prints each measure's first and latest score, change, band and
// verdict against its clinically important change, then their trends
// side by side, drawn by the pain chart's geometry.
func (r *renderer) function() {
	progress := r.progressOf()
	if len(progress) == 0 {
		return
	}
	r.section("Function", 4*lineHeight(bodyStyle.size)+measureChartHeight)
	for _, p := range progress {
		r.functionRow(p)
	}
	r.pdf.SetY(r.pdf.GetY() + 1)
	r.paragraph(noteStyle, "Scores from the client's completed forms: ODI 0–100 % and RMDQ 0–24 (lower is better), "+
		"PSFS 0–10, the average of the client's own activities (higher is better). Every change is measured from the "+
		"baseline, the measure's first score in the episode of care (from the treatment plan's start; without a plan, "+
		"the first score on record), and is clinically important when it reaches both the measure's points and 30 % of "+
		"the baseline: ODI 10 points, RMDQ 5 points (Ostelo et al. 2008, Spine); PSFS 2 points on the average, "+
		"3 for one activity (Stratford et al. 1995, Physiotherapy Canada). A worsening is judged the same way.")
	const gap = 5.0
	n := float64(len(progress))
	w := (r.width - gap*(n-1)) / n
	// A chart's title wraps to a second line rather than being cut: three
	// charts side by side leave "Roland-Morris Disability Questionnaire"
	// too little width for one. The charts start level, under the
	// tallest title.
	titles := make([][]string, len(progress))
	titleLines := 1
	for i, p := range progress {
		titles[i] = r.clipped(labelStyle, strings.ToUpper(p.Kind.Name()), w, 2)
		titleLines = max(titleLines, len(titles[i]))
	}
	titleHeight := float64(titleLines) * lineHeight(labelStyle.size)
	r.ensure(measureChartHeight + titleHeight + 2)
	y := r.pdf.GetY() + 2
	for i, p := range progress {
		x := r.left + float64(i)*(w+gap)
		r.writeLines(labelStyle, x, y, w, "L", titles[i])
		r.use(style{"", 8, inkColor})
		DrawMeasureChart(r.pdf, x, y+titleHeight+0.5, w, measureChartHeight,
			chart.Series{Kind: p.Kind, Points: store.MeasureTrend(r.d.Measures, p.Kind), Baseline: p.Baseline})
	}
	r.pdf.SetY(y + titleHeight + 0.5 + measureChartHeight)
}

// functionRow is one measure in a line of figures and a sentence, the
// figures at the precision the verdict compares them.
func (r *renderer) functionRow(p store.MeasureProgress) {
	unit, k := p.Kind.Unit(), p.Kind
	figures := fmt.Sprintf("%s: baseline %s%s (%s)", k.Label(), k.Format(p.Baseline.Value), unit, formatDate(p.Baseline.Taken))
	if p.BaselineMoved() {
		figures += fmt.Sprintf(" · first in this period %s%s (%s)", k.Format(p.First.Value), unit, formatDate(p.First.Taken))
	}
	if p.HasChange() {
		figures += fmt.Sprintf(" · latest %s%s (%s) · change %s", k.Format(p.Latest.Value), unit,
			formatDate(p.Latest.Taken), p.ChangeText())
	}
	if b := p.Band(); b != "" {
		figures += " · " + b
	}
	words := p.Verdict()
	if p.Relapsed() {
		words += " " + relapseSentence(p)
	}
	if r.o.Edition == ForClient {
		words = plainVerdict(p)
	}
	r.ensure(2 * lineHeight(bodyStyle.size))
	r.paragraph(boldStyle, figures)
	r.paragraph(bodyStyle, words)
	r.pdf.SetY(r.pdf.GetY() + 1)
}

// relapseSentence names a clinically important worsening on the way.
func relapseSentence(p store.MeasureProgress) string {
	k := p.Kind
	return fmt.Sprintf("On %s it was %s%s, a clinically important worsening from %s%s (%s).", formatDate(p.Relapse.Taken),
		k.Format(p.Relapse.Value), k.Unit(), k.Format(p.RelapseFrom.Value), k.Unit(), formatDate(p.RelapseFrom.Taken))
}

// plainVerdict is the client's edition's sentence for a measure: it names
// a setback on the way, and praises only a gain that held.
func plainVerdict(p store.MeasureProgress) string {
	what := map[store.MeasureKind]string{store.ODI: "how much your back limits daily life",
		store.RMDQ: "how many everyday things your back makes harder", store.PSFS: "how well you manage the activities you chose"}[p.Kind]
	setback := ""
	if p.Relapsed() {
		setback = fmt.Sprintf(" There was a clear setback on %s", formatDate(p.Relapse.Taken))
	}
	switch {
	case !p.HasChange():
		return "This measures " + what + ". We will ask again to see the change."
	case p.Important && p.Relapsed():
		return "This measures " + what + ", and it is now clearly better than at the start." + setback +
			", and it has come back since; we will keep an eye on what set it off."
	case p.Important:
		return "This measures " + what + ", and it has clearly improved. Well done."
	case p.Worse:
		return "This measures " + what + ", and it is clearly harder than at the start; we will talk about what might help."
	case p.Relapsed():
		return "This measures " + what + "." + setback + ", and it has not yet come back to a clear improvement; we will talk about what might help."
	}
	return "This measures " + what + ". It has not changed much yet; keep going."
}

// goals prints the plan's goals with their status and, where a goal is
// measured by a PSFS activity, that activity's ratings.
func (r *renderer) goals() {
	p := r.d.TreatmentPlan
	if p.ID == 0 {
		return
	}
	title := "Treatment plan and goals"
	if r.o.Edition == ForClient {
		title = "Your goals"
	}
	r.section(title, 3*lineHeight(bodyStyle.size))
	r.paragraph(bodyStyle, planLine(p, r.d.Sessions))
	r.pdf.SetY(r.pdf.GetY() + 1)
	for i, g := range p.Goals {
		line := fmt.Sprintf("%d. “%s” – %s", i+1, g.Text, g.Status.Words())
		if g.Activity != "" {
			line += " · " + r.activityProgress(g.Activity)
		}
		r.paragraph(bodyStyle, line)
	}
}

// planLine is the plan in a sentence: visits, frequency, re-assessment.
func planLine(p store.Plan, sessions []store.Session) string {
	var parts []string
	done := p.StatusOf(sessions, nil, time.Time{}).Done // counted as the brief counts them
	if p.PlannedVisits > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d planned visits since %s", done, p.PlannedVisits, formatDate(p.Start)))
	} else {
		parts = append(parts, fmt.Sprintf("%s since %s", plural(done, "visit", "visits"), formatDate(p.Start)))
	}
	if p.Frequency != "" {
		parts = append(parts, p.Frequency)
	}
	var every []string
	if p.ReassessVisits > 0 {
		every = append(every, plural(p.ReassessVisits, "visit", "visits"))
	}
	if p.ReassessWeeks > 0 {
		every = append(every, plural(p.ReassessWeeks, "week", "weeks"))
	}
	if len(every) > 0 && len(p.Measures) > 0 {
		labels := make([]string, len(p.Measures))
		for i, k := range p.Measures {
			labels[i] = k.Label()
		}
		parts = append(parts, strings.Join(labels, ", ")+" re-assessed every "+strings.Join(every, " or "))
	}
	return strings.Join(parts, " · ") + "."
}

// activityProgress is a PSFS activity's first and latest rating.
func (r *renderer) activityProgress(activity string) string {
	var ratings []int
	for _, m := range r.d.Measures {
		if m.Kind != store.PSFS || !m.Score().OK {
			continue
		}
		for _, it := range m.Items {
			if store.Fold(it.Item) == store.Fold(activity) {
				ratings = append(ratings, it.Score)
			}
		}
	}
	switch len(ratings) {
	case 0:
		return fmt.Sprintf("PSFS “%s” not rated yet", activity)
	case 1:
		return fmt.Sprintf("PSFS “%s” %d / 10", activity, ratings[0])
	}
	first, last := ratings[0], ratings[len(ratings)-1]
	s := fmt.Sprintf("PSFS “%s” %d → %d / 10", activity, first, last)
	if last-first >= store.PSFSActivityChange {
		s += " (an important change)"
	}
	return s
}

// visitsAndDates opens the insurer's edition: how many visits, when, and
// against what plan.
func (r *renderer) visitsAndDates() {
	r.section("Visits and dates", 3*lineHeight(bodyStyle.size))
	from, to := r.d.Covered()
	text := fmt.Sprintf("%s from %s to %s.", plural(len(r.d.Sessions), "visit", "visits"), formatDate(from), formatDate(to))
	if len(r.d.Sessions) == 0 {
		text = "No visits in this period."
	}
	if p := r.d.TreatmentPlan; p.ID != 0 {
		text += " Plan: " + planLine(p, r.d.Sessions)
	}
	r.paragraph(bodyStyle, text)
	dates := make([]string, len(r.d.Sessions))
	for i, s := range r.d.Sessions {
		dates[i] = fmt.Sprintf("%s (%d min)", formatDate(s.Start), s.DurationMin)
		if s.Draft() {
			dates[i] = fmt.Sprintf("%s (%d min, note not yet signed)", formatDate(s.Start), s.DurationMin)
		}
	}
	if len(dates) > 0 {
		r.paragraph(smallStyle, "Dates of service: "+strings.Join(dates, ", ")+".")
	}
}

// necessity states medical necessity in the words an insurer reads: the
// documented limitation, the change in function, and whether continued
// treatment is indicated by open goals.
func (r *renderer) necessity() {
	r.section("Medical necessity", 3*lineHeight(bodyStyle.size))
	progress := r.progressOf()
	var limits, changes []string
	for _, p := range progress {
		limits = append(limits, fmt.Sprintf("%s %s%s at the baseline", p.Kind.Label(), p.Kind.Format(p.Baseline.Value), p.Kind.Unit()))
		if p.HasChange() {
			changes = append(changes, fmt.Sprintf("%s %s (%s)", p.Kind.Label(), p.ChangeText(), strings.TrimSuffix(strings.ToLower(p.Verdict()), ".")))
		}
	}
	text := "Treatment is for low back pain"
	if len(limits) > 0 {
		text += " with functional limitation documented by standard outcome measures (" + strings.Join(limits, "; ") + ")"
	}
	text += "."
	if len(changes) > 0 {
		text += " Function since then: " + strings.Join(changes, "; ") + "."
	}
	open := 0
	for _, g := range r.d.TreatmentPlan.Goals {
		if g.Status == store.GoalOpen || g.Status == store.GoalPartly {
			open++
		}
	}
	switch {
	case r.d.TreatmentPlan.ID == 0:
	case open > 0:
		text += fmt.Sprintf(" %s of the treatment plan %s not yet met; continued treatment is indicated to reach %s.",
			plural(open, "goal", "goals"), map[bool]string{true: "is", false: "are"}[open == 1], map[bool]string{true: "it", false: "them"}[open == 1])
	default:
		text += " The treatment plan's goals are met."
	}
	r.paragraph(bodyStyle, text)
}
