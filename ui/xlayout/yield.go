package xlayout

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Yield lays a main part above a second one that gives way to it, as the
// pain chart above the function chart: with room for both at their own
// heights, each gets its own and a share of the rest in proportion; in a short
// window the main part keeps its own height first, down to what the second
// can still be drawn at; shorter still, the second is hidden and the main
// part gets it all, rather than both being squeezed until neither draws.
//
// The objects are the main part and a box around the second part, whose
// visibility Yield sets; the second part's own visibility (no measures,
// say) is left to its owner.
type Yield struct {
	// Floor is the share of a part's own height it is still drawn at.
	Floor float32
}

func (y Yield) gap() float32 { return theme.Padding() }

// shown is whether the box holds something to show.
func shown(box fyne.CanvasObject) bool {
	if c, ok := box.(*fyne.Container); ok && len(c.Objects) == 1 {
		return c.Objects[0].Visible()
	}
	return true
}

// MinSize is both parts' own heights: the height the panel asks for when
// the window has it.
func (y Yield) MinSize(objects []fyne.CanvasObject) fyne.Size {
	main, second := objects[0].MinSize(), objects[1].MinSize()
	if !shown(objects[1]) {
		return main
	}
	return fyne.NewSize(max(main.Width, second.Width), main.Height+y.gap()+second.Height)
}

// Heights are the main part's and the second's at a given height (0: the
// second hidden).
func (y Yield) Heights(objects []fyne.CanvasObject, height float32) (main, second float32) {
	if !shown(objects[1]) {
		return height, 0
	}
	mainOwn, secondOwn := objects[0].MinSize().Height, objects[1].MinSize().Height
	switch room := height - y.gap(); {
	case room >= mainOwn+secondOwn:
		// the room beyond both shared in proportion: the second part grows
		// with the main one rather than staying at its smallest readable
		extra := room - mainOwn - secondOwn
		second = secondOwn + extra*secondOwn/(mainOwn+secondOwn)
		return room - second, second
	case room >= y.Floor*(mainOwn+secondOwn):
		second = max(y.Floor*secondOwn, room-mainOwn)
		return room - second, second
	default:
		return height, 0
	}
}

func (y Yield) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	main, second := y.Heights(objects, size.Height)
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(size.Width, main))
	box := objects[1]
	if second == 0 {
		box.Hide()
		return
	}
	box.Show()
	box.Move(fyne.NewPos(0, main+y.gap()))
	box.Resize(fyne.NewSize(size.Width, second))
}
