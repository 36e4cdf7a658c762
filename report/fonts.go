package report

import (
	"strings"
	"sync"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"backtrack/assets/fonts"
)

// The report embeds Liberation Sans (backtrack/assets/fonts, SIL OFL): it covers
// Latin, Greek and Cyrillic, so names such as "Zoë Ångström-Łukasiewicz",
// "Σοφία" or "Наталья" print as typed. The Go fonts cover the same scripts
// but their slashed zero and long hyphen read like program code on a
// clinical letter ("0–10", "Side-lying").
//
// Chinese and Japanese print in Droid Sans Fallback, Korean in NanumGothic,
// character by character beside the Latin text (see runs). Scripts whose
// letters change shape with their neighbours or run right to left (Arabic,
// Hebrew, Devanagari and the other Indic scripts, Thai...) cannot be
// printed correctly by gofpdf, which neither shapes nor reorders: they
// print as boxes, and Unprintable names the fields that hold them before
// a report is written.
const fontFamily = "Sans"

var fontFaces = []struct {
	style string
	ttf   []byte
}{
	{"", fonts.SansRegular},
	{"B", fonts.SansBold},
	{"I", fonts.SansItalic},
}

// extraFont is a font for scripts Liberation Sans lacks, in one face only
// (bold and italic print regular), registered in a PDF only when used.
type extraFont struct {
	family string
	ttf    func() []byte
}

var extraFonts = []extraFont{
	{"CJK", fonts.CJK},       // Chinese ideographs, Japanese kana
	{"Hangul", fonts.Hangul}, // Korean
}

// Which font prints a character: sansFont, an index into extraFonts, or
// noFont (the placeholder prints instead).
const (
	sansFont = -1
	noFont   = -2
)

// unshapedScripts are printed wrong without shaping or right-to-left
// ordering, whatever glyphs a font has: they count as unprintable.
var unshapedScripts = []*unicode.RangeTable{
	unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko,
	unicode.Devanagari, unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati,
	unicode.Oriya, unicode.Tamil, unicode.Telugu, unicode.Kannada,
	unicode.Malayalam, unicode.Sinhala, unicode.Thai, unicode.Lao,
	unicode.Tibetan, unicode.Myanmar, unicode.Khmer, unicode.Mongolian,
}

// placeholder stands in for a character the fonts lack (Chinese, emoji...):
// a visible box rather than an invisible gap or a crash inside gofpdf, whose
// width tables cover only the Basic Multilingual Plane.
const placeholder = '\u25A1' // □

func registerFonts(pdf *gofpdf.Fpdf) {
	for _, f := range fontFaces {
		pdf.AddUTF8FontFromBytes(fontFamily, f.style, f.ttf)
	}
}

// runeSet is a bitset over the Basic Multilingual Plane.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r/64]&(1<<(r%64)) != 0
}

// add puts r in the set; r outside the plane is left out.
func (s *runeSet) add(r rune) {
	if r >= 0 && r < 0x10000 {
		s[r/64] |= 1 << (r % 64)
	}
}

// glyphs is the characters every one of the fonts has a glyph for, less
// the scripts that cannot print correctly without shaping.
func glyphs(ttfs ...[]byte) *runeSet {
	var set runeSet
	for r := range rune(0x10000) {
		set[r/64] |= 1 << (r % 64)
	}
	for r := range rune(0x10000) {
		if unicode.In(r, unshapedScripts...) {
			set[r/64] &^= 1 << (r % 64) // glyphs or not, printed wrong
		}
	}
	var buf sfnt.Buffer
	for _, ttf := range ttfs {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			panic("report: embedded font unreadable: " + err.Error()) // fixed bytes: a build defect
		}
		for r := range rune(0x10000) {
			if set.has(r) {
				if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
					set[r/64] &^= 1 << (r % 64)
				}
			}
		}
	}
	return &set
}

// printableRunes is the characters every embedded face of Liberation Sans
// has a glyph for, read once from the fonts' own character maps.
var printableRunes = sync.OnceValue(func() *runeSet {
	ttfs := make([][]byte, len(fontFaces))
	for i, f := range fontFaces {
		ttfs[i] = f.ttf
	}
	return glyphs(ttfs...)
})

// extraRunes is each extra font's characters, read the first time a
// character Liberation Sans lacks is met: most reports never unpack them.
var extraRunes = sync.OnceValue(func() []*runeSet {
	sets := make([]*runeSet, len(extraFonts))
	for i, f := range extraFonts {
		sets[i] = glyphs(f.ttf())
	}
	return sets
})

// fontOf is the font that prints r correctly, or noFont.
func fontOf(r rune) int {
	if r < 0x80 || printableRunes().has(r) {
		return sansFont
	}
	for i, set := range extraRunes() {
		if set.has(r) {
			return i
		}
	}
	return noFont
}

// printable returns text as the fonts can print it: composed (NFC) so an
// accent typed as a separate mark joins its letter, tabs as spaces, line
// breaks kept, invisible format and control characters dropped, and any
// other character the fonts lack shown as the placeholder.
func printable(text string) string {
	if plainASCII(text) {
		return text // the common case, and nothing to change
	}
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r):
			// nothing to see: carriage returns, zero-width joiners, emoji styles
		case fontOf(r) != noFont:
			b.WriteRune(r)
		default:
			b.WriteRune(placeholder)
		}
	}
	return b.String()
}

// plainASCII reports whether text is printable ASCII and line breaks only.
func plainASCII(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; (c < ' ' && c != '\n') || c > '~' {
			return false
		}
	}
	return true
}

// oneLine is printable text with every run of white space as one space.
func oneLine(text string) string {
	return strings.Join(strings.Fields(printable(text)), " ")
}
