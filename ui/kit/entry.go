package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Entry is a text field that reports Escape. A plain widget.Entry swallows
// every key while focused, so without this Escape could not cancel a form
// while the therapist is typing in it.
type Entry struct {
	widget.Entry
	OnEscape func()
	OnDown   func()                  // the client search hands Down to the list
	OnFocus  func(fyne.CanvasObject) // scrolls a long form to the field
	OnBlur   func()                  // the focus went elsewhere
	// onKey and onRune see keys first and return true for those they took
	// (a date steps a day on Up and Down, a tag field takes a side key).
	onKey  func(*fyne.KeyEvent) bool
	OnRune func(rune) bool
}

func NewEntry(placeholder string) *Entry {
	e := &Entry{}
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

// NewNoteEntry is a multi-line entry for notes that wraps words.
func NewNoteEntry(placeholder string, rows int) *Entry {
	e := &Entry{}
	e.PlaceHolder = placeholder
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey hands Escape to OnEscape and everything else to the entry.
// Escape with no OnEscape, and Enter in a one-line field that submits
// nothing, reach the window: a dialog's layer closes or answers.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(k) {
		return
	}
	enter := k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter
	switch {
	case k.Name == fyne.KeyEscape && e.OnEscape != nil:
		e.OnEscape()
	case k.Name == fyne.KeyEscape, enter && !e.MultiLine && e.OnSubmitted == nil, k.Name == fyne.KeyF10:
		toWindow(e, k) // F10 opens the window's menus
	case k.Name == fyne.KeyDown && e.OnDown != nil:
		e.OnDown()
	default:
		e.Entry.TypedKey(k)
	}
}

// AcceptsTab is false even for notes: Tab moves to the next field in
// every form, as Help says, and a tab character has no place in a note.
func (e *Entry) AcceptsTab() bool { return false }

// TypedRune drops a space typed into an empty one-line field: it is never
// part of a name, date or number, and the Space that pressed the button
// opening a form would otherwise land in its first field.
func (e *Entry) TypedRune(r rune) {
	if r == ' ' && !e.MultiLine && e.Text == "" {
		return
	}
	if e.OnRune != nil && e.OnRune(r) {
		return
	}
	e.Entry.TypedRune(r)
}

// FocusGained tells the form, so a field reached with Tab is scrolled into
// view.
func (e *Entry) FocusGained() {
	e.Entry.FocusGained()
	if e.OnFocus != nil {
		e.OnFocus(e)
	}
}

func (e *Entry) FocusLost() {
	e.Entry.FocusLost()
	if e.OnBlur != nil {
		e.OnBlur()
	}
}

// check is a checkbox that, like entry, reports Escape and focus.
type check struct {
	widget.Check
	onEscape func()
	onFocus  func(fyne.CanvasObject)
	onRune   func(rune) // keys other than space (which toggles)
}

func newCheck(label string, changed func(bool)) *check {
	c := &check{}
	c.Text = label
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *check) TypedKey(k *fyne.KeyEvent) { EscapeOr(k, c.onEscape, c.Check.TypedKey) }

// EscapeOr hands Escape to onEscape, when set, and other keys to rest.
func EscapeOr(k *fyne.KeyEvent, onEscape func(), rest func(*fyne.KeyEvent)) {
	if k.Name == fyne.KeyEscape && onEscape != nil {
		onEscape()
		return
	}
	rest(k)
}

func (c *check) TypedRune(r rune) {
	if r != ' ' && c.onRune != nil {
		c.onRune(r)
		return
	}
	c.Check.TypedRune(r)
}

func (c *check) FocusGained() {
	c.Check.FocusGained()
	if c.onFocus != nil {
		c.onFocus(c)
	}
}

// Reveal scrolls s so that obj, somewhere inside it, is in view.
func Reveal(s *container.Scroll, obj fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(s.Content).Y
	bottom := top + obj.Size().Height
	view := s.Size().Height
	pad := theme.Padding() * 4
	switch {
	case top-pad < s.Offset.Y:
		s.Offset.Y = max(top-pad, 0)
	case bottom+pad > s.Offset.Y+view:
		s.Offset.Y = bottom + pad - view
	default:
		return
	}
	s.Refresh()
}

// ScrollToTop scrolls s so that obj's top is at the top of the view, or
// as near as the content allows: a list reached by Tab shows its rows.
func ScrollToTop(s *container.Scroll, obj fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(s.Content).Y
	s.Offset.Y = max(0, min(top, s.Content.Size().Height-s.Size().Height))
	s.Refresh()
}

// FieldError is the red line under a field that says what is wrong with it.
type FieldError struct {
	widget.Label
}

func NewFieldError() *FieldError {
	l := &FieldError{}
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	l.ExtendBaseWidget(l)
	l.Hide()
	return l
}

// ShowText sets the message, hiding the line when there is none.
func (f *FieldError) ShowText(msg string) {
	f.SetText(msg)
	if msg == "" {
		f.Hide()
	} else {
		f.Show()
	}
}

// SecondaryText is a one-line label in the theme's muted text colour, for
// what supports a main line (the last visit under a client's name). Fyne's
// low-importance label is too faint to read in the dark theme.
type SecondaryText struct {
	widget.RichText
	Seg *widget.TextSegment
}

func NewSecondaryText() *SecondaryText {
	return NewSecondaryTextStyled(fyne.TextStyle{})
}

func NewSecondaryTextStyled(style fyne.TextStyle) *SecondaryText {
	t := &SecondaryText{Seg: &widget.TextSegment{Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameText, Inline: true, TextStyle: style}}}
	t.Segments = []widget.RichTextSegment{t.Seg}
	t.Scroll = fyne.ScrollNone
	t.Truncation = fyne.TextTruncateEllipsis
	t.ExtendBaseWidget(t)
	return t
}

// SetText replaces the text.
func (t *SecondaryText) SetText(s string) {
	t.Seg.Text = s
	t.Refresh()
}

// Text is the text shown.
func (t *SecondaryText) Text() string { return t.Seg.Text }

// NewHint is a muted sentence that wraps: advice beside a form, an empty
// list's explanation.
func NewHint(text string) *SecondaryText {
	t := NewSecondaryText()
	t.Truncation = fyne.TextTruncateOff
	t.Wrapping = fyne.TextWrapWord
	t.SetText(text)
	return t
}
