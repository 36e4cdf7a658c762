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
const fontFamily = "Sans"

var fontFaces = []struct {
	style string
	ttf   []byte
}{
	{"", fonts.SansRegular},
	{"B", fonts.SansBold},
	{"I", fonts.SansItalic},
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

// printableRunes is the characters every embedded face has a glyph for,
// read once from the fonts' own character maps.
var printableRunes = sync.OnceValue(func() *runeSet {
	var set runeSet
	for r := range rune(0x10000) {
		set[r/64] |= 1 << (r % 64)
	}
	var buf sfnt.Buffer
	for _, face := range fontFaces {
		f, err := sfnt.Parse(face.ttf)
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
})

// printable returns text as the fonts can print it: composed (NFC) so an
// accent typed as a separate mark joins its letter, tabs as spaces, line
// breaks kept, invisible format and control characters dropped, and any
// other character the fonts lack shown as the placeholder.
func printable(text string) string {
	if plainASCII(text) {
		return text // the common case, and nothing to change
	}
	set := printableRunes()
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
		case set.has(r):
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
