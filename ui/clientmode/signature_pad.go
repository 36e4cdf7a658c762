package clientmode

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
)

// The pad's size in its own units, which are the screen's: a signature is
// kept in these, so it prints the same whatever the window's size.
const (
	padWidth  = 600
	padHeight = 200
)

// SignaturePad is where the client signs with a finger, a stylus or the
// mouse: each drag draws a stroke, kept as timed points (store.Signature).
// A tap leaves a dot, as a pen does.
type SignaturePad struct {
	widget.BaseWidget
	// OnChanged is called after each stroke and after Clear.
	OnChanged func()

	sig      store.Signature
	drawing  bool
	start    time.Time
	now      func() time.Time
	tooLarge bool
}

// NewSignaturePad is an empty pad; now is the clock its timing reads.
func NewSignaturePad(now func() time.Time) *SignaturePad {
	p := &SignaturePad{now: now, sig: store.Signature{Width: padWidth, Height: padHeight}}
	p.ExtendBaseWidget(p)
	return p
}

// Signature is what was drawn.
func (p *SignaturePad) Signature() store.Signature {
	if p.sig.Empty() {
		return store.Signature{}
	}
	out := p.sig
	out.Strokes = append([]store.Stroke(nil), p.sig.Strokes...)
	return out
}

// Clear wipes the pad to sign again.
func (p *SignaturePad) Clear() {
	p.sig.Strokes, p.drawing, p.tooLarge = nil, false, false
	p.Refresh()
	p.changed()
}

// TooLarge reports a signature that reached its bounds: the last points
// were not taken, and the page asks the client to clear it.
func (p *SignaturePad) TooLarge() bool { return p.tooLarge }

func (p *SignaturePad) changed() {
	if p.OnChanged != nil {
		p.OnChanged()
	}
}

// point is where pos is in the pad's units, inside the pad, with its time.
func (p *SignaturePad) point(pos fyne.Position) store.SignaturePoint {
	if p.sig.Empty() && !p.drawing {
		p.start = p.now()
	}
	size := p.Size()
	x, y := pos.X, pos.Y
	if size.Width > 0 && size.Height > 0 {
		x, y = pos.X*padWidth/size.Width, pos.Y*padHeight/size.Height
	}
	clamp := func(v float32, max int) int { return int(min(max32(v, 0), float32(max)) + 0.5) }
	return store.SignaturePoint{X: clamp(x, padWidth), Y: clamp(y, padHeight), T: int(p.now().Sub(p.start).Milliseconds())}
}

func max32(a, b float32) float32 {
	if a > b {
		return a
	}
	return b
}

// room reports whether another point (and, when opening a stroke, another
// stroke) stays within the signature's bounds.
func (p *SignaturePad) room(newStroke bool) bool {
	if p.sig.Points() >= store.SignatureMaxPoints || (newStroke && len(p.sig.Strokes) >= store.SignatureMaxStrokes) {
		p.tooLarge = true
		return false
	}
	return true
}

// Dragged extends the stroke being drawn, or opens one where the drag
// began.
func (p *SignaturePad) Dragged(e *fyne.DragEvent) {
	if !p.drawing {
		if !p.room(true) {
			return
		}
		from := e.Position.Subtract(fyne.NewPos(e.Dragged.DX, e.Dragged.DY))
		p.sig.Strokes = append(p.sig.Strokes, store.Stroke{p.point(from)})
		p.drawing = true
	}
	if !p.room(false) {
		return
	}
	last := &p.sig.Strokes[len(p.sig.Strokes)-1]
	*last = append(*last, p.point(e.Position))
	p.Refresh()
}

// DragEnd closes the stroke.
func (p *SignaturePad) DragEnd() {
	if p.drawing {
		p.drawing = false
		p.changed()
	}
}

// Tapped leaves a dot.
func (p *SignaturePad) Tapped(e *fyne.PointEvent) {
	if !p.room(true) {
		return
	}
	pt := p.point(e.Position)
	p.sig.Strokes = append(p.sig.Strokes, store.Stroke{pt, pt})
	p.Refresh()
	p.changed()
}

func (p *SignaturePad) MinSize() fyne.Size { return fyne.NewSize(padWidth, padHeight) }

func (p *SignaturePad) CreateRenderer() fyne.WidgetRenderer {
	r := &padRenderer{pad: p, frame: canvas.NewRectangle(color.Transparent), baseline: canvas.NewLine(color.Gray{Y: 0x99}),
		hint: canvas.NewText("Sign here", color.Gray{Y: 0x99})}
	r.frame.StrokeWidth = 2
	r.hint.TextSize = theme.TextSize()
	r.Refresh()
	return r
}

type padRenderer struct {
	pad      *SignaturePad
	frame    *canvas.Rectangle
	baseline *canvas.Line
	hint     *canvas.Text
	lines    []fyne.CanvasObject
}

func (r *padRenderer) Layout(size fyne.Size) {
	r.frame.Resize(size)
	y := size.Height * 0.78
	r.baseline.Position1, r.baseline.Position2 = fyne.NewPos(16, y), fyne.NewPos(size.Width-16, y)
	r.hint.Move(fyne.NewPos(20, y+4))
	r.layoutStrokes(size)
}

func (r *padRenderer) layoutStrokes(size fyne.Size) {
	sx, sy := size.Width/padWidth, size.Height/padHeight
	i := 0
	for _, st := range r.pad.sig.Strokes {
		for j := 1; j < len(st); j++ {
			l := r.lines[i].(*canvas.Line)
			l.Position1 = fyne.NewPos(float32(st[j-1].X)*sx, float32(st[j-1].Y)*sy)
			l.Position2 = fyne.NewPos(float32(st[j].X)*sx, float32(st[j].Y)*sy)
			i++
		}
	}
}

func (r *padRenderer) MinSize() fyne.Size { return r.pad.MinSize() }

func (r *padRenderer) Refresh() {
	ink := theme.Color(theme.ColorNameForeground)
	r.frame.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	r.frame.FillColor = theme.Color(theme.ColorNameInputBackground)
	n := 0
	for _, st := range r.pad.sig.Strokes {
		n += max(len(st)-1, 0)
	}
	for len(r.lines) < n {
		r.lines = append(r.lines, canvas.NewLine(ink))
	}
	r.lines = r.lines[:n]
	for _, o := range r.lines {
		l := o.(*canvas.Line)
		l.StrokeColor, l.StrokeWidth = ink, 3
	}
	r.hint.Hidden = n > 0
	r.layoutStrokes(r.pad.Size())
	canvas.Refresh(r.pad)
}

func (r *padRenderer) Objects() []fyne.CanvasObject {
	return append([]fyne.CanvasObject{r.frame, r.baseline, r.hint}, r.lines...)
}

func (r *padRenderer) Destroy() {}
