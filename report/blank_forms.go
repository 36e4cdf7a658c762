package report

import (
	"fmt"
	"slices"

	"backtrack/report/bodymap"
	"backtrack/store"
)

// The client's forms on paper, for a client who prefers a pen: the same
// questions in the same words as their screen (store's ClientWords), with
// boxes to tick and lines to write on. The therapist types the answers in
// later, marked as from the paper form of its date.

// blankForms prints Options.Forms, then the name, signature and date.
func (r *renderer) blankForms() {
	r.paragraph(bodyStyle, "Please answer what you can. Tick Yes or No for each question. Your therapist goes "+
		"through your answers with you and types them into your record, marked as from this paper form and its date.")
	for _, f := range r.o.Forms {
		switch f {
		case store.FormIntake:
			r.section("Your health", 30)
			r.writeOn("What is the problem, in your own words?", 3)
			r.writeOn("When did it start?", 1)
			r.paragraph(bodyStyle, "Do you have, or have you had:")
			for _, c := range store.Conditions {
				if c != store.OtherCondition {
					r.tickYesNo(c.ClientWords())
				}
			}
			r.section("Important questions", 30)
			r.paragraph(bodyStyle, "These check for rare but serious causes of back pain. Please answer each one. Do you have:")
			for _, fl := range store.RedFlags {
				r.tickYesNo(fl.ClientWords())
			}
			r.paragraph(noteStyle, store.RedFlagSource)
		case store.FormConsent:
			r.section("Your consent", 30)
			r.paragraph(bodyStyle, store.ClientConsentWords)
			r.tickYesNo("Massage of your back, neck and shoulders, arms, hands, legs, feet and head")
			areas := r.o.Areas
			if len(areas) == 0 {
				areas = slices.DeleteFunc(slices.Clone(store.ConsentAreas), func(a store.ConsentArea) bool { return !a.Sensitive() })
			}
			r.paragraph(bodyStyle, "Some areas are asked one by one. Say yes only if you are comfortable. Do you agree to massage of:")
			for _, a := range areas {
				r.tickYesNo(a.ClientWords())
			}
		case store.FormPSFS:
			r.section("Activities", 30)
			r.paragraph(bodyStyle, store.PSFSClientQuestion)
			for i := range 3 {
				r.writeOn(fmt.Sprintf("Activity %d, and its score from 0 to 10:", i+1), 1)
			}
			r.paragraph(noteStyle, store.PSFS.Citation())
		case store.FormPain:
			r.section("Pain today", 20)
			r.paragraph(bodyStyle, store.PainClientQuestion+" Circle one:")
			r.paragraph(boldStyle, "0    1    2    3    4    5    6    7    8    9    10")
		case store.FormBodyChart:
			r.blankBodyChart()
		}
	}
	r.section("Your signature", 40)
	r.writeOn("Your full name", 1)
	r.writeOn("Your signature", 1)
	r.writeOn("Date", 1)
}

// blankBodyChart is the body outline, back and front, to mark by pen: the
// figure the client's screen shows, without a mark.
func (r *renderer) blankBodyChart() {
	figW := r.width * 0.62
	figH := figW * bodymap.Aspect()
	r.section("Where it hurts", lineHeight(bodyStyle.size)*3+figH)
	r.paragraph(bodyStyle, "Mark where it hurts: shade each place on the body with the pen. "+
		"The figure on the left is your back, the one on the right your front; L and R are your own left and right.")
	y := r.pdf.GetY() + 1
	r.use(style{"", 8, inkColor})
	DrawBodyMap(r.pdf, r.left+(r.width-figW)/2, y, figW, figH, BodyMapPicture{})
	r.pdf.SetY(y + figH + 2)
}

// tickYesNo is a question with a Yes and a No box before it.
func (r *renderer) tickYesNo(question string) {
	const box = 3.4
	boxesW := 26.0
	lines := r.wrap(bodyStyle, question, r.width-boxesW)
	lh := lineHeight(bodyStyle.size)
	r.ensure(float64(len(lines))*lh + 2)
	y := r.pdf.GetY()
	r.draw(inkColor)
	r.pdf.SetLineWidth(0.25)
	r.pdf.Rect(r.left, y+0.4, box, box, "D")
	r.block(bodyStyle, r.left+box+1.2, y, 8, "L", "Yes")
	r.pdf.Rect(r.left+13, y+0.4, box, box, "D")
	r.block(bodyStyle, r.left+13+box+1.2, y, 8, "L", "No")
	r.writeLines(bodyStyle, r.left+boxesW, y, r.width-boxesW, "L", lines)
	r.pdf.SetY(y + float64(len(lines))*lh + 1.6)
}

// writeOn is a question with lines to write the answer on.
func (r *renderer) writeOn(question string, lines int) {
	lh := 8.0
	r.ensure(lineHeight(bodyStyle.size) + float64(lines)*lh + 2)
	r.paragraph(bodyStyle, question)
	y := r.pdf.GetY()
	for i := 1; i <= lines; i++ {
		r.rule(r.left, r.right, y+float64(i)*lh, mutedColor, 0.2)
	}
	r.pdf.SetY(y + float64(lines)*lh + 2)
}
