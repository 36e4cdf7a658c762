package clientview

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/bodychart"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
	"backtrack/ui/xlayout"
)

// brief is what a therapist reads in the minute before treatment, worked
// out from the client's history (newest first). Empty strings are lines
// with nothing to say.
type brief struct {
	Intake    string // taken when, or none, or due for review
	Consent   string // the consent in force, or "No consent on file"
	LastVisit string // "14 Nov 2026 (11 days ago) · 60 min · pain 4 → 2"
	Said      string // the last visit's note: subjective,
	Found     string // objective,
	Assessed  string // and assessment, whole
	Course    string // where the plan stands: "4 of 8 planned visits done · ODI due"
	Goals     string // the plan's goals in the client's words
	Trend     string // progress over all visits
	PainTypes string // last time, then the most frequent overall
	Triggers  string
	Locations string
	Treated   string // muscles with side, then techniques
	Plan      string
	HomeCare  string
	// Map is the last visit's body map, drawn small beside the lines.
	Map []store.BodyMark
}

// oftenShown is how many of the most frequent tags a line lists.
const oftenShown = 3

func briefOf(history []store.Session, trend []store.TrendPoint, now time.Time) brief {
	if len(history) == 0 {
		return brief{LastVisit: "No sessions yet. Record the first one with New session (Ctrl+N)."}
	}
	last := history[0]
	sum := store.Summarize(history, trend)
	b := brief{
		LastVisit: store.JoinNonEmpty(" · ",
			fmt.Sprintf("%s (%s)", kit.LongDate(last.Start), kit.Ago(last.Start, now)),
			fmt.Sprintf("%d min", last.DurationMin),
			"pain "+PainBeforeAfter(last.PainBefore, last.PainAfter)),
		PainTypes: lastAndOften(store.TagLabels(last.PainTypes),
			oftenLine(sum.PainTypes, len(history))),
		Triggers: lastAndOften(triggerLabels(last),
			oftenLine(sum.Triggers, len(history))),
		Locations: last.WhereItHurts(),
		Treated:   store.JoinNonEmpty(" — ", store.TagLabels(last.Muscles), store.TagLabels(last.Techniques)),
		Trend:     trendLine(sum.Progress),
		Said:      briefNote(last.Notes.Subjective),
		Found:     briefNote(last.Notes.Objective),
		Assessed:  briefNote(last.Notes.Assessment),
		Map:       last.BodyMap,
	}
	b.Plan = datedNote(sum.Plan, last)
	b.HomeCare = datedNote(sum.HomeCare, last)
	return b
}

// briefNoteRunes is how much of a part of the last note the brief shows:
// the few sentences a note usually holds, whole; a long essay is cut at a
// word and the whole note is a click away in the history.
const briefNoteRunes = 320

func briefNote(text string) string {
	text = kit.OneLine(text)
	r := []rune(text)
	if len(r) <= briefNoteRunes {
		return text
	}
	cut := string(r[:briefNoteRunes])
	if i := strings.LastIndex(cut, " "); i > briefNoteRunes/2 {
		cut = cut[:i]
	}
	return cut + " … (the whole note in the history)"
}

// lastAndOften is "Stiffness · most often: Dull ache (5 of 8)".
func lastAndOften(last, often string) string {
	if last == "" {
		last = "none recorded"
	}
	if often == "" {
		return last
	}
	return last + "   ·   most often: " + often
}

// PainBeforeAfter is "4 → 2", "4 → not recorded" or "not recorded".
func PainBeforeAfter(before, after store.Pain) string {
	if !before.Recorded && !after.Recorded {
		return "not recorded"
	}
	return painOrNone(before) + " → " + painOrNone(after)
}

func painOrNone(p store.Pain) string {
	if !p.Recorded {
		return "not recorded"
	}
	return p.String()
}

func triggerLabels(s store.Session) string {
	labels := store.TagLabels(s.Triggers)
	if s.TriggerOther != "" {
		labels = store.JoinNonEmpty(", ", labels, "Other: "+s.TriggerOther)
	}
	return labels
}

// oftenLine is "Sitting long (6 of 8), Dull ache (5 of 8)", most frequent
// first; tags seen only once are left out when the client has had several
// visits, since "most often" means nothing for a single occurrence.
func oftenLine(counts []store.TagCount, visits int) string {
	var parts []string
	for _, c := range counts {
		if len(parts) == oftenShown || (visits > 2 && c.Count < 2) {
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%d of %d)", c.Label(), c.Count, visits))
	}
	return strings.Join(parts, ", ")
}

func trendLine(p store.Progress) string {
	if !p.HasChange {
		return ""
	}
	line := fmt.Sprintf("Pain before treatment %d → %d since %s (%s",
		p.First.Before.Score, p.Latest.Before.Score, kit.LongDate(p.First.Start), signed(p.Change, "point", "points"))
	if p.First.Before.Score > 0 {
		line += ", " + strings.Replace(fmt.Sprintf("%+.0f%%", p.ChangePercent), "-", "−", 1)
	}
	line += ")"
	if p.Important {
		line += " · clinically important improvement"
	}
	return line
}

// datedNote is the newest plan or home care on one line, dated when it is
// not from the last visit so the therapist knows how old it is.
func datedNote(note store.Dated, last store.Session) string {
	text := kit.OneLine(note.Text)
	if text == "" || note.SessionID == last.ID {
		return text
	}
	return text + " (from " + kit.LongDate(note.On) + ")"
}

