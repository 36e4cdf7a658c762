package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// DialogButtons lays a form's buttons out left to right with the primary
// last, where a dialog's confirm sits, yet puts the primary first in the
// focus order: Tab from the form's last field lands on Save, not Cancel.
func DialogButtons(primary fyne.CanvasObject, others ...fyne.CanvasObject) *fyne.Container {
	return container.New(primaryLast{}, append([]fyne.CanvasObject{primary}, others...)...)
}

// primaryLast draws its first object at the right end of the row.
type primaryLast struct{}

func (primaryLast) drawn(objects []fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range append(objects[1:len(objects):len(objects)], objects[0]) {
		if o.Visible() {
			out = append(out, o)
		}
	}
	return out
}

func (l primaryLast) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range l.drawn(objects) {
		m := o.MinSize()
		s.Width += m.Width
		if i > 0 {
			s.Width += theme.Padding()
		}
		s.Height = max(s.Height, m.Height)
	}
	return s
}

func (l primaryLast) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for _, o := range l.drawn(objects) {
		w := o.MinSize().Width
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + theme.Padding()
	}
}
