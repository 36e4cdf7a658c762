package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// outlineColours are the theme colours a check's or a radio's icons are
// drawn in: its outline, and its fill.
func outlineColours(t *testing.T, o fyne.Widget) []fyne.ThemeColorName {
	t.Helper()
	var names []fyne.ThemeColorName
	for _, obj := range test.WidgetRenderer(o).Objects() {
		img, ok := obj.(*canvas.Image)
		if !ok {
			continue
		}
		if res, ok := img.Resource.(*theme.ThemedResource); ok {
			names = append(names, res.ColorName)
		}
	}
	return names
}

// An unticked box and an unchosen radio show their outline at the 3:1
// WCAG 2.1 asks of a control's boundary (1.4.11), against the window's
// background and against the box's own fill, in light and in dark.
func TestUnchosenTickBoxesAndRadiosStandOutFromTheBackground(t *testing.T) {
	for _, appearance := range []string{AppearanceLight, AppearanceDark} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(NewDeskTheme(appearance))
		th, variant := a.Settings().Theme(), a.Settings().ThemeVariant()
		check := widget.NewCheck("Show archived", nil)
		radio := widget.NewRadioGroup([]string{"Names", "Notes"}, nil)
		test.NewTempWindow(t, widget.NewForm(widget.NewFormItem("", check), widget.NewFormItem("", radio)))
		item := test.WidgetRenderer(radio).Objects()[1].(fyne.Widget) // "Notes", not chosen

		for what, w := range map[string]fyne.Widget{"tick box": check, "radio": item} {
			names := outlineColours(t, w)
			if len(names) == 0 {
				t.Fatalf("%s: no themed outline among the %s's objects", appearance, what)
			}
			for _, name := range names {
				if name == theme.ColorNameInputBackground || name == theme.ColorNameBackground {
					continue // the fill inside the outline
				}
				ink := th.Color(name, variant)
				for _, ground := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground} {
					if c := contrast(ink, th.Color(ground, variant)); c < 3 {
						t.Errorf("%s %s: its outline (%s %v) against %s is %.2f:1, want 3:1", appearance, what, name, ink, ground, c)
					}
				}
			}
		}
	}
}