// beforeTreatment shows a brief as label: value lines, and the last
// Visit's body map small at their right when the lines keep the width
// they need beside it, else below them: the words come first. A tap on
// the map opens the maps over time (OnMaps).
type beforeTreatment struct {
	Rows    map[string]*widget.Label
	Order   []string
	labels  map[string]*widget.Label
	content *fyne.Container // the lines
	Map     *bodychart.Chart
	MapBox  *fyne.Container
	view    *xlayout.Aside // the lines and the map
	OnMaps  func()
}

// BriefMapWidth is the small map's width: the regions of the lower back
// and their symbols still tell apart, and it sits beside the lines on a
// wide panel.
const BriefMapWidth = 170

// The lines, in reading order.
const (
	lineIntake    = "Intake"
	lineConsent   = "Consent"
	lineLastVisit = "Last visit"
	lineSaid      = "Said"
	lineFound     = "Found"
	lineAssessed  = "Assessed"
	lineTrend     = "Trend"
	lineCourse    = "Course"
	lineGoals     = "Goals"
	linePainTypes = "Pain"
	lineTriggers  = "Triggers"
	lineLocations = "Where"
	lineTreated   = "Done"
	linePlan      = "Plan"
	lineHomeCare  = "Home care"
)

func newBeforeTreatment() *beforeTreatment {
	b := &beforeTreatment{
		Rows:   map[string]*widget.Label{},
		labels: map[string]*widget.Label{},
		// In the order a therapist reads them in the minute before
		// treatment: may I treat (intake, consent; the alerts sit above in
		// the header), what happened last time (said, found, done, assessed),
		// what comes now (the plan, where the course stands, home care, what
		// has helped), then the longer view (goals, trend, the tags).
		Order: []string{lineIntake, lineConsent, lineLastVisit, lineSaid, lineFound, lineTreated, lineAssessed,
			linePlan, lineCourse, lineHomeCare,
			lineGoals, lineTrend, linePainTypes, lineTriggers, lineLocations},
	}
	b.content = container.New(xlayout.Facts{})
	for _, name := range b.Order {
		label := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		value := widget.NewLabel("")
		// Every line wraps, so nothing read in the minute before treatment
		// is cut: the page scrolls (xlayout.Overview) rather than the words.
		value.Wrapping = fyne.TextWrapWord
		b.labels[name], b.Rows[name] = label, value
		b.content.Add(label)
		b.content.Add(value)
	}
	b.Map = bodychart.New()
	b.Map.MinWidth = BriefMapWidth
	b.Map.OnTapped = func(store.RegionID) {
		if b.OnMaps != nil {
			b.OnMaps()
		}
	}
	b.MapBox = container.NewVBox(b.Map)
	b.MapBox.Hide()
	b.view = xlayout.NewAside(b.content, b.MapBox, b.linesWidth)
	b.view.Indent = b.labelWidth // below the lines, under their values
	return b
}

// labelWidth is the width of the lines' label column.
func (b *beforeTreatment) labelWidth() float32 {
	var w float32
	for _, name := range b.Order {
		if b.labels[name].Visible() {
			w = max(w, b.labels[name].MinSize().Width)
		}
	}
	return w
}

// proseLines are the last note's parts: sentences that wrap at any width,
// so the map's place does not wait on their length.
var proseLines = map[string]bool{lineSaid: true, lineFound: true, lineAssessed: true}

// linesWidth is the width the brief's lines (the notes aside) need to be
// read whole on one line each.
func (b *beforeTreatment) linesWidth() float32 {
	var value float32
	for _, name := range b.Order {
		if b.Rows[name].Visible() && !proseLines[name] {
			value = max(value, fyne.MeasureText(b.Rows[name].Text, theme.TextSize(), fyne.TextStyle{}).Width+2*theme.InnerPadding())
		}
	}
	return b.labelWidth() + value
}

func (b *beforeTreatment) show(br brief) {
	values := map[string]string{
		lineIntake: br.Intake, lineConsent: br.Consent,
		lineLastVisit: br.LastVisit, lineTrend: br.Trend, lineCourse: br.Course, lineGoals: br.Goals,
		lineSaid: br.Said, lineFound: br.Found, lineAssessed: br.Assessed,
		linePainTypes: br.PainTypes, lineTriggers: br.Triggers,
		lineLocations: br.Locations, lineTreated: br.Treated,
		linePlan: br.Plan, lineHomeCare: br.HomeCare,
	}
	for _, name := range b.Order {
		v := values[name]
		b.Rows[name].SetText(v)
		if v == "" {
			b.Rows[name].Hide()
			b.labels[name].Hide()
		} else {
			b.Rows[name].Show()
			b.labels[name].Show()
		}
	}
	if len(br.Map) == 0 {
		b.MapBox.Hide()
	} else {
		b.Map.SetMap(br.Map, nil)
		b.MapBox.Show()
	}
	b.content.Refresh()
	b.view.Refresh()
}

// Text is every line as "Label: value", for tests and for reading aloud.
func (b *beforeTreatment) Text() string {
	var lines []string
	for _, name := range b.Order {
		if b.Rows[name].Visible() {
			lines = append(lines, name+": "+b.Rows[name].Text)
		}
	}
	return strings.Join(lines, "\n")
}

// signed is "+1 point", "−3 points" or "no change", with a true minus sign.
func signed(n int, one, many string) string {
	switch {
	case n == 0:
		return "no change"
	case n > 0:
		return "+" + words.Plural(n, one, many)
	default:
		return "−" + words.Plural(-n, one, many)
	}
}
