package xlayout

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Flow lays its items out left to right and wraps onto new lines, like
// words in a paragraph, so a vocabulary of any size takes as few rows as
// the width allows. Its height depends on its width: when a resize changes
// the number of lines, it refreshes so the layout around it makes room
// (the way Fyne's wrapping text does).
type Flow struct {
	widget.BaseWidget
	Objects []fyne.CanvasObject
	width   float32 // the width it was last laid out at
}

// NewFlow is a Flow of objects.
func NewFlow(objects ...fyne.CanvasObject) *Flow {
	f := &Flow{Objects: objects}
	f.ExtendBaseWidget(f)
	return f
}

// Add appends an item.
func (f *Flow) Add(o fyne.CanvasObject) {
	f.Objects = append(f.Objects, o)
	f.Refresh()
}

// Insert puts an item at index i.
func (f *Flow) Insert(i int, o fyne.CanvasObject) {
	f.Objects = append(f.Objects[:i], append([]fyne.CanvasObject{o}, f.Objects[i:]...)...)
	f.Refresh()
}

func (f *Flow) Resize(size fyne.Size) {
	if size == f.Size() {
		return
	}
	before := f.heightAt(f.width)
	f.width = size.Width
	f.BaseWidget.Resize(size)
	if f.heightAt(size.Width) != before {
		f.Refresh()
	}
}

// place walks the items as laid out at width, calling at for each visible
// one, and returns the total height.
func (f *Flow) place(width float32, at func(o fyne.CanvasObject, pos fyne.Position, size fyne.Size)) float32 {
	pad := theme.Padding()
	x, y, line := float32(0), float32(0), float32(0)
	for _, o := range f.Objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && x+m.Width > width {
			x, y, line = 0, y+line+pad, 0
		}
		if at != nil {
			at(o, fyne.NewPos(x, y), m)
		}
		x += m.Width + pad
		line = max(line, m.Height)
	}
	return y + line
}

func (f *Flow) heightAt(width float32) float32 {
	if width <= 0 {
		width = f.widest()
	}
	return f.place(width, nil)
}

func (f *Flow) widest() float32 {
	var w float32
	for _, o := range f.Objects {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	return w
}

func (f *Flow) CreateRenderer() fyne.WidgetRenderer { return &flowRenderer{f: f} }

type flowRenderer struct{ f *Flow }

func (r *flowRenderer) Layout(size fyne.Size) {
	r.f.place(size.Width, func(o fyne.CanvasObject, pos fyne.Position, s fyne.Size) {
		o.Move(pos)
		o.Resize(s)
	})
}

// MinSize is as narrow as the widest item, as tall as the lines need at
// the current width.
func (r *flowRenderer) MinSize() fyne.Size {
	return fyne.NewSize(r.f.widest(), r.f.heightAt(r.f.width))
}

func (r *flowRenderer) Refresh() { r.Layout(r.f.Size()) }

func (r *flowRenderer) Objects() []fyne.CanvasObject { return r.f.Objects }
func (r *flowRenderer) Destroy()                     {}

// Pair shows two items side by side, each taking half the width, when
// there is room for both at a comfortable width; otherwise one above the
// other. Like Flow, its height follows its width.
type Pair struct {
	widget.BaseWidget
	first, second fyne.CanvasObject
	comfortable   float32 // the width each needs to sit side by side
	width         float32
	// ends puts the items at their own widths, the first at the leading
	// edge and the second at the trailing one (NewBar).
	ends bool
}

// NewPair is a Pair whose items sit side by side when each gets
// comfortable width.
func NewPair(comfortable float32, first, second fyne.CanvasObject) *Pair {
	p := &Pair{first: first, second: second, comfortable: comfortable}
	p.ExtendBaseWidget(p)
	return p
}

// NewBar is a bar of two groups of buttons: the first at the leading edge
// and the second at the trailing edge on one line when both fit, else the
// second on a line of its own below, still at the trailing edge.
func NewBar(first, second fyne.CanvasObject) *Pair {
	p := &Pair{first: first, second: second, ends: true}
	p.ExtendBaseWidget(p)
	return p
}

func (p *Pair) sideBySide(width float32) bool {
	if p.ends {
		return width >= p.first.MinSize().Width+theme.Padding()+p.second.MinSize().Width
	}
	return width >= 2*p.comfortable+theme.Padding()
}

func (p *Pair) Resize(size fyne.Size) {
	resizeByWidth(&p.BaseWidget, &p.width, size, p.sideBySide)
}

// resizeByWidth resizes a widget whose arrangement (and so its height)
// follows its width, and refreshes it when the arrangement changes, so the
// layout around it measures it again.
func resizeByWidth[T comparable](b *widget.BaseWidget, width *float32, size fyne.Size, arrangement func(float32) T) {
	if size == b.Size() {
		return
	}
	changed := arrangement(size.Width) != arrangement(*width)
	*width = size.Width
	b.Resize(size)
	if changed {
		b.Refresh()
	}
}

func (p *Pair) CreateRenderer() fyne.WidgetRenderer { return &pairRenderer{p: p} }

type pairRenderer struct{ p *Pair }

func (r *pairRenderer) MinSize() fyne.Size {
	a, b := r.p.first.MinSize(), r.p.second.MinSize()
	pad := theme.Padding()
	if r.p.sideBySide(r.p.width) {
		return fyne.NewSize(a.Width+pad+b.Width, max(a.Height, b.Height))
	}
	return fyne.NewSize(max(a.Width, b.Width), a.Height+pad+b.Height)
}

func (r *pairRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	if r.p.ends {
		r.layoutEnds(size)
		return
	}
	if r.p.sideBySide(size.Width) {
		half := (size.Width - pad) / 2
		r.p.first.Move(fyne.NewPos(0, 0))
		r.p.first.Resize(fyne.NewSize(half, size.Height))
		r.p.second.Move(fyne.NewPos(half+pad, 0))
		r.p.second.Resize(fyne.NewSize(half, size.Height))
		return
	}
	h := r.p.first.MinSize().Height
	r.p.first.Move(fyne.NewPos(0, 0))
	r.p.first.Resize(fyne.NewSize(size.Width, h))
	r.p.second.Move(fyne.NewPos(0, h+pad))
	r.p.second.Resize(fyne.NewSize(size.Width, size.Height-h-pad))
}

// layoutEnds puts a bar's groups at their own widths at either end, on
// one line or two.
func (r *pairRenderer) layoutEnds(size fyne.Size) {
	a, b := r.p.first.MinSize(), r.p.second.MinSize()
	r.p.first.Move(fyne.NewPos(0, 0))
	r.p.first.Resize(a)
	y := float32(0)
	if !r.p.sideBySide(size.Width) {
		y = a.Height + theme.Padding()
	}
	r.p.second.Move(fyne.NewPos(size.Width-b.Width, y))
	r.p.second.Resize(b)
}

func (r *pairRenderer) Refresh() { r.Layout(r.p.Size()) }
func (r *pairRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.p.first, r.p.second}
}
func (r *pairRenderer) Destroy() {}
