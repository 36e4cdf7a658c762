package report

import (
	"fmt"
	"math"
	"strings"

	"backtrack/store"
)

// The sessions table: one row per visit, oldest first. Cells wrap; a row
// that does not fit moves to the next page whole, and a row taller than a
// page (a long note) breaks between lines, its date repeated as continued.
// The header row repeats on every page the table reaches.

const (
	tableSize = 7.6 // points: every cell has the same size so rows split by line
	cellPadX  = 1.3
	cellPadY  = 1.25
)

var (
	cellStyle      = style{"", tableSize, inkColor}
	cellBoldStyle  = style{"B", tableSize, inkColor}
	cellMutedStyle = style{"", tableSize, mutedColor}
	headerStyle    = style{"B", 7.2, accentColor}
)

// tableColumns are the columns' titles and shares of the content width.
var tableColumns = []struct {
	title string
	share float64
}{
	{"Date", 0.105},
	{"Pain", 0.06},
	{"Pain type", 0.115},
	{"Triggers", 0.13},
	{"Muscles (side)", 0.15},
	{"Techniques", 0.105},
	{"Note", 0.335}, // the notes are what makes rows tall
}

// tline is one printed line of a cell. A note's lines hang indented
// after their S, O or A label, which the first line prints.
type tline struct {
	text   string
	s      style
	label  string
	indent float64
}

type table struct {
	r      *renderer
	widths []float64
	lh     float64
	stripe bool
	// rowsOnPage counts rows begun below the header on this page;
	// freshPage is true on the pages the table continues on.
	rowsOnPage int
	freshPage  bool
	// wrapped holds the lines of the short cells already laid out.
	wrapped map[cellKey][]string
}

type cellKey struct {
	s    style
	w    float64
	text string
}

// wrapCell is wrap for a short cell (a date, a score, a tag's name), which
// repeats from visit to visit: each is measured once a report. A cell
// that mixes fonts is measured every time, as measuring it writes the
// other font's selection into the page; so is a note, which rarely
// repeats.
func (t *table) wrapCell(s style, text string, w float64) []string {
	key := cellKey{s, w, text}
	lines, ok := t.wrapped[key]
	if !ok {
		lines = t.r.wrap(s, text, w)
		if oneFont(printable(text)) {
			t.wrapped[key] = lines
		}
		return lines
	}
	if lines != nil {
		t.r.use(s) // as wrap does, so the page is written the same
	}
	return lines
}

func (r *renderer) sessionsTable() {
	t := &table{r: r, lh: lineHeight(tableSize), wrapped: map[cellKey][]string{}}
	for _, c := range tableColumns {
		t.widths = append(t.widths, r.width*c.share)
	}
	// The title stays with the caption, the header and a first row's start.
	opening := t.headerHeight() + 3*t.lh + 2*cellPadY
	r.section("Sessions", 2*lineHeight(noteStyle.size)+1.2+opening)
	if len(r.d.Sessions) == 0 {
		r.paragraph(smallStyle, "No visits in this period.")
		return
	}
	r.paragraph(noteStyle, "Pain before → after treatment on the 0–10 scale. S: what the client reported, "+
		"O: what the therapist found, A: assessment, P: plan.")
	r.pdf.SetY(r.pdf.GetY() + 1.2)
	r.ensure(opening)
	t.header()
	r.onNewPage = func() {
		t.header()
		t.freshPage = true
	}
	for i := range r.d.Sessions {
		t.row(t.cells(&r.d.Sessions[i]), r.d.Sessions[i])
	}
	r.onNewPage = nil
}

// cells lays out one session's cells as wrapped lines.
func (t *table) cells(s *store.Session) [][]tline {
	out := make([][]tline, len(tableColumns))
	add := func(col int, st style, text string) {
		for _, line := range t.wrapCell(st, text, t.widths[col]-2*cellPadX) {
			out[col] = append(out[col], tline{text: line, s: st})
		}
	}
	add(0, cellBoldStyle, formatDate(s.Start))
	if s.DurationMin > 0 {
		add(0, cellMutedStyle, fmt.Sprintf("%d min", s.DurationMin))
	}
	add(1, cellBoldStyle, s.PainBefore.String()+" → "+s.PainAfter.String())
	// One tag a line: a column of muscles reads faster than a sentence.
	tags := func(col int, tags []store.Tag, extra ...string) {
		for _, t := range tags {
			add(col, cellStyle, t.Label())
		}
		for _, e := range extra {
			add(col, cellStyle, e)
		}
	}
	tags(2, s.PainTypes)
	var other []string
	if s.TriggerOther != "" {
		other = append(other, "Other: "+s.TriggerOther)
	}
	tags(3, s.Triggers, other...)
	tags(4, s.Muscles)
	tags(5, s.Techniques)
	out[6] = t.noteLines(s.Notes, t.widths[6]-2*cellPadX)
	for _, line := range historyLines(s) {
		add(6, cellMutedStyle, line)
	}
	return out
}

