package report

import (
	"bytes"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// pageText writes what gofpdf's Text writes: the same pages, the same
// embedded glyphs, for every face, colour and character it takes on
// itself or leaves to Text (characters that escape in either byte of
// their UTF-16, a carriage return, invalid UTF-8).
func TestPageTextWritesWhatTextWrites(t *testing.T) {
	lines := []string{
		"Zoë Ångström-Łukasiewicz (L3) \\ 6 → 4", "Again (L3) \\ 6 → 4", "\r(\\)\r",
		"⠨⤩⤪ ⥜ ⸨", "⠨⤩⤪ ⥜ ⸨ twice", "bad \xff\xfe byte", "bad \xff\xfe byte", "",
	}
	write := func(fast bool) []byte {
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.SetCompression(false)
		pdf.SetCatalogSort(true)
		registerFonts(pdf)
		pdf.AddPage()
		lt := newPageText(pdf)
		for i, face := range []string{"", "B", "I"} {
			pdf.SetFont(fontFamily, face, 7.6+float64(i))
			for j, colour := range [][3]int{{0, 0, 0}, {31, 78, 121}, {96, 96, 96}, {50, 50, 60}} {
				pdf.SetTextColor(colour[0], colour[1], colour[2])
				pdf.SetFillColor(245, 247, 250-250*(j%2))
				for k, s := range lines {
					x, y := 18+float64(k)*0.333, 14+float64(i*30+j*10+k)*1.001
					if fast {
						printLine(lt, pdf, x, y, s)
					} else {
						pdf.Text(x, y, s)
					}
				}
			}
		}
		pdf.SetFont("Helvetica", "", 8) // not a face of the report's font: Text writes it
		for _, s := range lines[:3] {
			if fast {
				printLine(lt, pdf, 20, 280, s)
			} else {
				pdf.Text(20, 280, s)
			}
		}
		var b bytes.Buffer
		if err := pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	plain, fast := write(false), write(true)
	if !bytes.Equal(plain, fast) {
		i := 0
		for i < len(plain) && i < len(fast) && plain[i] == fast[i] {
			i++
		}
		lo := max(i-80, 0)
		t.Errorf("the pages differ at byte %d:\nText:     %q\npageText: %q", i, plain[lo:min(i+80, len(plain))], fast[lo:min(i+80, len(fast))])
	}
}

// printLine prints s as the renderer's line does.
func printLine(t *pageText, pdf *gofpdf.Fpdf, x, y float64, s string) {
	if !t.write(pdf, x, y, s) {
		t.viaText(pdf, x, y, s)
	}
}
