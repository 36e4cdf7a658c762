package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Appearance choices offered in Settings; "System" follows the desktop.
const (
	AppearanceSystem = "System"
	AppearanceLight  = "Light"
	AppearanceDark   = "Dark"
)

// deskTheme is Fyne's theme, optionally pinned to light or dark. Fyne 2.7
// only follows the desktop, and a therapist in a dim treatment room may
// want dark while the desktop is light.
type deskTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	pinned  bool
}

func NewDeskTheme(appearance string) fyne.Theme {
	switch appearance {
	case AppearanceLight:
		return &deskTheme{Theme: theme.DefaultTheme(), variant: theme.VariantLight, pinned: true}
	case AppearanceDark:
		return &deskTheme{Theme: theme.DefaultTheme(), variant: theme.VariantDark, pinned: true}
	}
	return &deskTheme{Theme: theme.DefaultTheme()}
}

func (t *deskTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.pinned {
		v = t.variant
	}
	if name == theme.ColorNameInputBorder {
		return inputBorder(v)
	}
	return t.Theme.Color(name, v)
}

// inputBorder outlines the tick boxes and radios not chosen, and the
// entries. Fyne's own (#e3e3e3 on white, #39393a on near-black) is under
// 1.5:1, so an unticked box all but vanishes; these stand at the 3:1 WCAG
// 2.1 (1.4.11, non-text contrast) asks of a control's boundary, against
// both the window's background and the box's own fill.
func inputBorder(v fyne.ThemeVariant) color.Color {
	if v == theme.VariantDark {
		return color.NRGBA{R: 0x78, G: 0x78, B: 0x7a, A: 0xff}
	}
	return color.NRGBA{R: 0x86, G: 0x86, B: 0x88, A: 0xff}
}

// AlertRed is the medical alert's background: dark enough that white bold
// text on it reads at better than 6:1 in both light and dark themes.
var AlertRed = color.NRGBA{R: 0xB3, G: 0x26, B: 0x1E, A: 0xFF}

// ReferRed is the "refer before treating" banner, darker than the
// contraindications' red so the two are told apart; white text on it
// reads at better than 9:1.
var ReferRed = color.NRGBA{R: 0x7F, G: 0x12, B: 0x12, A: 0xFF}

// CautionAmber is the amber alert's background, under dark text.
var CautionAmber = color.NRGBA{R: 0xFF, G: 0xD5, B: 0x4F, A: 0xFF}

// AlertTheme paints text inside the medical alert white.
type AlertTheme struct{ fyne.Theme }

func (t AlertTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch name {
	case theme.ColorNameForeground:
		return color.White
	case theme.ColorNameBackground:
		return AlertRed
	}
	return t.Theme.Color(name, v)
}

// SampleTheme paints the "Sample data" banner's text dark on amber.
type SampleTheme struct{ fyne.Theme }

var SampleAmber = color.NRGBA{R: 0xFF, G: 0xC1, B: 0x07, A: 0xFF}

func (t SampleTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if name == theme.ColorNameForeground {
		return color.NRGBA{R: 0x21, G: 0x21, B: 0x21, A: 0xFF}
	}
	return t.Theme.Color(name, v)
}

// CompactTheme tightens the padding inside the session form's tag checks
// and side buttons, so five vocabularies fit beside the notes on a laptop
// screen. Everything else is asked of the desk's theme at the time of the
// call, so the tags follow a switch between light and dark.
type CompactTheme struct{}

func (CompactTheme) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t CompactTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.current().Color(name, v)
}

func (t CompactTheme) Font(s fyne.TextStyle) fyne.Resource { return t.current().Font(s) }

func (t CompactTheme) Icon(name fyne.ThemeIconName) fyne.Resource { return t.current().Icon(name) }

func (t CompactTheme) Size(name fyne.ThemeSizeName) float32 {
	size := t.current().Size(name)
	switch name {
	case theme.SizeNameInnerPadding:
		return size * 0.75
	case theme.SizeNameInlineIcon:
		return size * 0.9 // an icon button as tall as an entry of Liberation Sans
	}
	return size
}
