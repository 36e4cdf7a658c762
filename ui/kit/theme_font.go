package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"backtrack/assets/fonts"
)

// The desk writes its text in Liberation Sans, the report's typeface. Fyne's
// own Noto Sans lacks characters the desk itself writes (→ in "6→4", the
// minus sign), which Fyne then seeks among the system's fonts: Linux has
// them, wine has none and drew "6�4", and what a Windows or Mac laptop has
// is not ours to know. Liberation Sans has every character the desk's
// wording uses (theme_font_test.go reads them all); Noto Sans and then the
// system's fonts still come after it, for scripts neither covers (a client
// named in Chinese shows in the system's CJK font).
var (
	deskRegular = fyne.NewStaticResource("LiberationSans-Regular.ttf", fonts.SansRegular)
	deskBold    = fyne.NewStaticResource("LiberationSans-Bold.ttf", fonts.SansBold)
	deskItalic  = fyne.NewStaticResource("LiberationSans-Italic.ttf", fonts.SansItalic)
)

// deskFont is the face for a text style; monospace and symbols stay
// Fyne's, and bold italic (which reports never use) is bold.
func deskFont(s fyne.TextStyle, fallback fyne.Theme) fyne.Resource {
	switch {
	case s.Monospace, s.Symbol:
		return fallback.Font(s)
	case s.Bold:
		return deskBold
	case s.Italic:
		return deskItalic
	}
	return deskRegular
}

func (t *deskTheme) Font(s fyne.TextStyle) fyne.Resource  { return deskFont(s, t.Theme) }
func (t AlertTheme) Font(s fyne.TextStyle) fyne.Resource  { return deskFont(s, t.Theme) }
func (t SampleTheme) Font(s fyne.TextStyle) fyne.Resource { return deskFont(s, t.Theme) }

// Size gives widgets one more point of inner padding than Fyne's: Liberation
// Sans's lines are shorter than Noto Sans's, and without it an entry is
// shorter than the 32 points its scroller needs.
func (t *deskTheme) Size(name fyne.ThemeSizeName) float32 {
	size := t.Theme.Size(name)
	if name == theme.SizeNameInnerPadding {
		return size + 1
	}
	return size
}
