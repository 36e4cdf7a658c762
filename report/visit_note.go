package report

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"backtrack/store"
)

// WriteNote prints one visit's note as PDF to w: the same letterhead,
// client block, fonts and confidentiality line as the progress report,
// then the pain, the tags and the SOAP note in full, and the signature.
// head is the record's history as the note was printed (the store's
// LogHead), in every page's footer as on a report, so paper anchors it.
func WriteNote(w io.Writer, client store.Client, s store.Session, head store.LogHead, o Options) error {
	return write(w, Data{Client: client, Sessions: []store.Session{s}, Head: head}, o, &s)
}

// WriteNoteFile writes a visit note to path all or nothing, as WriteFile.
func WriteNoteFile(ctx context.Context, path string, client store.Client, s store.Session, head store.LogHead, o Options) error {
	return writeFile(ctx, path, "visit note", func(w io.Writer) error { return WriteNote(w, client, s, head, o) })
}

// NoteFileName proposes a visit note's file name:
// "Lastname_Firstname_visit_YYYY-MM-DD.pdf", dated by the visit.
func NoteFileName(c store.Client, visit time.Time) string {
	return strings.Replace(FileName(c, visit), "_progress_", "_visit_", 1)
}

// renderNote lays out a visit note.
func (r *renderer) renderNote() {
	r.newPage()
	r.noteBody(r.note)
}

// noteBody is one note in full: the pain, the body chart, what was
// recorded, the SOAP note, and its signature and amendments.
func (r *renderer) noteBody(s *store.Session) {
	r.section("Pain", 2*lineHeight(bodyStyle.size))
	score := func(p store.Pain) string {
		if !p.Recorded {
			return "not recorded"
		}
		return painOutOf10(p)
	}
	pain := "Before treatment " + score(s.PainBefore) + ", after " + score(s.PainAfter)
	if relief, ok := s.Relief(); ok {
		switch {
		case relief > 0:
			pain += fmt.Sprintf(" (relief %s)", plural(relief, "point", "points"))
		case relief < 0:
			pain += fmt.Sprintf(" (rose by %s)", plural(-relief, "point", "points"))
		default:
			pain += " (no change in the visit)"
		}
	}
	r.paragraph(bodyStyle, pain)
	r.noteBodyMap(*s)

	tags := []struct{ label, text string }{
		{"PAIN TYPE", store.TagLabels(s.PainTypes)},
		{"LOCATION", store.TagLabels(s.Locations)},
		{"TRIGGERS", store.JoinNonEmpty(", ", store.TagLabels(s.Triggers), otherTrigger(s.TriggerOther))},
		{"MUSCLES TREATED", store.TagLabels(s.Muscles)},
		{"TECHNIQUES", store.TagLabels(s.Techniques)},
	}
	r.labelled("What was recorded", tags)
	r.labelled("Note", []struct{ label, text string }{
		{"SUBJECTIVE", s.Notes.Subjective}, {"OBJECTIVE", s.Notes.Objective},
		{"ASSESSMENT", s.Notes.Assessment}, {"PLAN", s.Notes.Plan}, {"HOME CARE", s.HomeCare},
	})
	r.noteSignature(*s)
}

func adherenceLine(a store.Adherence) string {
	if !a.Asked() {
		return ""
	}
	return "Did " + a.Words()
}

func otherTrigger(text string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	return "Other: " + text
}

// labelled prints a section of label-over-text parts, leaving out empty
// ones; a section with nothing says so.
func (r *renderer) labelled(title string, parts []struct{ label, text string }) {
	r.section(title, 2*lineHeight(bodyStyle.size)+lineHeight(labelStyle.size))
	any := false
	for _, p := range parts {
		if strings.TrimSpace(p.text) == "" {
			continue
		}
		any = true
		lh := lineHeight(labelStyle.size)
		r.ensure(lh + 1 + lineHeight(bodyStyle.size))
		y := r.pdf.GetY()
		r.block(labelStyle, r.left, y, r.width, "L", p.label)
		r.pdf.SetY(y + lh + 0.6)
		r.paragraph(bodyStyle, p.text)
		r.pdf.SetY(r.pdf.GetY() + 2)
	}
	if !any {
		r.paragraph(smallStyle, "Nothing recorded.")
	}
}
