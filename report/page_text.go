package report

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// pageText writes a line of text into the page exactly as gofpdf's Text
// does, byte for byte, at a fraction of its cost: Text formats every line
// with fmt.Sprintf, twice when the text's colour differs from the fill's,
// and in a profile of a 300-visit report that was a fifth of its CPU.
//
// Text also records the characters each font prints, which decides the
// glyphs embedded in the file, and gofpdf lets that be done only through
// Text. So a line whose every character its font has already printed
// through Text is written here; any other line goes through Text, and its
// characters are then known. The font is told by its descriptor: the
// three faces of the report's own font, when gofpdf's current font is one
// of them, else Text writes the line (the charts' fonts, the CJK and
// Korean fonts, whose lines are few).
//
// gofpdf (v1.16.2, no longer developed) writes a line as
// "BT x y Td (text) Tj ET", x and y in points with two decimals, the text
// as UTF-16 big-endian with \, ( and ) escaped, wrapped in
// "q colour ... Q" when the text colour is not the fill colour; it draws
// no underline or strike-through in the faces the report uses.
// TestPageTextWritesWhatTextWrites and
// TestTheReportOf300VisitsIsTheRecordedFile hold the two to the same bytes.
type pageText struct {
	printed map[gofpdf.FontDescType]*runeSet // per face: characters Text has printed
	colours map[[3]int]string                // a text colour as gofpdf writes it
	buf     []byte
	// waiting is the text colour gofpdf is yet to be given, while pending
	// (see deferColours).
	deferring, pending bool
	waiting            rgb
}

func newPageText(pdf *gofpdf.Fpdf) *pageText {
	t := &pageText{printed: map[gofpdf.FontDescType]*runeSet{}, colours: map[[3]int]string{}}
	for _, f := range fontFaces {
		desc := pdf.GetFontDesc(fontFamily, f.style)
		if t.printed[desc] != nil { // two faces not told apart: Text prints every line
			return &pageText{}
		}
		t.printed[desc] = new(runeSet)
	}
	return t
}

// viaText prints s through gofpdf's Text, and notes its characters as
// printed in the current face.
func (t *pageText) viaText(pdf *gofpdf.Fpdf, x, y float64, s string) {
	pdf.Text(x, y, s)
	if printed := t.printed[pdf.GetFontDesc("", "")]; printed != nil {
		for _, c := range s {
			printed.add(c)
		}
	}
}

// write lays the line out as Text would and writes it, unless a character
// of s is new to its face or is one gofpdf encodes in four bytes of UTF-8
// or is not UTF-8 (which Text mangles: it is left to Text to mangle them
// the same way).
func (t *pageText) write(pdf *gofpdf.Fpdf, x, y float64, s string) bool {
	printed := t.printed[pdf.GetFontDesc("", "")]
	if printed == nil {
		return false
	}
	for _, c := range s {
		if c == utf8.RuneError || !printed.has(c) { // has: only the BMP
			return false
		}
	}
	k := pdf.GetConversionRatio()
	_, h := pdf.GetPageSize()
	px, py := x*k, (h-y)*k
	if math.IsNaN(px+py) || math.IsInf(px+py, 0) {
		return false
	}
	b := t.buf[:0]
	tr, tg, tb := pdf.GetTextColor()
	if t.pending {
		tr, tg, tb = t.waiting.r, t.waiting.g, t.waiting.b
	}
	fr, fg, fb := pdf.GetFillColor()
	coloured := [3]int{tr, tg, tb} != [3]int{fr, fg, fb}
	if coloured {
		b = append(b, "q "...)
		b = append(b, t.colour(tr, tg, tb)...)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, px, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, py, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, c := range s { // UTF-16 big-endian: every character here is in the BMP
		b = appendEscaped(appendEscaped(b, byte(c>>8)), byte(c))
	}
	b = append(b, ") Tj ET"...)
	if coloured {
		b = append(b, " Q"...)
	}
	t.buf = b
	pdf.RawWriteStr(string(b))
	return true
}

// appendEscaped appends one byte of a PDF string: \, ( and ) escaped, a
// carriage return as \r.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// colour is a text colour as gofpdf writes it: grey as "v g", else
// "r g b rg", each a fraction of 255 with three decimals.
func (t *pageText) colour(r, g, b int) string {
	key := [3]int{r, g, b}
	if s, ok := t.colours[key]; ok {
		return s
	}
	frac := func(dst []byte, v int) []byte { return strconv.AppendFloat(dst, float64(v)/255.0, 'f', 3, 64) }
	var s []byte
	if r == g && r == b {
		s = append(frac(s, r), " g"...)
	} else {
		s = append(frac(append(frac(append(frac(s, r), ' '), g), ' '), b), " rg"...)
	}
	t.colours[key] = string(s)
	return string(s)
}
