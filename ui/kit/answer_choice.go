package kit

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// AnswerChoice is one question's answer ("Not asked", "No", "Yes") as a
// single Tab stop: a key chooses (Keys: n, y, a) and
// OnKeyed then moves on to the next question, so a form of thirty
// questions is answered in thirty keys; Left and Right step through the
// answers, and a click chooses one. A radio group would be three Tab
// stops a question, and no key would choose.
type AnswerChoice struct {
	widget.BaseWidget
	Options  []string
	Selected string
	// Keys are the letters that choose, lower case: "No" and "Not asked"
	// share an initial, so they are given, not guessed.
	Keys map[rune]string
	// OnChanged is called with the answer chosen, by key or click.
	OnChanged func(string)
	// OnKeyed is called after a key chose an answer: the form moves the
	// focus to the next question.
	OnKeyed func()

	segments []*sideToggle
	focused  bool
}

// NewAnswerChoice offers options, none chosen.
func NewAnswerChoice(options []string) *AnswerChoice {
	c := &AnswerChoice{Options: options}
	for _, o := range options {
		c.segments = append(c.segments, newSideToggle(o, func() { c.choose(o) }))
	}
	c.ExtendBaseWidget(c)
	return c
}

// SetSelected chooses option (an unknown one chooses nothing).
func (c *AnswerChoice) SetSelected(option string) {
	if c.Selected == option {
		return
	}
	c.Selected = option
	for i, s := range c.segments {
		s.SetOn(c.Options[i] == option)
	}
	if c.OnChanged != nil {
		c.OnChanged(option)
	}
	c.Refresh()
}

func (c *AnswerChoice) choose(option string) {
	c.SetSelected(option)
	if !c.focused {
		if canvas := fyne.CurrentApp().Driver().CanvasForObject(c); canvas != nil {
			canvas.Focus(c)
		}
	}
}

// FocusGained and FocusLost draw the focus ring.
func (c *AnswerChoice) FocusGained() { c.focused = true; c.Refresh() }
func (c *AnswerChoice) FocusLost()   { c.focused = false; c.Refresh() }

// TypedRune chooses the answer of a key, then moves on.
func (c *AnswerChoice) TypedRune(r rune) {
	o, ok := c.Keys[unicode.ToLower(r)]
	if !ok {
		return
	}
	c.SetSelected(o)
	if c.OnKeyed != nil {
		c.OnKeyed()
	}
}

// TypedKey steps through the answers with Left and Right.
func (c *AnswerChoice) TypedKey(k *fyne.KeyEvent) {
	step := 0
	switch k.Name {
	case fyne.KeyLeft:
		step = -1
	case fyne.KeyRight:
		step = 1
	default:
		return
	}
	at := -1
	for i, o := range c.Options {
		if o == c.Selected {
			at = i
		}
	}
	if next := at + step; next >= 0 && next < len(c.Options) {
		c.SetSelected(c.Options[next])
	}
}

func (c *AnswerChoice) CreateRenderer() fyne.WidgetRenderer {
	ring := canvas.NewRectangle(nil)
	var objects []fyne.CanvasObject
	for _, s := range c.segments {
		objects = append(objects, s)
	}
	r := &answerChoiceRenderer{c: c, ring: ring, row: container.NewHBox(objects...)}
	r.Refresh()
	return r
}

type answerChoiceRenderer struct {
	c    *AnswerChoice
	ring *canvas.Rectangle
	row  *fyne.Container
}

func (r *answerChoiceRenderer) pad() float32 { return theme.InputBorderSize() * 2 }

func (r *answerChoiceRenderer) MinSize() fyne.Size {
	return r.row.MinSize().AddWidthHeight(2*r.pad(), 2*r.pad())
}

func (r *answerChoiceRenderer) Layout(size fyne.Size) {
	r.ring.Resize(size)
	r.row.Move(fyne.NewPos(r.pad(), r.pad()))
	r.row.Resize(size.SubtractWidthHeight(2*r.pad(), 2*r.pad()))
}

func (r *answerChoiceRenderer) Refresh() {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.ring.FillColor = nil
	r.ring.StrokeWidth = th.Size(theme.SizeNameInputBorder)
	r.ring.CornerRadius = th.Size(theme.SizeNameInputRadius)
	if r.c.focused {
		r.ring.StrokeColor = th.Color(theme.ColorNameFocus, v)
		r.ring.StrokeWidth *= 1.5
	} else {
		r.ring.StrokeColor = nil
	}
	for i, s := range r.c.segments {
		s.SetOn(r.c.Options[i] == r.c.Selected)
	}
	r.ring.Refresh()
}

func (r *answerChoiceRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.ring, r.row}
}

func (r *answerChoiceRenderer) Destroy() {}
