package report

import "strings"

// A quiet palette: dark ink, one navy accent, greys for labels and rules.
var (
	inkColor     = rgb{33, 37, 41}
	mutedColor   = rgb{96, 104, 112}
	accentColor  = rgb{31, 78, 121}
	ruleColor    = rgb{200, 207, 214}
	stripeColor  = rgb{245, 247, 250}
	headFill     = rgb{226, 234, 242}
	tileFill     = rgb{243, 246, 249}
	goodColor    = rgb{27, 110, 66}
	goodFill     = rgb{231, 244, 236}
	neutralFill  = rgb{241, 243, 245}
	warningColor = rgb{150, 80, 20}
)

// style is a font and colour for one kind of text.
type style struct {
	face  string  // "", "B" or "I"
	size  float64 // points
	color rgb
}

var (
	bodyStyle    = style{"", 9.5, inkColor}
	boldStyle    = style{"B", 9.5, inkColor}
	smallStyle   = style{"", 8, mutedColor}
	noteStyle    = style{"I", 8, mutedColor}
	labelStyle   = style{"B", 6.8, mutedColor}
	sectionStyle = style{"B", 11, accentColor}
)

// lineHeight is the leading for a font size in points, in millimetres.
func lineHeight(size float64) float64 { return size * 0.3528 * 1.32 }

// use selects a style. gofpdf writes a font operator to the page on every
// SetFont, so an unchanged style is not set again: a 300-row table would
// otherwise carry thousands of redundant operators.
func (r *renderer) use(s style) {
	if r.styled && s == r.current {
		return
	}
	if !r.styled || s.face != r.current.face || s.size != r.current.size {
		r.pdf.SetFont(fontFamily, s.face, s.size)
	}
	if !r.styled || s.color != r.current.color {
		r.pdf.SetTextColor(s.color.r, s.color.g, s.color.b)
	}
	r.current, r.styled = s, true
}

// rule draws a horizontal line from x1 to x2 at y.
func (r *renderer) rule(x1, x2, y float64, c rgb, width float64) {
	r.draw(c)
	r.pdf.SetLineWidth(width)
	r.pdf.Line(x1, y, x2, y)
}

func (r *renderer) fill(c rgb) { r.pdf.SetFillColor(c.r, c.g, c.b) }
func (r *renderer) draw(c rgb) { r.pdf.SetDrawColor(c.r, c.g, c.b) }

// wrap splits text into the lines it takes at width w in style s, line
// breaks kept. Empty text takes no line.
func (r *renderer) wrap(s style, text string, w float64) []string {
	text = printable(text)
	if text == "" {
		return nil
	}
	r.use(s)
	return r.pdf.SplitText(text, w)
}

// writeLines prints lines from (x, y) down, aligned "L", "C" or "R" in width
// w, and returns the height used.
func (r *renderer) writeLines(s style, x, y, w float64, align string, lines []string) float64 {
	r.use(s)
	lh := lineHeight(s.size)
	for i, line := range lines {
		r.line(x, y+float64(i)*lh, w, lh, align, line)
	}
	return float64(len(lines)) * lh
}

// line prints one line of text in the box at (x, y), w wide and h high,
// where gofpdf's CellFormat would put it, at a fraction of the cost: a
// report is thousands of lines.
func (r *renderer) line(x, y, w, h float64, align, text string) {
	if text == "" {
		return
	}
	switch align {
	case "R":
		x += w - r.pdf.GetStringWidth(text)
	case "C":
		x += (w - r.pdf.GetStringWidth(text)) / 2
	}
	_, fontMM := r.pdf.GetFontSize()
	r.pdf.Text(x, y+0.5*h+0.3*fontMM, text)
}

// clipped is at most n lines of wrapped text, the last ending in "…" when
// more was cut. Only for the practice's own details in headers: the
// record's text is never clipped.
func (r *renderer) clipped(s style, text string, w float64, n int) []string {
	lines := r.wrap(s, text, w)
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	last := []rune(lines[n-1])
	for len(last) > 0 && r.pdf.GetStringWidth(string(last)+" …") > w {
		last = last[:len(last)-1]
	}
	lines[n-1] = strings.TrimRight(string(last), " ") + " …"
	return lines
}

// block prints wrapped text at (x, y) in width w and returns its height.
func (r *renderer) block(s style, x, y, w float64, align, text string) float64 {
	return r.writeLines(s, x, y, w, align, r.wrap(s, text, w))
}

// paragraph prints wrapped text across the content width from the current
// y, breaking across pages between lines, and moves y below it.
func (r *renderer) paragraph(s style, text string) {
	lh := lineHeight(s.size)
	for _, line := range r.wrap(s, text, r.width) {
		r.ensure(lh)
		y := r.pdf.GetY()
		r.writeLines(s, r.left, y, r.width, "L", []string{line})
		r.pdf.SetY(y + lh)
	}
}

// section prints a section title with a rule under it, keeping at least
// keep millimetres of what follows on the same page.
func (r *renderer) section(title string, keep float64) {
	h := lineHeight(sectionStyle.size) + 2.5
	if !r.atPageTop() {
		r.pdf.SetY(r.pdf.GetY() + sectionGap)
	}
	r.ensure(h + keep)
	y := r.pdf.GetY()
	r.writeLines(sectionStyle, r.left, y, r.width, "L", []string{title})
	lineY := y + lineHeight(sectionStyle.size) + 0.6
	r.rule(r.left, r.right, lineY, accentColor, 0.35)
	r.pdf.SetY(lineY + 2.5)
}
