package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"backtrack/store"
)

// screens are the two sizes a therapist's laptop is likely to have.
var screens = []fyne.Size{{Width: 1024, Height: 700}, {Width: 1280, Height: 800}}

func TestTheErrorFooterLeavesTheTechniquesRowInViewAboveIt(t *testing.T) {
	for _, size := range screens {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			// given a note saved and signed with no therapist's name in Settings
			d, f := formOnScreen(t, size.Width, size.Height)
			typeInto(d, f.Subjective, "Stiff after gardening")
			press(t, d, shortcutSign)
			if !strings.Contains(f.Problems.Summary.Text, "Add your name") {
				t.Fatalf("no sentence at the buttons: %q", f.Problems.Summary.Text)
			}
			drv := fyne.CurrentApp().Driver()
			window := d.window.Canvas().Size()

			// then the buttons stay a line high at the bottom of the window
			save := drv.AbsolutePositionForObject(f.Save)
			if f.Save.Size().Height > 2*f.Date.MinSize().Height || save.Y+f.Save.Size().Height > window.Height {
				t.Errorf("Save at y=%v is %v high in a window %v high", save.Y, f.Save.Size().Height, window.Height)
			}
			// and the sentence is in the window, above the buttons
			summary := drv.AbsolutePositionForObject(f.Problems.Summary)
			if summary.Y+f.Problems.Summary.Size().Height > save.Y {
				t.Errorf("the sentence (y=%v, %v high) runs into the buttons at y=%v", summary.Y, f.Problems.Summary.Size().Height, save.Y)
			}
			// and Tab to the Techniques row shows it whole inside the scroll,
			// the scroll ending above the footer
			techniques := f.Pickers[store.Technique]
			act(d, func() { d.window.Canvas().Focus(techniques.AddName) })
			if !visibleInScroll(f, techniques.Content) {
				t.Errorf("the Techniques row (%v high) is cut: the scroll is %v high, offset %v",
					techniques.Content.Size().Height, f.Scroll.Size().Height, f.Scroll.Offset.Y)
			}
			scrollEnd := drv.AbsolutePositionForObject(f.Scroll).Y + f.Scroll.Size().Height
			if scrollEnd > summary.Y {
				t.Errorf("the scroll ends at y=%v, under the sentence at y=%v", scrollEnd, summary.Y)
			}
		})
	}
}

func TestAHintUnderATagRowMovesNothing(t *testing.T) {
	for _, size := range screens {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			// given the form, the fields under the triggers where they are drawn
			d, f := formOnScreen(t, size.Width, size.Height)
			drv := fyne.CurrentApp().Driver()
			below := map[string]fyne.CanvasObject{
				"Other trigger": f.TriggerOther,
				"Muscles":       f.Pickers[store.Muscle].AddName,
				"Techniques":    f.Pickers[store.Technique].AddName,
				"Subjective":    f.Subjective,
				"Home care":     f.HomeCare,
				"Save":          f.Save,
			}
			triggers := f.Pickers[store.Trigger]
			act(d, func() { d.window.Canvas().Focus(triggers.AddName) })
			before := map[string]fyne.Position{}
			for name, o := range below {
				before[name] = drv.AbsolutePositionForObject(o)
			}

			// when the therapist types and the line under the row says what Enter will pick
			typeInto(d, triggers.AddName, "sit")
			if !triggers.Matches.Visible() || !strings.Contains(triggers.Matches.Text(), "Sitting") {
				t.Fatalf("no hint under the triggers: %q", triggers.Matches.Text())
			}

			// and the line is drawn just under the row
			flow := drv.AbsolutePositionForObject(triggers.Flow)
			if at := drv.AbsolutePositionForObject(triggers.Matches); at.Y < flow.Y+triggers.Flow.Size().Height-1 || at.X != flow.X {
				t.Errorf("the hint is at %v, the row at %v, %v high", at, flow, triggers.Flow.Size().Height)
			}
			// then nothing under it moved
			for name, o := range below {
				if now := drv.AbsolutePositionForObject(o); now != before[name] {
					t.Errorf("%s moved from %v to %v when the hint appeared", name, before[name], now)
				}
			}
		})
	}
}

func TestTheHintUnderTheLastTagRowStaysInTheWindow(t *testing.T) {
	// given the form on a laptop screen, where it fits without scrolling
	d, f := formOnScreen(t, 1280, 800)
	techniques := f.Pickers[store.Technique]
	act(d, func() { d.window.Canvas().Focus(techniques.AddName) })

	// when the therapist types in the last row
	typeInto(d, techniques.AddName, "mass")

	// then the line of what Enter will pick is drawn inside the form's scroll
	if !visibleInScroll(f, techniques.Matches) {
		drv := fyne.CurrentApp().Driver()
		t.Errorf("the hint at y=%v is outside the scroll (y=%v, %v high)",
			drv.AbsolutePositionForObject(techniques.Matches).Y, drv.AbsolutePositionForObject(f.Scroll).Y, f.Scroll.Size().Height)
	}
}
