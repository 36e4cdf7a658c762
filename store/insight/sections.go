package insight

import (
	"fmt"
	"strings"
)

// Section is a heading and its lines: the one text of the insights that the
// command line prints, the desk shows and the report sets, so all three say
// the same in the same words.
type Section struct {
	Heading string
	Lines   []string
}

// MethodWords says how the numbers were found, with the sources.
var MethodWords = []string{
	"Differences are means, with vs without; each 95 % interval is a percentile bootstrap of 2,000 resamples with a fixed seed (Efron & Tibshirani 1993), or, beyond 120 visits, its normal approximation.",
	fmt.Sprintf("A difference is said in words only when its interval leaves out no difference and each side has at least %d visits.", MinVisits),
	"Course: Theil–Sen slope with Sen's interval (Sen 1968); first against latest thirds by non-overlap of all pairs, NAP (Parker & Vannest 2009), 0.5 meaning no change.",
}

// Sections are the client's insights as text.
func (ci ClientInsights) Sections() []Section {
	found := Section{Heading: "What the record shows"}
	for _, f := range ci.Findings() {
		found.Lines = append(found.Lines, f.Words())
	}
	if len(found.Lines) == 0 {
		found.Lines = []string{fmt.Sprintf("Nothing yet: over %d %s in this episode of care there are not enough visits to tell "+
			"any technique, muscle or trigger apart (each needs %d visits with and %d without, and an interval that leaves out no difference).",
			ci.Visits, plural(ci.Visits, "visit"), MinVisits, MinVisits)}
	}
	out := []Section{found}
	add := func(heading string, list []Comparison) {
		if len(list) == 0 {
			return
		}
		sec := Section{Heading: heading}
		for _, c := range list {
			line := c.Words()
			if len(c.Comes) > 0 {
				line += "; with it: " + strings.Join(c.Comes, ", ")
			}
			sec.Lines = append(sec.Lines, line)
		}
		out = append(out, sec)
	}
	add("Relief within the visit (pain before − after), with vs without", ci.Relief)
	add("Pain before the next visit, after a visit with vs without", ci.NextVisit)
	add("Pain before treatment, with vs without a trigger", ci.Flares)
	course := Section{Heading: "The course of the episode"}
	for _, c := range ci.Courses {
		course.Lines = append(course.Lines, c.Words())
	}
	out = append(out, course, Section{Heading: "How it is worked out", Lines: MethodWords},
		Section{Heading: "Read with care", Lines: ci.Caveats})
	return out
}

// BriefLine is the brief's one line: the largest finding, "Stretching:
// 2.1 points more relief, 6 visits vs 6", and how many more there are;
// empty without a finding.
func (ci ClientInsights) BriefLine() string {
	f := ci.Findings()
	if len(f) == 0 {
		return ""
	}
	line := f[0].Line()
	if len(f) > 1 {
		line += fmt.Sprintf(" (and %d more in Insights)", len(f)-1)
	}
	return line
}

// PracticeTitle heads the practice view, on the desk and the command line.
const PracticeTitle = "Insights for the practice"

// Sections are the practice view as text.
func (pr Practice) Sections() []Section {
	share := Section{Heading: "Clients reaching a clinically important change, by visit"}
	for _, g := range pr.Groups {
		share.Lines = append(share.Lines, g.Words())
	}
	if pr.Empty() {
		// a row of "no client counted" reads like a broken count; a new
		// practice is told plainly why there are no figures
		share.Lines = []string{EmptyPracticeWords}
	}
	years := Section{Heading: "Your course over the years (episodes by the year they began)"}
	for _, y := range pr.Years {
		years.Lines = append(years.Lines, y.Words())
	}
	if len(years.Lines) == 0 {
		years.Lines = []string{"No episode of care yet."}
	}
	return []Section{share, years, {Heading: "How it is counted", Lines: []string{pr.RuleWords(),
		"Each share has its 95 % Wilson interval (Wilson 1927)."}}, {Heading: "Read with care", Lines: pr.Caveats}}
}

// EmptyPracticeWords is what the practice view says before it has
// anything to count.
const EmptyPracticeWords = "Nothing to show yet: no episode of care has a pain score before treatment at its first visit. " +
	"The shares appear here as visits are recorded."

// Empty reports whether no episode of care was counted at all.
func (pr Practice) Empty() bool { return len(pr.Years) == 0 }
