package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// List is widget.List as a keyboard user expects it: Enter opens the
// highlighted row as Space does, and Escape reaches the window.
type List struct {
	widget.List
	// OnFocus is told when Tab reaches the list, to bring it into view on
	// a page that scrolls.
	OnFocus func()
	focused bool
}

// FocusGained rings the list as a button is ringed: Fyne marks a focused
// list only by the faint hover shade of one row, a Tab stop that seems to
// show nothing.
func (l *List) FocusGained() {
	l.focused = true
	l.List.FocusGained()
	l.Refresh()
	if l.OnFocus != nil {
		l.OnFocus()
	}
}

func (l *List) FocusLost() {
	l.focused = false
	l.List.FocusLost()
	l.Refresh()
}

func (l *List) CreateRenderer() fyne.WidgetRenderer {
	return newRingRenderer(l.List.CreateRenderer(), l, &l.focused)
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
