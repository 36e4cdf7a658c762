package xlayout

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Aside shows a main part with a smaller one at its trailing edge when the
// main part keeps the width it needs beside it, else the smaller one below
// the main part at its own size, at the leading edge: the words are never
// cut for a picture. Like Pair, its height follows its width.
type Aside struct {
	widget.BaseWidget
	main, aside fyne.CanvasObject
	// needs is the width the main part wants to show whole.
	needs func() float32
	width float32
	// Indent, when set, is how far from the leading edge the smaller part
	// sits below the main one (under a column of values, say).
	Indent func() float32
}

// NewAside puts aside beside main when main keeps needs() beside it.
func NewAside(main, aside fyne.CanvasObject, needs func() float32) *Aside {
	a := &Aside{main: main, aside: aside, needs: needs}
	a.ExtendBaseWidget(a)
	return a
}

func (a *Aside) gap() float32 { return theme.Padding() * 2 }

// Beside tells whether, at width, the smaller part sits beside the main
// one (or is hidden, which needs no room).
func (a *Aside) Beside(width float32) bool {
	if !a.aside.Visible() {
		return true
	}
	return width >= a.needs()+a.gap()+a.aside.MinSize().Width
}

func (a *Aside) Resize(size fyne.Size) {
	resizeByWidth(&a.BaseWidget, &a.width, size, a.Beside)
}

func (a *Aside) CreateRenderer() fyne.WidgetRenderer { return &asideRenderer{a: a} }

type asideRenderer struct{ a *Aside }

func (r *asideRenderer) MinSize() fyne.Size {
	m, s := r.a.main.MinSize(), r.a.aside.MinSize()
	switch {
	case !r.a.aside.Visible():
		return m
	case r.a.Beside(r.a.width):
		return fyne.NewSize(m.Width+r.a.gap()+s.Width, max(m.Height, s.Height))
	default:
		// and room below the smaller part too, as a label pads itself
		return fyne.NewSize(max(m.Width, s.Width), m.Height+r.a.gap()+s.Height+theme.Padding())
	}
}

func (r *asideRenderer) Layout(size fyne.Size) {
	m, s := r.a.main.MinSize(), r.a.aside.MinSize()
	r.a.main.Move(fyne.NewPos(0, 0))
	switch {
	case !r.a.aside.Visible():
		r.a.main.Resize(size)
	case r.a.Beside(size.Width):
		r.a.main.Resize(fyne.NewSize(size.Width-r.a.gap()-s.Width, size.Height))
		// the full height: a centring container centres it on the line
		r.a.aside.Move(fyne.NewPos(size.Width-s.Width, 0))
		r.a.aside.Resize(fyne.NewSize(s.Width, size.Height))
	default:
		r.a.main.Resize(fyne.NewSize(size.Width, m.Height))
		x := float32(0)
		if r.a.Indent != nil {
			x = min(r.a.Indent(), max(0, size.Width-s.Width))
		}
		r.a.aside.Move(fyne.NewPos(x, m.Height+r.a.gap()))
		r.a.aside.Resize(s)
	}
}

func (r *asideRenderer) Refresh() { r.Layout(r.a.Size()) }
func (r *asideRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.a.main, r.a.aside}
}
func (r *asideRenderer) Destroy() {}
