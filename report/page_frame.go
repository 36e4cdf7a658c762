package report

import (
	"backtrack/store"
	"fmt"
	"strconv"
)

const confidentiality = "Confidential health information. Intended for the client and the health " +
	"professionals or insurers they have authorised; do not pass on without the client's consent."

// pageHeader runs at the top of every page: the full letterhead and client
// block on the first, a compact running header on the others.
func (r *renderer) pageHeader() {
	if r.note != nil && r.o.Document == HomeProgramme {
		r.handoutHeader()
	} else if r.pdf.PageNo() == 1 {
		r.letterhead()
		r.clientBlock()
	} else {
		r.runningHeader()
	}
	r.contentTop = r.pdf.GetY()
}

// letterhead is the practice on the left, the document on the right. With
// no practice details set the title moves left so the page does not open
// on an empty corner.
func (r *renderer) letterhead() {
	p := r.o.Practice
	title, sub := p.Name, p.TherapistLine()
	if title == "" {
		title, sub = sub, ""
	}
	docTitle := r.docTitle()
	if title == "" {
		title, docTitle = docTitle, ""
	}
	y := marginTop
	leftW := r.width * 0.62
	rightW := r.width - leftW
	// The practice's settings are clipped to a few lines so no setting can
	// push the report itself off the page.
	titleStyle, subStyle := style{"B", 15, accentColor}, style{"", 9.5, inkColor}
	h := r.writeLines(titleStyle, r.left, y, leftW, "L", r.clipped(titleStyle, title, leftW, 2))
	h += r.writeLines(subStyle, r.left, y+h+0.5, leftW, "L", r.clipped(subStyle, sub, leftW, 2))
	h += r.writeLines(smallStyle, r.left, y+h+1, leftW, "L",
		r.clipped(smallStyle, store.JoinNonEmpty("  ·  ", p.Address, p.Contact), leftW, 2))

	rh := r.block(style{"B", 13, inkColor}, r.left+leftW, y+0.6, rightW, "R", docTitle)
	rh += r.block(smallStyle, r.left+leftW, y+rh+1, rightW, "R", "Report date "+formatDate(r.o.Date))
	// The edition line only where an edition was chosen: a progress report
	// always has one (the physician's by default), a visit note only when
	// asked for, and the intake is the client's own, to sign.
	if (r.note == nil && r.o.Document == ProgressReport) || (r.note != nil && r.o.Edition != "") {
		rh += r.block(smallStyle, r.left+leftW, y+rh+0.3, rightW, "R", r.o.Edition.Label())
	}

	y += max(h, rh) + 3
	r.rule(r.left, r.right, y, accentColor, 0.6)
	r.pdf.SetY(y + 3)
}

// clientBlock names the client and the period, label above value.
func (r *renderer) clientBlock() {
	c := r.d.Client
	dob := "not recorded"
	if !c.DateOfBirth.IsZero() {
		dob = formatDate(c.DateOfBirth)
		if age := c.AgeOn(r.o.Date); age >= 0 {
			dob += fmt.Sprintf(" (age %d)", age)
		}
	}
	from, to := r.d.Covered()
	period := formatRange(from, to)
	visits := plural(len(r.d.Sessions), "visit", "visits")
	if r.d.Period.From.IsZero() && r.d.Period.To.IsZero() {
		visits = "all visits: " + plural(len(r.d.Sessions), "visit", "visits")
		if len(r.d.Sessions) == 0 {
			period = "no visits recorded"
		}
	}

	third := struct{ label, value, note string }{"PERIOD COVERED", period, visits}
	if n := r.note; n != nil {
		third.label, third.value = "VISIT", formatDate(n.Start)+", "+n.Start.Format("15:04")
		third.note = fmt.Sprintf("%d min", n.DurationMin)
	}
	if r.note == nil && r.o.Document == IntakeSummary {
		third.label, third.value, third.note = "INTAKE", "not on file", "taken or last reviewed"
		if in := r.d.Health.Intake; in.OnFile() {
			third.value = formatDate(in.Date)
		}
	}
	y := r.pdf.GetY()
	cols := []struct {
		label, value, note string
		w                  float64
		s                  style
	}{
		{"CLIENT", c.FullName(), "", 0.44, style{"B", 12, inkColor}},
		{"DATE OF BIRTH", dob, "", 0.24, boldStyle},
		{third.label, third.value, third.note, 0.32, boldStyle},
	}
	x, h := r.left, 0.0
	for _, col := range cols {
		w := r.width * col.w
		ch := r.block(labelStyle, x, y, w-3, "L", col.label)
		ch += r.block(col.s, x, y+ch+0.4, w-3, "L", col.value)
		ch += r.block(smallStyle, x, y+ch+0.3, w-3, "L", col.note)
		h = max(h, ch)
		x += w
	}
	y += h + 3
	r.rule(r.left, r.right, y, ruleColor, 0.2)
	r.pdf.SetY(y + 1)
}

// runningHeader keeps the client's name and the practice on every page, so
// a loose page still says whose record it is.
func (r *renderer) runningHeader() {
	y := marginTop - 4
	c := r.d.Client
	who := c.FullName()
	if !c.DateOfBirth.IsZero() {
		who += "  ·  born " + formatDate(c.DateOfBirth)
	}
	// The practice side takes what it needs up to 45% of the width; the
	// client's name, which matters more on a loose page, gets the rest.
	what := store.JoinNonEmpty("  ·  ", r.o.Practice.Name, r.docTitle()+" "+formatDate(r.o.Date))
	r.use(smallStyle)
	rightW := min(r.textWidth(printable(what))+1, r.width*0.45)
	leftW := r.width - rightW - 4
	whoStyle := style{"B", 8.5, inkColor}
	h := r.writeLines(whoStyle, r.left, y, leftW, "L", r.clipped(whoStyle, who, leftW, 3))
	h = max(h, r.writeLines(smallStyle, r.right-rightW, y+0.3, rightW, "R", r.clipped(smallStyle, what, rightW, 2)))
	y += h + 1.2
	r.rule(r.left, r.right, y, accentColor, 0.35)
	r.pdf.SetY(y + 4)
}

// pageFooter prints the confidentiality line and "Page X of Y". The total
// is gofpdf's alias, filled in when the document closes; the page number
// is left-aligned at a fixed place because the alias's printed width is
// not known while the page is drawn.
func (r *renderer) pageFooter() {
	_, pageH := r.pdf.GetPageSize()
	y := pageH - footerHeight + 1
	r.rule(r.left, r.right, y, ruleColor, 0.2)
	numberW := 24.0
	r.block(style{"", 6.8, mutedColor}, r.left, y+1.5, r.width-numberW-6, "L", confidentiality)
	r.use(style{"", 7.5, mutedColor})
	r.pdf.SetXY(r.right-numberW+4, y+1.5)
	r.pdf.CellFormat(numberW-4, lineHeight(7.5), "Page "+strconv.Itoa(r.pdf.PageNo())+" of {nb}", "", 0, "L", false, 0, "")
	if head := r.d.Head.Short(); head != "" {
		// the record's history as printed: a later history that lacks it was cut or replaced
		r.use(style{"", 6.8, mutedColor})
		r.pdf.SetXY(r.right-numberW-16, y+1.5+lineHeight(7.5))
		r.pdf.CellFormat(numberW+16, lineHeight(6.8), head, "", 0, "R", false, 0, "")
	}
}
