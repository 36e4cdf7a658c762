package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Appearance choices offered in Settings; "System" follows the desktop.
const (
	appearanceSystem = "System"
	appearanceLight  = "Light"
	appearanceDark   = "Dark"
)

// deskTheme is Fyne's theme, optionally pinned to light or dark. Fyne 2.7
// only follows the desktop, and a therapist in a dim treatment room may
// want dark while the desktop is light.
type deskTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	pinned  bool
}

func newDeskTheme(appearance string) fyne.Theme {
	switch appearance {
	case appearanceLight:
		return &deskTheme{Theme: theme.DefaultTheme(), variant: theme.VariantLight, pinned: true}
	case appearanceDark:
		return &deskTheme{Theme: theme.DefaultTheme(), variant: theme.VariantDark, pinned: true}
	}
	return &deskTheme{Theme: theme.DefaultTheme()}
}

func (t *deskTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.pinned {
		v = t.variant
	}
	return t.Theme.Color(name, v)
}

// alertRed is the medical alert's background: dark enough that white bold
// text on it reads at better than 6:1 in both light and dark themes.
var alertRed = color.NRGBA{R: 0xB3, G: 0x26, B: 0x1E, A: 0xFF}

// referRed is the "refer before treating" banner, darker than the
// contraindications' red so the two are told apart; white text on it
// reads at better than 9:1.
var referRed = color.NRGBA{R: 0x7F, G: 0x12, B: 0x12, A: 0xFF}

// cautionAmber is the amber alert's background, under dark text.
var cautionAmber = color.NRGBA{R: 0xFF, G: 0xD5, B: 0x4F, A: 0xFF}

// alertTheme paints text inside the medical alert white.
type alertTheme struct{ fyne.Theme }

func (t alertTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch name {
	case theme.ColorNameForeground:
		return color.White
	case theme.ColorNameBackground:
		return alertRed
	}
	return t.Theme.Color(name, v)
}

// sampleTheme paints the "Sample data" banner's text dark on amber.
type sampleTheme struct{ fyne.Theme }

var sampleAmber = color.NRGBA{R: 0xFF, G: 0xC1, B: 0x07, A: 0xFF}

func (t sampleTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if name == theme.ColorNameForeground {
		return color.NRGBA{R: 0x21, G: 0x21, B: 0x21, A: 0xFF}
	}
	return t.Theme.Color(name, v)
}

// compactTheme tightens the padding inside the session form's tag checks
// and side buttons, so five vocabularies fit beside the notes on a laptop
// screen. Everything else is asked of the desk's theme at the time of the
// call, so the tags follow a switch between light and dark.
type compactTheme struct{}

func (compactTheme) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t compactTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.current().Color(name, v)
}

func (t compactTheme) Font(s fyne.TextStyle) fyne.Resource { return t.current().Font(s) }

func (t compactTheme) Icon(name fyne.ThemeIconName) fyne.Resource { return t.current().Icon(name) }

func (t compactTheme) Size(name fyne.ThemeSizeName) float32 {
	size := t.current().Size(name)
	switch name {
	case theme.SizeNameInnerPadding:
		return size * 0.75
	case theme.SizeNameInlineIcon:
		return size * 0.9 // an icon button as tall as an entry of Liberation Sans
	}
	return size
}