// noteGutter is the room for a note part's label before its text.
const noteGutter = 3.2

// noteLines is the note column: the S, O, A and P parts that were
// written, each under its label in a hanging indent. Each visit's plan is
// part of its record; the latest also has its own section after the table.
func (t *table) noteLines(n store.SOAP, w float64) []tline {
	var out []tline
	for _, p := range []struct{ label, text string }{
		{"S", n.Subjective}, {"O", n.Objective}, {"A", n.Assessment}, {"P", n.Plan},
	} {
		for i, line := range t.r.wrap(cellStyle, strings.TrimSpace(p.text), w-noteGutter) {
			l := tline{text: line, s: cellStyle, indent: noteGutter}
			if i == 0 {
				l.label = p.label
			}
			out = append(out, l)
		}
	}
	return out
}

func (t *table) headerHeight() float64 {
	n := 1
	for i, c := range tableColumns {
		n = max(n, len(t.r.wrap(headerStyle, c.title, t.widths[i]-2*cellPadX)))
	}
	return float64(n)*lineHeight(headerStyle.size) + 2*cellPadY
}

// header prints the column titles on a tinted band.
func (t *table) header() {
	r := t.r
	y := r.pdf.GetY()
	h := t.headerHeight()
	r.fill(headFill)
	r.pdf.Rect(r.left, y, r.width, h, "F")
	x := r.left
	for i, c := range tableColumns {
		r.block(headerStyle, x+cellPadX, y+cellPadY, t.widths[i]-2*cellPadX, "L", c.title)
		x += t.widths[i]
	}
	r.rule(r.left, r.right, y+h, accentColor, 0.3)
	r.pdf.SetY(y + h)
	t.rowsOnPage = 0
}

// row prints one session, across pages when it must. A row that does not
// fit goes to the next page whole; it splits between lines only as the
// first row under a header: on a fresh page (a row taller than a page),
// or on the table's first page when at least three lines fit there, so the
// header is not left alone. On a fresh page every pass prints at least a
// line, so even a header that fills the page cannot stall the report.
func (t *table) row(cells [][]tline, s store.Session) {
	r := t.r
	total := 1
	for _, c := range cells {
		total = max(total, len(c))
	}
	t.stripe = !t.stripe
	for start := 0; start < total; {
		fit := t.linesThatFit(r.space())
		left := total - start
		if left <= fit {
			t.part(cells, start, left, s)
			t.rowsOnPage++
			return
		}
		if t.rowsOnPage > 0 || (!t.freshPage && fit < 3) {
			r.newPage()
			continue
		}
		n := max(fit, 1)
		t.part(cells, start, n, s)
		start += n
		r.newPage()
	}
}

func (t *table) linesThatFit(h float64) int {
	return int(math.Floor((h - 2*cellPadY + 0.001) / t.lh))
}

// part prints n lines of a row from line start; a continued part repeats
// the date in the first column.
func (t *table) part(cells [][]tline, start, n int, s store.Session) {
	r := t.r
	y := r.pdf.GetY()
	h := float64(n)*t.lh + 2*cellPadY
	if t.stripe {
		r.fill(stripeColor)
		r.pdf.Rect(r.left, y, r.width, h, "F")
	}
	x := r.left
	r.deferColours()
	for col, c := range cells {
		lines := c
		if col == 0 && start > 0 {
			lines = []tline{{text: printable(formatDate(s.Start)), s: cellMutedStyle},
				{text: "continued", s: style{"I", tableSize, mutedColor}}}
		} else if start < len(lines) {
			lines = lines[start:]
		} else {
			lines = nil
		}
		for i := 0; i < n && i < len(lines); i++ {
			l, ly := lines[i], y+cellPadY+float64(i)*t.lh
			if l.label != "" {
				r.use(style{"B", tableSize, accentColor})
				r.line(x+cellPadX, ly, l.indent, t.lh, "L", l.label)
			}
			r.use(l.s)
			r.line(x+cellPadX+l.indent, ly, t.widths[col]-2*cellPadX-l.indent, t.lh, "L", l.text)
		}
		x += t.widths[col]
	}
	r.settleColours()
	r.rule(r.left, r.right, y+h, ruleColor, 0.1)
	r.pdf.SetY(y + h)
}
