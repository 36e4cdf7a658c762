package report

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"backtrack/store"
)

// WriteClientCopy prints the client's copy of their whole record (d read
// with no period, d.History the record's history for them) as PDF to w.
func WriteClientCopy(w io.Writer, d Data, o Options) error {
	o.Document, o.Edition = ClientCopy, ForClient
	return write(w, d, o, nil)
}

// WriteClientCopyFile writes the client's copy to path all or nothing, as
// WriteFile.
func WriteClientCopyFile(ctx context.Context, path string, d Data, o Options) error {
	return writeFile(ctx, path, "client's copy", func(w io.Writer) error { return WriteClientCopy(w, d, o) })
}

// clientCopy lays out the client's copy: what it is, then the record in
// the order it was made (intake and consents, the course of treatment in
// measures, charts and body maps, every note in full with its signature
// and amendments), and last the record's history for them.
func (r *renderer) clientCopy() {
	r.section("About this copy", 3*lineHeight(bodyStyle.size))
	r.paragraph(bodyStyle, fmt.Sprintf("This is a copy of everything %s holds about you, %s, as of %s: "+
		"your intake and health history, your consents, your outcome measures, the charts and body maps of your pain, "+
		"every visit note with its signature and any later amendment, and the history of your record. "+
		"The same record is beside this file as data (JSON, and HL7 FHIR for another health system to read).",
		orThePractice(r.o.Practice.Name), r.d.Client.FullName(), formatDate(r.o.Date)))
	r.intakeBody()
	r.summary()
	r.function()
	r.chart()
	r.bodyMaps(true)
	r.goals()
	r.planAndHomeCare()
	r.sessionsTable()
	notes := append(slices.Clone(r.d.Sessions), r.d.Voided...)
	slices.SortStableFunc(notes, func(a, b store.Session) int {
		return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.ID, b.ID))
	})
	for i := range notes {
		s := &notes[i]
		r.visitHeading("Visit of " + formatDate(s.Start) + ", " + s.Start.Format("15:04"))
		if s.Voided() {
			r.paragraph(boldStyle, "Voided on "+formatStamp(s.VoidedAt)+" by "+s.VoidedBy+" (entered in error): "+s.VoidReason)
		}
		r.noteBody(s)
	}
	r.recordHistory()
}

// visitHeading opens one visit's note, a size above the note's own
// sections so the notes read apart, kept with the start of the note.
func (r *renderer) visitHeading(title string) {
	heading := style{"B", 13, accentColor}
	h := lineHeight(heading.size)
	if !r.atPageTop() {
		r.pdf.SetY(r.pdf.GetY() + 2*sectionGap)
	}
	r.ensure(h + 40)
	y := r.pdf.GetY()
	r.writeLines(heading, r.left, y, r.width, "L", []string{title})
	r.rule(r.left, r.right, y+h+0.8, accentColor, 0.8)
	r.pdf.SetY(y + h + 2)
}

func orThePractice(name string) string {
	if strings.TrimSpace(name) == "" {
		return "the practice"
	}
	return name
}

// recordHistory lists the record's history for the client: each entry's
// moment, who, and what was done, oldest first.
func (r *renderer) recordHistory() {
	r.newPage()
	r.section("The history of your record", 3*lineHeight(bodyStyle.size))
	r.paragraph(noteStyle, "Every change to your record, and every time it was printed or copied, as Backtrack logged it. "+
		"Each entry is sealed to the one before it, so a change after the fact would show.")
	r.pdf.SetY(r.pdf.GetY() + 1.5)
	if len(r.d.History) == 0 {
		r.paragraph(smallStyle, "No entries.")
		return
	}
	for _, e := range r.d.History {
		line := formatStamp(e.At) + "  ·  " + e.Action.Words()
		if strings.TrimSpace(e.Actor) != "" {
			line += "  ·  " + e.Actor
		}
		r.paragraph(bodyStyle, line)
		if strings.TrimSpace(e.Detail) != "" {
			r.paragraph(smallStyle, "    "+oneLine(e.Detail))
		}
	}
}
