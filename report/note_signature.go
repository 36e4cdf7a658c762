package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"backtrack/store"
)

// noteSignature closes a visit note with what the record holds: the
// electronic signature (who, with credentials, and when), a draft or a
// note written before signing said as such, and then every amendment with
// its reason, who and when, each changed field as amended with the
// original a line below it. Only a draft gets blank lines to sign on.
func (r *renderer) noteSignature(s store.Session) {
	switch {
	case s.Signed():
		r.section("Electronic signature", 2*lineHeight(bodyStyle.size))
		r.paragraph(boldStyle, "Electronically signed by "+s.SignedBy+" on "+formatStamp(s.SignedAt)+".")
		r.paragraph(smallStyle, "Signed in Backtrack: the note is locked, and changes only by amendment, each kept below with the original.")
	case s.Legacy:
		r.section("Signature", 2*lineHeight(bodyStyle.size))
		r.paragraph(bodyStyle, "Written before Backtrack signed notes: locked, without an electronic signature.")
	default: // the lines to sign on, with the draft said above them
		r.signature()
		r.paragraph(boldStyle, "Draft: this note is not signed yet and may still change.")
	}
	if len(s.Amendments) == 0 {
		return
	}
	r.section("Amendments", 3*lineHeight(bodyStyle.size))
	for i, a := range s.Amendments {
		after := s // the note as this amendment left it: the next one's original, or the note now
		if i+1 < len(s.Amendments) {
			after = s.Amendments[i+1].Previous
		}
		r.ensure(3 * lineHeight(bodyStyle.size))
		r.paragraph(boldStyle, fmt.Sprintf("Amendment %d: %s, by %s. Reason: %s", i+1, formatStamp(a.At), a.By, a.Reason))
		for _, field := range a.Changed {
			r.paragraph(bodyStyle, field+", as amended: "+orNothing(noteField(after, field)))
			r.paragraph(smallStyle, field+", original: "+orNothing(noteField(a.Previous, field)))
		}
		r.pdf.SetY(r.pdf.GetY() + 1.5)
	}
}

// formatStamp is "14 Nov 2026, 17:02 UTC": a signature's moment, with its zone.
func formatStamp(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.Format(longDate + ", 15:04 MST")
}

func orNothing(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(nothing recorded)"
	}
	return s
}

// noteField is one field of a note as store.ChangedFields names it.
func noteField(s store.Session, field string) string {
	pain := func(p store.Pain) string {
		if !p.Recorded {
			return ""
		}
		return painOutOf10(p)
	}
	for _, k := range store.Kinds {
		if field == k.Label() {
			return store.TagLabels(s.Tags(k))
		}
	}
	switch field {
	case "Date":
		return formatDate(s.Start) + ", " + s.Start.Format("15:04")
	case "Duration":
		return strconv.Itoa(s.DurationMin) + " min"
	case "Pain before":
		return pain(s.PainBefore)
	case "Pain after":
		return pain(s.PainAfter)
	case "Body chart":
		return plural(len(s.BodyMap), "region marked", "regions marked")
	case "Other trigger":
		return s.TriggerOther
	case "Subjective":
		return s.Notes.Subjective
	case "Objective":
		return s.Notes.Objective
	case "Assessment":
		return s.Notes.Assessment
	case "Plan":
		return s.Notes.Plan
	case "Home care":
		return s.HomeCare
	}
	return ""
}
