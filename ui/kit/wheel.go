package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// WheelTo is an invisible layer, laid over a scroll's content, that hands
// every turn of the mouse wheel to Target. The window gives the wheel to
// the innermost scrollable thing under the pointer, which over a form is
// often a multi-line field scrolling its own two lines: the page stops
// while the pointer crosses it. Laid last, over the fields, this layer is
// that innermost thing; it takes no tap, key or focus, so the fields
// under it work as before.
type WheelTo struct {
	widget.BaseWidget
	Target fyne.Scrollable
}

// NewWheelTo hands the wheel to target (set later when nil).
func NewWheelTo(target fyne.Scrollable) *WheelTo {
	w := &WheelTo{Target: target}
	w.ExtendBaseWidget(w)
	return w
}

// Scrolled scrolls the target.
func (w *WheelTo) Scrolled(ev *fyne.ScrollEvent) {
	if w.Target != nil {
		w.Target.Scrolled(ev)
	}
}

func (w *WheelTo) MinSize() fyne.Size { return fyne.Size{} }

func (w *WheelTo) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
