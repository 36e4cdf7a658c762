package xlayout

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestAsideSitsBesideOnlyWhereTheMainPartKeepsItsWidth(t *testing.T) {
	test.NewTempApp(t)
	main, side := canvas.NewRectangle(nil), canvas.NewRectangle(nil)
	main.SetMinSize(fyne.NewSize(100, 50))
	side.SetMinSize(fyne.NewSize(80, 120))
	a := NewAside(main, side, func() float32 { return 300 })
	a.Indent = func() float32 { return 40 }
	w := test.NewTempWindow(t, a)
	w.SetPadded(false)

	w.Resize(fyne.NewSize(500, 300))
	if !a.Beside(500) || main.Size().Width+a.gap()+side.Size().Width != 500 || side.Position().Y != 0 {
		t.Errorf("at 500 wide: main %v, side at %v %v", main.Size(), side.Position(), side.Size())
	}
	w.Resize(fyne.NewSize(350, 300))
	if a.Beside(350) || main.Size().Width != 350 || side.Position().X != 40 || side.Position().Y < main.Size().Height {
		t.Errorf("at 350 wide: main %v, side at %v", main.Size(), side.Position())
	}
	if got := a.MinSize().Height; got < 50+120 {
		t.Errorf("below, the minimum height %v does not hold both", got)
	}
	side.Hide()
	a.Refresh()
	if main.Size().Width != 350 {
		t.Errorf("with nothing aside the main part gets %v of 350", main.Size().Width)
	}
}
