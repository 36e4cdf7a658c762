package report

import (
	"strings"
	"unicode/utf8"
)

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
		if r.lines.deferring {
			r.lines.waiting, r.lines.pending = s.color, true
		} else {
			r.pdf.SetTextColor(s.color.r, s.color.g, s.color.b)
		}
	}
	r.current, r.styled = s, true
}

// deferColours lets the text colours that use selects wait until a line
// needs one that gofpdf must know (see pageText), up to settleColours:
// the sessions table changes colour many times a row, and gofpdf formats
// every colour it is given with fmt.Sprintf. Between the two, only text
// is drawn.
func (r *renderer) deferColours() { r.lines.deferring = true }

// settleColours gives gofpdf the text colour that waited, and stops the
// waiting.
func (r *renderer) settleColours() {
	r.syncColour()
	r.lines.deferring = false
}

// syncColour gives gofpdf the text colour that waits, if one does.
func (r *renderer) syncColour() {
	if r.lines.pending {
		r.pdf.SetTextColor(r.lines.waiting.r, r.lines.waiting.g, r.lines.waiting.b)
		r.lines.pending = false
	}
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
	if oneFont(text) {
		return r.pdf.SplitText(text, w)
	}
	return r.wrapRuns(text, w)
}

// wrapRuns wraps text that mixes fonts, measuring each run in its own:
// lines break at spaces, or between two CJK characters, which need none.
func (r *renderer) wrapRuns(text string, w float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, unit := range breakUnits(para) {
			if line != "" && r.textWidth(strings.TrimRight(line+unit, " ")) > w {
				lines = append(lines, strings.TrimRight(line, " "))
				line = strings.TrimLeft(unit, " ")
				continue
			}
			line += unit
		}
		lines = append(lines, strings.TrimRight(line, " "))
	}
	return lines
}

// breakUnits cuts text where a line may break: after a run of spaces, and
// after each character of an extra font.
func breakUnits(text string) []string {
	var units []string
	start := 0
	for i, c := range text {
		end := i + utf8.RuneLen(c)
		next, _ := utf8.DecodeRuneInString(text[end:])
		if (c == ' ' && next != ' ') || (c != ' ' && fontOf(c) >= 0 && next != ' ') {
			units = append(units, text[start:end])
			start = end
		}
	}
	if start < len(text) {
		units = append(units, text[start:])
	}
	return units
}

// oneFont reports whether Liberation Sans prints all of text.
func oneFont(text string) bool {
	if plainASCII(text) {
		return true
	}
	for _, c := range text {
		if fontOf(c) >= 0 {
			return false
		}
	}
	return true
}

// textRun is a stretch of text in one font (sansFont or an extra font).
type textRun struct {
	font int
	text string
}

func runs(text string) []textRun {
	var out []textRun
	start, font := 0, sansFont
	for i, c := range text {
		f := max(fontOf(c), sansFont) // the placeholder is Liberation's
		if i > 0 && f != font {
			out = append(out, textRun{font, text[start:i]})
			start = i
		}
		font = f
	}
	if start < len(text) {
		out = append(out, textRun{font, text[start:]})
	}
	return out
}

// withFont measures or prints with font f at the current style's size,
// then selects the style's own font again.
func (r *renderer) withFont(f int, do func()) {
	if f == sansFont {
		do()
		return
	}
	if r.extras == nil {
		r.extras = make([]bool, len(extraFonts))
	}
	if !r.extras[f] {
		r.pdf.AddUTF8FontFromBytes(extraFonts[f].family, "", extraFonts[f].ttf())
		r.extras[f] = true
	}
	r.pdf.SetFont(extraFonts[f].family, "", r.current.size)
	do()
	r.pdf.SetFont(fontFamily, r.current.face, r.current.size)
}

// textWidth is the width of one line of printable text in the current style.
func (r *renderer) textWidth(text string) float64 {
	if oneFont(text) {
		return r.pdf.GetStringWidth(text)
	}
	w := 0.0
	for _, run := range runs(text) {
		r.withFont(run.font, func() { w += r.pdf.GetStringWidth(run.text) })
	}
	return w
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
		x += w - r.textWidth(text)
	case "C":
		x += (w - r.textWidth(text)) / 2
	}
	_, fontMM := r.pdf.GetFontSize()
	baseline := y + 0.5*h + 0.3*fontMM
	if oneFont(text) {
		if !r.lines.write(r.pdf, x, baseline, text) {
			r.syncColour() // gofpdf prints it itself
			r.lines.viaText(r.pdf, x, baseline, text)
		}
		return
	}
	r.syncColour()
	for _, run := range runs(text) {
		r.withFont(run.font, func() {
			r.pdf.Text(x, baseline, run.text)
			x += r.pdf.GetStringWidth(run.text)
		})
	}
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
	for len(last) > 0 && r.textWidth(string(last)+" …") > w {
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
