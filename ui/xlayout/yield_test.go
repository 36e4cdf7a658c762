package xlayout

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// The second part gives way: its own height when both fit, less (down to
// its floor) while the main part keeps its own, and none before the main
// part would be squeezed below its floor. A second part its owner hid
// takes no room at any height.
func TestYieldGivesTheMainPartItsHeightFirst(t *testing.T) {
	test.NewTempApp(t)
	main, second := canvas.NewRectangle(nil), canvas.NewRectangle(nil)
	main.SetMinSize(fyne.NewSize(100, 200))
	second.SetMinSize(fyne.NewSize(100, 200))
	box := container.NewStack(second)
	y := Yield{Floor: 0.75}
	c := container.New(y, main, box)
	w := test.NewTempWindow(t, c)
	w.SetPadded(false)
	gap := y.gap()

	for _, tc := range []struct {
		height, main, second float32
	}{
		{500 + gap, 250, 250}, // room for both: they share the rest
		{380 + gap, 200, 180}, // short: the main part keeps its own
		{310 + gap, 160, 150}, // shorter: both at their floors or above
		{290 + gap, 290 + gap, 0},
	} {
		w.Resize(fyne.NewSize(100, tc.height))
		got := second.Size().Height
		if !box.Visible() {
			got = 0
		}
		if main.Size().Height != tc.main || got != tc.second {
			t.Errorf("at %v high: main %v, second %v (shown %v); want %v, %v", tc.height, main.Size().Height, got,
				box.Visible(), tc.main, tc.second)
		}
		if box.Visible() && box.Position().Y < main.Size().Height {
			t.Errorf("at %v high: the second part starts at %v, inside the main one", tc.height, box.Position().Y)
		}
	}
	second.Hide()
	w.Resize(fyne.NewSize(100, 500))
	if main.Size().Height != 500 || c.MinSize().Height != 200 {
		t.Errorf("with nothing to show below, main %v of 500, minimum %v", main.Size().Height, c.MinSize().Height)
	}
}
