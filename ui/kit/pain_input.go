package kit

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
)

// PainInput records one 0-10 pain score with a slider and a number field.
// It starts "not recorded", which is not the same as 0: a client who was
// not asked must not show up as pain-free in the trend.
type PainInput struct {
	label  string
	Slider *painSlider
	Number *Entry
	State  *widget.Label // "not recorded" until a score is set
	Clear  *sideToggle   // not in the Tab order: emptying the number clears too
	Error  *FieldError

	quiet    bool // set while code, not the therapist, moves the widgets
	onChange func()
	Relayout func() // the form makes room for the error line

	Content fyne.CanvasObject
}

func NewPainInput(label string) *PainInput {
	p := &PainInput{label: label, State: widget.NewLabel(""), Error: NewFieldError()}
	p.Slider = newPainSlider(func(v float64) {
		if !p.quiet {
			p.quietly(func() { p.Number.SetText(strconv.Itoa(int(v))) })
			p.changed()
		}
	})
	p.Number = NewEntry("–")
	p.Number.OnChanged = func(text string) {
		if p.quiet {
			return
		}
		n, err := strconv.Atoi(strings.TrimSpace(text))
		switch {
		case err == nil && n >= 0 && n <= 10:
			p.Slider.Enable()
			p.quietly(func() { p.Slider.SetValue(float64(n)) })
		case strings.TrimSpace(text) == "":
			p.Slider.Enable()
			p.quietly(func() { p.Slider.SetValue(0) })
		default:
			// Off the scale (11) the slider cannot show the score: greyed at
			// nought, it shows no score at all rather than the 1 typed on the
			// way to 11, and the red line under it says why.
			p.quietly(func() { p.Slider.SetValue(0) })
			p.Slider.Disable()
		}
		p.changed()
	}
	p.Clear = newSideToggle("×", func() { p.Set(store.Pain{}) })
	p.State.TextStyle.Italic = true

	number := container.NewGridWrap(fyne.NewSize(56, p.Number.MinSize().Height), p.Number)
	// The state ("not recorded", "moderate") gets a fixed width so the
	// slider does not jump as it changes.
	state := container.NewGridWrap(fyne.NewSize(112, p.Number.MinSize().Height), p.State)
	right := container.NewHBox(number, state, p.Clear)
	row := container.NewBorder(nil, nil, nil, right, p.Slider)
	p.Content = container.NewVBox(row, p.Error)
	p.showState()
	return p
}

func (p *PainInput) quietly(fn func()) {
	p.quiet = true
	defer func() { p.quiet = false }()
	fn()
}

func (p *PainInput) changed() {
	p.showState()
	if p.onChange != nil {
		p.onChange()
	}
}

// Set shows a score, or "not recorded" for the zero Pain.
func (p *PainInput) Set(pain store.Pain) {
	p.Slider.Enable()
	p.quietly(func() {
		if pain.Recorded {
			p.Number.SetText(strconv.Itoa(pain.Score))
			p.Slider.SetValue(float64(pain.Score))
		} else {
			p.Number.SetText("")
			p.Slider.SetValue(0)
		}
	})
	p.changed()
}

// Value reads the score; a number field that is not a whole number from 0
// to 10 is an error that names the field.
func (p *PainInput) Value() (store.Pain, string) {
	text := strings.TrimSpace(p.Number.Text)
	if text == "" {
		return store.Pain{}, ""
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 0 || n > 10 {
		return store.Pain{}, fmt.Sprintf("%s must be a whole number from 0 to 10 (got %q)", p.label, text)
	}
	return store.PainOf(n), ""
}

func (p *PainInput) showState() {
	pain, problem := p.Value()
	// A score off the scale is said at once, not only on save: the slider
	// cannot show 11.
	if shown := p.Error.Visible(); shown != (problem != "") || p.Error.Text != problem {
		p.Error.ShowText(problem)
		if p.Relayout != nil {
			p.Relayout()
		}
	}
	switch {
	case problem != "":
		p.State.SetText("")
	case !pain.Recorded:
		p.State.SetText("not recorded")
	default:
		p.State.SetText(painWords(pain.Score))
	}
	if pain.Recorded || strings.TrimSpace(p.Number.Text) != "" {
		p.Clear.Show()
	} else {
		p.Clear.Hide()
	}
}

// painWords names the band of the 0-10 scale a score falls in.
func painWords(score int) string {
	switch {
	case score == 0:
		return "no pain"
	case score <= 3:
		return "mild"
	case score <= 6:
		return "moderate"
	default:
		return "severe"
	}
}

// painSlider is a 0-10 slider that reports every touch, even one that
// leaves the value where it was (tapping 0 records a 0), takes a digit key
// as a score, and hands Escape to the form.
type painSlider struct {
	widget.Slider
	onSet    func(float64)
	OnEscape func()
}

func newPainSlider(onSet func(float64)) *painSlider {
	s := &painSlider{onSet: onSet}
	s.Min, s.Max, s.Step = 0, 10, 1
	s.ExtendBaseWidget(s)
	return s
}

func (s *painSlider) Tapped(e *fyne.PointEvent) {
	s.Slider.Tapped(e)
	s.onSet(s.Value)
}

func (s *painSlider) Dragged(e *fyne.DragEvent) {
	s.Slider.Dragged(e)
	s.onSet(s.Value)
}

func (s *painSlider) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if s.OnEscape != nil {
			s.OnEscape()
		}
	case fyne.KeyLeft, fyne.KeyRight:
		s.Slider.TypedKey(k)
		s.onSet(s.Value)
	default:
		s.Slider.TypedKey(k)
	}
}

func (s *painSlider) TypedRune(r rune) {
	if r >= '0' && r <= '9' {
		s.SetValue(float64(r - '0'))
		s.onSet(s.Value)
	}
}
