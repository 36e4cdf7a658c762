package report

import (
	"backtrack/store"
)

// A signature the client drew on the device is printed as the strokes
// they drew, vector lines on the page (no picture), beside the typed name
// and the date: it is as sharp on paper as the record keeps it.

// signed is the submission whose accepted form f made the record with UID
// record, when it was signed.
func (d Data) signed(f store.FormKind, record string) (store.Submission, bool) {
	for _, s := range d.Submissions {
		if r, ok := s.Review(f); ok && r.Accepted && r.Record == record && s.Signed() {
			return s, true
		}
	}
	return store.Submission{}, false
}

// signedIntake is the newest signed submission whose intake was accepted
// into the intake on file.
func (d Data) signedIntake() (store.Submission, bool) {
	for _, s := range d.Submissions { // newest first
		if r, ok := s.Review(store.FormIntake); ok && r.Accepted && s.Signed() {
			return s, true
		}
	}
	return store.Submission{}, false
}

// clientsBodyChart is the newest submission whose places, where it hurts,
// were accepted into the record.
func (d Data) clientsBodyChart() (store.Submission, bool) {
	for _, s := range d.Submissions { // newest first
		if r, ok := s.Review(store.FormBodyChart); ok && r.Accepted && len(s.BodyChart) > 0 {
			return s, true
		}
	}
	return store.Submission{}, false
}

// drawSignature draws sig's strokes in the box at (x, y) of w × h mm, kept
// in proportion and set on the box's left.
func (r *renderer) drawSignature(sig store.Signature, x, y, w, h float64) {
	if sig.Empty() {
		return
	}
	scale := min(w/float64(sig.Width), h/float64(sig.Height))
	r.draw(inkColor)
	r.pdf.SetLineWidth(0.35)
	r.pdf.SetLineCapStyle("round")
	r.pdf.SetLineJoinStyle("round")
	for _, st := range sig.Strokes {
		for i := 1; i < len(st); i++ {
			r.pdf.Line(x+float64(st[i-1].X)*scale, y+float64(st[i-1].Y)*scale,
				x+float64(st[i].X)*scale, y+float64(st[i].Y)*scale)
		}
	}
	r.pdf.SetLineCapStyle("butt")
	r.pdf.SetLineJoinStyle("miter")
}

// drawnSignatureBlock prints, under a consent, the client's signature with
// their typed name, the date and where it was given.
func (r *renderer) drawnSignatureBlock(sub store.Submission) {
	const height = 24.0
	r.ensure(height)
	y := r.pdf.GetY() + 1
	sigW, dateW := r.width*0.5, r.width*0.25
	dateX := r.right - dateW
	r.drawSignature(sub.Signature, r.left+2, y, sigW-4, 13)
	line := y + 14
	r.rule(r.left, r.left+sigW, line, inkColor, 0.25)
	r.pdf.Line(dateX, line, r.right, line)
	r.block(bodyStyle, dateX, line-6, dateW, "L", formatDate(sub.Day()))
	r.block(bodyStyle, r.left, line+1.5, sigW, "L", "Signed: "+sub.SignedName)
	r.block(smallStyle, dateX, line+1.5, dateW, "L", "Date")
	r.block(smallStyle, r.left, line+6.5, r.width, "L", "Drawn by the client on the device, "+
		"sealed in the record's history with what was signed ("+sub.Seal[:min(len(sub.Seal), 24)]+"…).")
	r.pdf.SetY(line + 11)
}
