package report

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"backtrack/store"
)

// The home programme handout: what a client pins on the fridge. Each
// exercise has its picture (report/exercisefig, vector), its dose in large
// type, the steps, what to feel and when to stop, and a week of boxes to
// tick; the practice and the therapist are on top, so the client knows
// whom to ask.

// WriteHomeProgramme prints the home programme given at a visit as PDF to w.
func WriteHomeProgramme(w io.Writer, client store.Client, s store.Session, o Options) error {
	o.Document = HomeProgramme
	if len(s.Programme) == 0 {
		return fmt.Errorf("write home programme: %w: the visit of %s gave no home exercises", ErrRender, s.Start.Format(store.DateLayout))
	}
	return write(w, Data{Client: client, Sessions: []store.Session{s}}, o, &s)
}

// WriteHomeProgrammeFile writes the handout to path all or nothing, as
// WriteFile.
func WriteHomeProgrammeFile(ctx context.Context, path string, client store.Client, s store.Session, o Options) error {
	return writeFile(ctx, path, "home programme", func(w io.Writer) error { return WriteHomeProgramme(w, client, s, o) })
}

// HomeProgrammeFileName is "Lastname_Firstname_exercises_YYYY-MM-DD.pdf",
// dated by the visit.
func HomeProgrammeFileName(c store.Client, visit time.Time) string {
	return fileNameFor(c, "exercises", visit)
}

// Card geometry, in millimetres.
const (
	pictureW    = 56.0
	pictureH    = 34.0
	cardGap     = 5.0
	tickBox     = 4.2
	tickGap     = 1.6
	cardPadding = 2.5
)

var (
	handoutTitle = style{"B", 17, accentColor}
	cardTitle    = style{"B", 12, inkColor}
	doseStyle    = style{"B", 11, accentColor}
	stepStyle    = style{"", 9.5, inkColor}
	feelStyle    = style{"", 9, inkColor}
)

// handoutHeader is the practice and the client on every page, in words a
// client reads.
func (r *renderer) handoutHeader() {
	p := r.o.Practice
	y := marginTop
	leftW := r.width * 0.6
	h := r.block(handoutTitle, r.left, y, leftW, "L", "Your home exercises")
	h += r.block(style{"B", 11, inkColor}, r.left, y+h+0.5, leftW, "L", r.d.Client.FullName())
	given := "Given on " + formatDate(r.note.Start)
	if t := p.TherapistLine(); t != "" {
		given += " by " + t
	}
	h += r.block(smallStyle, r.left, y+h+0.5, leftW, "L", given)
	rh := r.block(style{"B", 10, inkColor}, r.left+leftW, y+0.6, r.width-leftW, "R", p.Name)
	rh += r.block(smallStyle, r.left+leftW, y+rh+0.5, r.width-leftW, "R", store.JoinNonEmpty("\n", p.Address, p.Contact))
	y += max(h, rh) + 2.5
	r.rule(r.left, r.right, y, accentColor, 0.6)
	r.pdf.SetY(y + 3)
	r.contentTop = r.pdf.GetY()
}

// renderHandout lays out one card per exercise, then a line on stopping.
func (r *renderer) renderHandout() {
	r.newPage()
	r.paragraph(noteStyle, "Do these on most days. Tick a box each time you do one. "+
		"Move slowly and breathe; mild stretching is fine, pain is not.")
	r.pdf.SetY(r.pdf.GetY() + 2)
	for _, rx := range r.note.Programme {
		r.exerciseCard(rx)
	}
	r.pdf.SetY(r.pdf.GetY() + 1)
	r.paragraph(boldStyle, "Stop and call us if pain spreads down a leg, you feel numbness, "+
		"tingling or weakness, or the pain keeps getting worse.")
}

// exerciseCard is one exercise: its picture on the left, its words on the
// right, and the week's boxes under the picture.
func (r *renderer) exerciseCard(rx store.Prescription) {
	ex, hasPicture := rx.Picture()
	textX := r.left + pictureW + 5
	textW := r.right - textX
	steps := rx.Words
	var feel, stop string
	if rx.Exercise != "" {
		var lines []string
		for i, s := range ex.Steps {
			lines = append(lines, fmt.Sprintf("%d. %s", i+1, s))
		}
		steps = store.JoinNonEmpty("\n", strings.Join(lines, "\n"), rx.Words)
		feel, stop = ex.Feel, ex.Stop
	}
	dose := rx.Dose.Words()
	// measure first, so a card is never split across pages
	measure := func() float64 {
		h := lineHeight(cardTitle.size)*float64(len(r.wrap(cardTitle, rx.Title(), textW))) + 1
		if dose != "" {
			h += lineHeight(doseStyle.size) + 1
		}
		h += lineHeight(stepStyle.size) * float64(len(r.wrap(stepStyle, steps, textW)))
		for _, t := range []string{feel, stop} {
			if t != "" {
				h += 1 + lineHeight(feelStyle.size)*float64(len(r.wrap(feelStyle, "You should feel: "+t, textW)))
			}
		}
		return h
	}
	rows := min(max(rx.Dose.PerDay, 1), 3)
	boxesH := 4 + float64(rows)*(tickBox+tickGap)
	picH := 0.0 // the therapist's own exercise without a picture: the boxes go up
	if hasPicture {
		picH = pictureH + 2
	}
	h := max(measure(), picH+boxesH) + 2*cardPadding
	r.ensure(h)
	y := r.pdf.GetY()
	r.fill(tileFill)
	r.pdf.Rect(r.left, y, r.width, h, "F")
	top := y + cardPadding
	if hasPicture {
		drawExercise(r.pdf, ex.ID, r.left+cardPadding, top, pictureW-cardPadding, pictureH)
	}
	r.tickWeek(r.left+cardPadding, top+picH, rows)
	ty := top
	ty += r.block(cardTitle, textX, ty, textW, "L", rx.Title()) + 1
	if dose != "" {
		ty += r.block(doseStyle, textX, ty, textW, "L", dose) + 1
	}
	ty += r.block(stepStyle, textX, ty, textW, "L", steps)
	if feel != "" {
		ty += 1 + r.block(feelStyle, textX, ty+1, textW, "L", "You should feel: "+feel)
	}
	if stop != "" {
		r.block(style{"B", feelStyle.size, warningColor}, textX, ty+1, textW, "L", "Stop if: "+stop)
	}
	r.pdf.SetY(y + h + cardGap)
}

// tickWeek is a box for each time of each day of a week.
func (r *renderer) tickWeek(x, y float64, rows int) {
	days := []string{"M", "T", "W", "T", "F", "S", "S"}
	r.draw(mutedColor)
	r.pdf.SetLineWidth(0.25)
	for i, d := range days {
		bx := x + float64(i)*(tickBox+tickGap)
		r.writeLines(labelStyle, bx, y-0.5, tickBox, "C", []string{d})
		for j := 0; j < rows; j++ {
			r.pdf.Rect(bx, y+3+float64(j)*(tickBox+tickGap), tickBox, tickBox, "D")
		}
	}
}
