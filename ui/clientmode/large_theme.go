package clientmode

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// largeTheme is the desk's theme in large type with room around it: a
// client reads it at arm's length, perhaps without their glasses, and
// taps it with a finger. Every button is at least 44 px high (WCAG 2.5.5,
// Apple's Human Interface Guidelines): text of 24 with 14 inside above
// and below it.
type largeTheme struct{ base fyne.Theme }

func (t largeTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base.Color(n, v)
}

func (t largeTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base.Font(s) }
func (t largeTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

func (t largeTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 24
	case theme.SizeNameHeadingText:
		return 32
	case theme.SizeNameSubHeadingText:
		return 26
	case theme.SizeNameCaptionText:
		return 16
	case theme.SizeNameInnerPadding:
		return 14
	case theme.SizeNamePadding:
		return 8
	case theme.SizeNameInlineIcon:
		return 28
	}
	return t.base.Size(n)
}
