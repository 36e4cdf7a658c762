package report

import (
	"backtrack/store"
	"strings"
)

// planAndHomeCare prints the latest plan and home care in the period.
func (r *renderer) planAndHomeCare() {
	if r.d.Plan.Text == "" && r.d.HomeCare.Text == "" {
		return
	}
	r.section("Plan and home care", 3*lineHeight(bodyStyle.size)+lineHeight(labelStyle.size))
	first := true
	for _, part := range []struct {
		label string
		d     store.Dated
	}{{"PLAN", r.d.Plan}, {"HOME CARE", r.d.HomeCare}} {
		if part.d.Text == "" {
			continue
		}
		if !first {
			r.pdf.SetY(r.pdf.GetY() + 3)
		}
		first = false
		lh := lineHeight(labelStyle.size)
		r.ensure(lh + 1 + 2*lineHeight(bodyStyle.size))
		y := r.pdf.GetY()
		r.block(labelStyle, r.left, y, r.width, "L", part.label+"  ·  AS OF THE VISIT ON "+strings.ToUpper(formatDate(part.d.On)))
		r.pdf.SetY(y + lh + 1)
		r.paragraph(bodyStyle, part.d.Text)
	}
}

// signatureHeight is the therapist's signature block: its lines and the
// words under them.
const signatureHeight = 26.0

// ensureSigned turns the page when a signature block of height does not
// fit, noting the page it leaves behind and how much sooner that page
// must end for three lines of its content to come over (see write).
func (r *renderer) ensureSigned(height float64) {
	y := r.pdf.GetY()
	if r.ensure(height) && r.alonePage == 0 {
		r.alonePage = r.pdf.PageNo() - 1
		r.aloneBy = r.fullBottom - y + 8 + 3*lineHeight(bodyStyle.size)
	}
}

// signature closes the report with the therapist's signature and date
// lines, kept together on one page.
func (r *renderer) signature() {
	r.pdf.SetY(r.pdf.GetY() + 8)
	r.ensureSigned(signatureHeight)
	y := r.pdf.GetY() + 10
	sigW, dateW := r.width*0.5, r.width*0.25
	dateX := r.right - dateW
	r.rule(r.left, r.left+sigW, y, inkColor, 0.25)
	r.pdf.Line(dateX, y, r.right, y)
	h := r.block(bodyStyle, r.left, y+1.5, sigW, "L", r.o.Practice.TherapistLine())
	if h == 0 {
		h = r.block(bodyStyle, r.left, y+1.5, sigW, "L", "Therapist")
	}
	r.block(smallStyle, r.left, y+1.5+h, sigW, "L", r.o.Practice.Name)
	r.block(smallStyle, dateX, y+1.5, dateW, "L", "Date")
	r.pdf.SetY(y + 12)
}
