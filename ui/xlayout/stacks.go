package xlayout

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// TightVBox stacks labels closer than a VBox does: each label already pads
// itself, so a VBox of two labels leaves a gap that wastes list rows.
type TightVBox struct{}

func (TightVBox) overlap() float32 { return theme.InnerPadding() * 0.75 }

func (t TightVBox) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	visible := 0
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		size.Width = max(size.Width, m.Width)
		size.Height += m.Height
		visible++
	}
	if visible > 1 {
		size.Height -= float32(visible-1) * t.overlap()
	}
	return size
}

func (t TightVBox) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - t.overlap()
	}
}

// NoteField stacks a caption, a growing text field and an error
// line. The caption overlaps its own bottom padding, so it reads as the
// field's label rather than as a line of its own.
type NoteField struct{}

func (NoteField) overlap() float32 { return theme.InnerPadding() * 0.75 }

func (l NoteField) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for _, o := range objects {
		if o.Visible() {
			m := o.MinSize()
			size.Width = max(size.Width, m.Width)
			size.Height += m.Height
		}
	}
	return fyne.NewSize(size.Width, size.Height-l.overlap())
}

func (l NoteField) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	caption, text, problem := objects[0], objects[1], objects[2]
	ch := caption.MinSize().Height
	caption.Move(fyne.NewPos(0, 0))
	caption.Resize(fyne.NewSize(size.Width, ch))
	bottom := size.Height
	if problem.Visible() {
		ph := problem.MinSize().Height
		bottom -= ph
		problem.Move(fyne.NewPos(0, bottom))
		problem.Resize(fyne.NewSize(size.Width, ph))
	}
	top := ch - l.overlap()
	text.Move(fyne.NewPos(0, top))
	text.Resize(fyne.NewSize(size.Width, max(bottom-top, text.MinSize().Height)))
}

// GrowStack stacks its objects top to bottom, in that order for Tab (a
// Border container would put its centre first), and gives the one at
// index grow whatever height the others leave.
type GrowStack struct{ grow int }

// NewGrowStack is a container of objects whose one at index grow takes
// the height the others leave.
func NewGrowStack(grow int, objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(GrowStack{grow: grow}, objects...)
}

func (GrowStack) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for _, o := range objects {
		m := o.MinSize()
		size.Width = max(size.Width, m.Width)
		size.Height += m.Height
	}
	return size.AddWidthHeight(0, theme.Padding()*float32(max(len(objects)-1, 0)))
}

func (g GrowStack) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	rest := size.Height - pad*float32(max(len(objects)-1, 0))
	for i, o := range objects {
		if i != g.grow {
			rest -= o.MinSize().Height
		}
	}
	y := float32(0)
	for i, o := range objects {
		h := o.MinSize().Height
		if i == g.grow {
			h = max(rest, h)
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + pad
	}
}

// InView lays its one object at the top of the space given, as high as
// that space but no higher than Height() (when above zero) and never below
// its own minimum: the charts beside a brief taller than the window stay
// within the window's view instead of stretching below its edge.
type InView struct {
	Height func() float32
}

func (v InView) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return objects[0].MinSize()
}

func (v InView) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	h := size.Height
	if limit := v.Height(); limit > 0 && limit < h {
		h = max(limit, objects[0].MinSize().Height)
	}
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(size.Width, h))
}
