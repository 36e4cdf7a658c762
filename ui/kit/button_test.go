package kit

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// luminance is a colour's relative luminance (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// The focus ring of the blue and the red buttons stands outside the fill,
// on the window's background, at the 3:1 WCAG asks of a focus indicator,
// in light and dark.
func TestTheFocusRingShowsOnBlueAndRedButtons(t *testing.T) {
	for _, appearance := range []string{AppearanceLight, AppearanceDark} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(NewDeskTheme(appearance))
		variant := a.Settings().ThemeVariant()
		for _, imp := range []widget.Importance{widget.HighImportance, widget.DangerImportance} {
			b := NewButton("Save", nil)
			b.Importance = imp
			w := test.NewTempWindow(t, container.NewCenter(b))
			w.Resize(fyne.NewSize(300, 200))
			w.Canvas().Focus(b)
			objects := test.WidgetRenderer(b).Objects()
			ring := objects[len(objects)-1].(*canvas.Rectangle)
			if ring.Hidden {
				t.Fatalf("%s, importance %v: no ring on the focused button", appearance, imp)
			}
			if ring.Position().X >= 0 || ring.Size().Width <= b.Size().Width {
				t.Errorf("%s, importance %v: the ring (at %v, %v) is drawn on the button's fill (%v)",
					appearance, imp, ring.Position(), ring.Size(), b.Size())
			}
			bg := a.Settings().Theme().Color(theme.ColorNameBackground, variant)
			if c := contrast(ring.StrokeColor, bg); c < 3 {
				t.Errorf("%s, importance %v: the ring's contrast with the background is %.1f:1, want 3:1", appearance, imp, c)
			}
		}
	}
}
