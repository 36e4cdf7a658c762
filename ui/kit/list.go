package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// List is widget.List as a keyboard user expects it: Enter opens the
// highlighted row as Space does, and Escape reaches the window.
type List struct {
	widget.List
}

// NewList is widget.NewList with List's keys.
func NewList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey selects the highlighted row on Enter, as on Space.
func (l *List) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	case fyne.KeyEscape:
		toWindow(l, k)
	default:
		l.List.TypedKey(k)
	}
}
