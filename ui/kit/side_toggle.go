package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sideToggle is a small L / R / Both button beside a location or muscle.
// Unlike widget.Button it takes no keyboard focus: Tab goes from term to
// term, and a focused term takes the keys L, R and B for its side, so a
// long vocabulary costs one Tab per term instead of four.
type sideToggle struct {
	widget.BaseWidget
	Text     string
	Icon     fyne.Resource // drawn instead of Text when set
	inField  bool          // an entry's action item: sized to its line
	On       bool
	OnTapped func()
	hovered  bool
}

func newSideToggle(text string, tapped func()) *sideToggle {
	t := &sideToggle{Text: text, OnTapped: tapped}
	t.ExtendBaseWidget(t)
	return t
}

// SetOn shows the toggle as the chosen side, or not.
func (t *sideToggle) SetOn(on bool) {
	if t.On != on {
		t.On = on
		t.Refresh()
	}
}

func (t *sideToggle) Tapped(*fyne.PointEvent) {
	if t.OnTapped != nil {
		t.OnTapped()
	}
}

func (t *sideToggle) MouseIn(*desktop.MouseEvent)    { t.hovered = true; t.Refresh() }
func (t *sideToggle) MouseMoved(*desktop.MouseEvent) {}
func (t *sideToggle) MouseOut()                      { t.hovered = false; t.Refresh() }
func (t *sideToggle) Cursor() desktop.Cursor         { return desktop.PointerCursor }

func (t *sideToggle) CreateRenderer() fyne.WidgetRenderer {
	r := &sideToggleRenderer{t: t, bg: canvas.NewRectangle(nil), text: canvas.NewText(t.Text, nil)}
	if t.Icon != nil {
		r.icon = canvas.NewImageFromResource(theme.NewThemedResource(t.Icon))
		r.icon.FillMode = canvas.ImageFillContain
	}
	r.text.TextStyle.Bold = true
	r.text.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type sideToggleRenderer struct {
	t    *sideToggle
	bg   *canvas.Rectangle
	text *canvas.Text
	icon *canvas.Image // nil for a text toggle
}

func (r *sideToggleRenderer) MinSize() fyne.Size {
	// The widget's own theme: the session form draws its tags compact.
	pad := r.t.Theme().Size(theme.SizeNameInnerPadding)
	s := r.text.MinSize()
	if r.icon != nil || r.t.inField {
		// Inside an entry, beside its text: no taller than the text line.
		return fyne.NewSquareSize(s.Height)
	}
	return fyne.NewSize(max(s.Width+pad*1.5, s.Height+pad), s.Height+pad*2)
}

func (r *sideToggleRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.text.Resize(size)
	if r.icon != nil {
		side := min(size.Width, size.Height) * 0.7
		r.icon.Resize(fyne.NewSquareSize(side))
		r.icon.Move(fyne.NewPos((size.Width-side)/2, (size.Height-side)/2))
	}
}

func (r *sideToggleRenderer) Refresh() {
	th := r.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.text.Text = r.t.Text
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	switch {
	case r.t.On:
		r.bg.FillColor = th.Color(theme.ColorNamePrimary, v)
		r.text.Color = th.Color(theme.ColorNameForegroundOnPrimary, v)
	case r.t.hovered:
		r.bg.FillColor = th.Color(theme.ColorNameHover, v)
		r.text.Color = th.Color(theme.ColorNameForeground, v)
	default:
		r.bg.FillColor = th.Color(theme.ColorNameButton, v)
		r.text.Color = th.Color(theme.ColorNameForeground, v)
	}
	r.bg.Refresh()
	r.text.Refresh()
}

func (r *sideToggleRenderer) Objects() []fyne.CanvasObject {
	if r.icon != nil {
		return []fyne.CanvasObject{r.bg, r.icon}
	}
	return []fyne.CanvasObject{r.bg, r.text}
}
func (r *sideToggleRenderer) Destroy() {}
