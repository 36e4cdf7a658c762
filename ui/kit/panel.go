package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/ui/xlayout"
)

// Panel is a titled section of the client view on a softly tinted
// background, so "Before treatment", the chart and the history read as
// separate blocks. Colours come from the theme at every refresh, so it
// follows light and dark.
type Panel struct {
	widget.BaseWidget
	title   *widget.Label
	extra   fyne.CanvasObject // buttons at the title's right, may be nil
	content fyne.CanvasObject
}

func NewPanel(title string, extra, content fyne.CanvasObject) *Panel {
	return NewTitledPanel(PanelTitle(title), extra, content)
}

// NewTitledPanel is a panel whose title its content keeps up to date
// ("HISTORY · 12 sessions").
func NewTitledPanel(title *widget.Label, extra, content fyne.CanvasObject) *Panel {
	p := &Panel{title: title, extra: extra, content: content}
	p.ExtendBaseWidget(p)
	return p
}

// PanelTitle is a panel's heading: bold, in the theme's accent colour.
func PanelTitle(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Importance = widget.HighImportance
	return l
}

func (p *Panel) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(nil)
	bg.CornerRadius = theme.InputRadiusSize() * 2
	// The buttons sit at the title's right where both fit, else on a line
	// below: a narrow panel never draws them over its title.
	var head fyne.CanvasObject = container.NewStack(p.title)
	if p.extra != nil {
		head = xlayout.NewBar(p.title, p.extra)
	}
	body := container.NewBorder(head, nil, nil, nil, p.content)
	r := &panelRenderer{bg: bg, body: body, panel: p}
	r.Refresh()
	return r
}

type panelRenderer struct {
	bg    *canvas.Rectangle
	body  *fyne.Container
	panel *Panel
}

func (r *panelRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	pad := theme.Padding()
	r.body.Move(fyne.NewPos(pad, pad))
	r.body.Resize(size.Subtract(fyne.NewSize(2*pad, 2*pad)))
}

func (r *panelRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	return r.body.MinSize().Add(fyne.NewSize(2*pad, 2*pad))
}

func (r *panelRenderer) Refresh() {
	th := r.panel.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.bg.StrokeWidth = 1
	r.bg.Refresh()
	r.body.Refresh()
}

func (r *panelRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.body} }
func (r *panelRenderer) Destroy()                     {}
