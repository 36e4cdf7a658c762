package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Button is widget.Button as a keyboard user expects it: Enter presses it
// as well as Space, keys it has no use for (Escape, the arrows) reach the
// window as if nothing were focused, and a ring in the text colour shows
// focus on every importance, in light and dark. The ring stands a little
// outside the button, on the window's background: drawn on the blue of
// Save or the red of Discard, a light ring is lost in the fill.
type Button struct {
	widget.Button
	focused bool
	// spaceDown: the desktop driver said Space went down here, so its
	// character follows, and the button presses with that.
	spaceDown bool
	// OnFocus is told when the focus comes, to scroll the button into view.
	OnFocus func()
}

func NewButton(label string, tapped func()) *Button {
	return NewButtonWithIcon(label, nil, tapped)
}

func NewButtonWithIcon(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Space or Enter and hands the rest to the
// window. The desktop driver follows a Space with its character, which
// goes to whatever has the focus by then: a button that closed its
// dialog on the key would hand the space to the field or tick box
// beneath (ticking it off). So from the keyboard the button presses on
// the character, which is then its own; a Space with no key going down
// first (a test, an assistive tool) presses at once.
func (b *Button) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeySpace:
		if !b.spaceDown {
			b.press()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		b.press()
	default:
		toWindow(b, k)
	}
}

// TypedRune presses the button on the character of Space.
func (b *Button) TypedRune(r rune) {
	if r == ' ' {
		b.spaceDown = false
		b.press()
	}
}

// KeyDown and KeyUp are the desktop driver's: Space going down means its
// character follows; up with none come, it presses.
func (b *Button) KeyDown(k *fyne.KeyEvent) {
	if k.Name == fyne.KeySpace {
		b.spaceDown = true
	}
}

func (b *Button) KeyUp(k *fyne.KeyEvent) {
	if k.Name == fyne.KeySpace && b.spaceDown {
		b.spaceDown = false
		b.press()
	}
}

func (b *Button) press() {
	if !b.Disabled() {
		b.Tapped(nil)
	}
}

// toWindow hands a key a focused widget has no use for to its window, as
// if nothing were focused: the window gives it to the layer on top.
func toWindow(o fyne.CanvasObject, k *fyne.KeyEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(k)
	}
}

func (b *Button) FocusGained() {
	b.focused = true
	b.Button.FocusGained()
	if b.OnFocus != nil {
		b.OnFocus()
	}
}

func (b *Button) FocusLost() {
	b.focused, b.spaceDown = false, false
	b.Button.FocusLost()
}

func (b *Button) CreateRenderer() fyne.WidgetRenderer {
	return newRingRenderer(b.Button.CreateRenderer(), b, &b.focused)
}

// ringRenderer draws a focus ring around a widget while it has the focus.
type ringRenderer struct {
	fyne.WidgetRenderer
	w       fyne.Widget
	focused *bool
	ring    *canvas.Rectangle
}

func newRingRenderer(r fyne.WidgetRenderer, w fyne.Widget, focused *bool) *ringRenderer {
	ring := canvas.NewRectangle(nil)
	ring.Hidden = !*focused
	return &ringRenderer{WidgetRenderer: r, w: w, focused: focused, ring: ring}
}

// ringGap is how far outside the widget its focus ring is drawn.
const ringGap = 3

func (r *ringRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.ring.Move(fyne.NewPos(-ringGap, -ringGap))
	r.ring.Resize(size.AddWidthHeight(2*ringGap, 2*ringGap))
}

func (r *ringRenderer) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.ring)
}

func (r *ringRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	th := fyne.CurrentApp().Settings().Theme()
	if t, ok := r.w.(interface{ Theme() fyne.Theme }); ok {
		th = t.Theme()
	}
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.ring.FillColor = nil
	r.ring.StrokeColor = th.Color(theme.ColorNameForeground, v)
	r.ring.StrokeWidth = 2
	r.ring.CornerRadius = th.Size(theme.SizeNameInputRadius) + ringGap
	r.ring.Hidden = !*r.focused
	r.ring.Refresh()
}
