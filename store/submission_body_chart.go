package store

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Where it hurts, as the client taps it on their own screen: regions of
// the same body chart the therapist marks, without pain type or intensity
// (those are the therapist's to ask). Accepted, they join the body map of
// the client's draft note of that day, beside what the therapist marked.

// ClientWords is the region as a client reads it: "Lower back, left side".
func (r Region) ClientWords() string {
	base := strings.TrimSuffix(strings.TrimSuffix(string(r.ID), "-l"), "-r")
	words, ok := regionClientWords[base]
	if !ok {
		words = r.Name
	}
	switch r.Side {
	case Left:
		return words + ", left side"
	case Right:
		return words + ", right side"
	}
	return words
}

// regionClientWords names each region without clinical terms; the side is
// the client's own, as the chart's L and R are.
var regionClientWords = map[string]string{
	"neck":            "Neck",
	"shoulder":        "Shoulder",
	"upper-back":      "Upper back",
	"lumbar":          "Lower back",
	"lumbar-c":        "Lower back, over the spine",
	"iliac-crest":     "Top of the hip bone",
	"sacroiliac":      "Low back, just above the buttock",
	"sacral":          "Base of the spine, above the tailbone",
	"gluteal-upper":   "Upper buttock",
	"gluteal-lower":   "Lower buttock",
	"hip-lateral":     "Side of the hip",
	"thigh-posterior": "Back of the thigh",
	"thigh-lateral":   "Outside of the thigh",
	"calf":            "Calf",
	"head":            "Head",
	"chest":           "Chest",
	"abdomen":         "Belly",
	"arm":             "Arm",
	"groin":           "Groin",
	"thigh-anterior":  "Front of the thigh",
	"knee":            "Knee",
	"shin":            "Shin",
	"foot":            "Foot",
}

// RegionClientWords lists regions in the client's words, a line each.
func RegionClientWords(ids []RegionID) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if r, ok := RegionOf(id); ok {
			out = append(out, r.ClientWords())
		} else {
			out = append(out, string(id))
		}
	}
	return out
}

// SortRegions puts regions in the body chart's order, so a chart reads
// and seals the same however it was tapped.
func SortRegions(ids []RegionID) {
	slices.SortStableFunc(ids, func(a, b RegionID) int { return regionOrder[a] - regionOrder[b] })
}

// checkRegions reports regions not on the chart and regions given twice.
func (p *Problems) checkRegions(ids []RegionID) {
	seen := map[RegionID]bool{}
	for _, id := range ids {
		r, ok := RegionOf(id)
		switch {
		case !ok:
			p.Add("body_chart", fmt.Sprintf("Where it hurts: region %q is not on the body chart", Clip(string(id))))
		case seen[id]:
			p.Add("body_chart", fmt.Sprintf("Where it hurts: %s is given twice", r.Label()))
		}
		seen[id] = true
	}
}

// RegionLabels is "Lumbar (L), Sacral".
func RegionLabels(ids []RegionID) string {
	labels := make([]string, len(ids))
	for i, id := range ids {
		labels[i] = string(id)
		if r, ok := RegionOf(id); ok {
			labels[i] = r.Label()
		}
	}
	return strings.Join(labels, ", ")
}

// MergeBodyChart adds the client's regions to a note's body map: a region
// the note does not mark is added bare (no pain type, no intensity); one
// it marks keeps the therapist's mark. It returns the merged map, the
// regions added and the regions already marked.
func MergeBodyChart(marks []BodyMark, client []RegionID) (merged []BodyMark, added, kept []RegionID) {
	merged = slices.Clone(marks)
	for _, id := range client {
		if slices.ContainsFunc(marks, func(m BodyMark) bool { return m.Region == id }) {
			kept = append(kept, id)
			continue
		}
		merged = append(merged, BodyMark{Region: id})
		added = append(added, id)
	}
	SortBodyMap(merged)
	return merged, added, kept
}

// BodyChartNote is the draft note the client's regions go into when no
// draft of that day is open: dated when the client answered, of the usual
// length, holding only the chart, for the therapist to complete.
func (sub Submission) BodyChartNote() Session {
	at := WallClock(sub.At).Truncate(time.Minute)
	if sub.FromPaper() {
		y, m, d := sub.PaperOn.Date()
		at = time.Date(y, m, d, at.Hour(), at.Minute(), 0, 0, time.UTC)
	}
	return Session{ClientID: sub.ClientID, Start: at, DurationMin: DefaultDurationMin}
}

// BodyChartDraft is the note the client's regions join: among sessions
// (newest first), the newest draft of the day they answered.
func (sub Submission) BodyChartDraft(sessions []Session) (Session, bool) {
	day := sub.BodyChartNote().Start.Format(DateLayout)
	for _, s := range sessions {
		if s.Draft() && s.ClientID == sub.ClientID && s.Start.Format(DateLayout) == day {
			return s, true
		}
	}
	return Session{}, false
}

// BodyChartWords is what accepting the chart did, as the history says it:
// "Where it hurts (client): Lumbar (L), Sacral, onto the draft note of
// 2026-12-07 10:00; Sacral already marked, kept as recorded".
func BodyChartWords(added, kept []RegionID, note Session, created bool) string {
	what := "onto the draft note of "
	if created {
		what = "onto a new draft note of "
	}
	out := "Where it hurts (client): "
	if len(added) == 0 {
		out += "nothing new"
	} else {
		out += RegionLabels(added)
	}
	out += ", " + what + note.Start.Format(StartLayout)
	if len(kept) > 0 {
		out += "; " + RegionLabels(kept) + " already marked, kept as recorded"
	}
	return out
}
