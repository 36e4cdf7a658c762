package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Every dialog the desk opens is a layer over the window, and the keys act
// on the topmost layer only. Fyne hands the window's shortcuts (Ctrl+S from
// the menu) and the keys no focused widget takes to the window whatever
// dialog is on top, so the window asks here first: Ctrl+S saves the layer
// on top (or does nothing), Enter gives its default answer, Escape closes
// it, asking first when something was typed in it. Tab stays inside it by
// Fyne's own rule (each overlay keeps its own focus), once the layer has
// taken the focus as it opens.

// Layer is a dialog's keys. The zero value is a dialog with nothing to
// save, which Escape and Enter close.
type Layer struct {
	// Save is Ctrl+S (nil: Ctrl+S does nothing while the layer is on top).
	Save func()
	// Enter is what Enter does when the focus is on nothing that takes it
	// (a button presses itself, a note takes a new line): nil is Save,
	// and with no Save either, nothing.
	Enter func()
	// Escape, when set, is the layer's own answer to Escape: a question's
	// safe answer, a form that asks about its own changes.
	Escape func()
	// Close closes the layer once Escape may (nil hides the dialog), for
	// a Cancel that does more than hide.
	Close func()
	// Focus takes the keyboard as the layer opens (nil: its first field
	// or button; not a radio or a tick box, which keep Escape and Enter).
	Focus fyne.Focusable
	// Filters says what is typed in the layer only chooses what it shows
	// (the body maps' period): Escape closes it without asking.
	Filters bool
	// Unfocused leaves the focus on nothing as the layer opens, for
	// Fyne's own file dialogs, whose lists keep Escape and Enter: Tab
	// reaches them.
	Unfocused bool
	// Arrows: Down and Up move the focus as Tab and Shift+Tab do, through
	// a list of buttons (the menus).
	Arrows bool
	// Heard are the keys the layer was given ("ctrl+s", "enter",
	// "escape"), in order: what a test asks of the layer on top.
	Heard []string

	name    string
	win     fyne.Window
	canvas  fyne.Canvas
	overlay fyne.CanvasObject
	hide    func()
	opened  map[fyne.CanvasObject]string // every field's value as the layer opened
}

// windowLayers are the layers registered over one canvas, and whether its
// key handler asks them first yet.
type windowLayers struct {
	layers []*Layer
	keys   bool
}

// layersOver holds each canvas's layers; a layer closed by any means
// drops out when its overlay is no longer on the canvas.
var layersOver = map[fyne.Canvas]*windowLayers{}

// ShowLayer shows d over win as the top layer named name (the name the
// desk's test walks it by) and gives it the focus.
func ShowLayer(win fyne.Window, name string, d dialog.Dialog, l Layer) *Layer {
	d.Show()
	return addLayer(win.Canvas(), name, d.Hide, l)
}

// ShowPopUpLayer shows a pop-up that is a layer of its own at pos.
func ShowPopUpLayer(c fyne.Canvas, name string, p *widget.PopUp, pos fyne.Position, l Layer) *Layer {
	p.ShowAtPosition(pos)
	return addLayer(c, name, p.Hide, l)
}

func addLayer(c fyne.Canvas, name string, hide func(), l Layer) *Layer {
	layer := &l
	layer.name, layer.canvas, layer.hide = name, c, hide
	layer.win = windowOf(c)
	layer.overlay = c.Overlays().Top()
	layer.opened = fieldValues(layer.overlay)
	w := live(c)
	w.layers = append(w.layers, layer)
	if !w.keys {
		w.keys = true
		behind := c.OnTypedKey()
		c.SetOnTypedKey(func(k *fyne.KeyEvent) {
			if LayerKey(c, k) {
				return
			}
			if behind != nil {
				behind(k)
			}
		})
	}
	switch first := firstField(layer.overlay); {
	case layer.Unfocused:
	case layer.Focus != nil:
		c.Focus(layer.Focus)
	case first != nil:
		c.Focus(first)
	default:
		c.FocusNext()
	}
	return layer
}

// windowOf is the window that draws c.
func windowOf(c fyne.Canvas) fyne.Window {
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w.Canvas() == c {
			return w
		}
	}
	return nil
}

// live is c's layers, without those whose overlay has gone.
func live(c fyne.Canvas) *windowLayers {
	w := layersOver[c]
	if w == nil {
		w = &windowLayers{}
		layersOver[c] = w
	}
	shown := map[fyne.CanvasObject]bool{}
	for _, o := range c.Overlays().List() {
		shown[o] = true
	}
	kept := w.layers[:0]
	for _, l := range w.layers {
		if shown[l.overlay] {
			kept = append(kept, l)
		}
	}
	w.layers = kept
	return w
}

// TopLayer is the layer on top of win, nil when no layer is open. A
// pop-up that is no layer (a choice's list) counts as none.
func TopLayer(win fyne.Window) *Layer { return topOf(win.Canvas()) }

func topOf(c fyne.Canvas) *Layer {
	top := c.Overlays().Top()
	if top == nil {
		return nil
	}
	for _, l := range live(c).layers {
		if l.overlay == top {
			return l
		}
	}
	return nil
}

// Covered reports whether something lies over win's content: a layer or
// any other pop-up. The window's own shortcuts then act on nothing but
// the layer.
func Covered(win fyne.Window) bool { return win.Canvas().Overlays().Top() != nil }

// SaveKey is Ctrl+S: it saves the layer on top and reports true, or
// reports false when no layer covers the window and the window's own
// form may save.
func SaveKey(win fyne.Window) bool {
	if !Covered(win) {
		return false
	}
	if l := TopLayer(win); l != nil {
		l.Heard = append(l.Heard, "ctrl+s")
		if l.Save != nil {
			l.Save()
		}
	}
	return true
}

// LayerKey gives a key that reached the window to the layer on top and
// reports whether one took it: with any layer open, nothing beneath sees
// the key.
func LayerKey(c fyne.Canvas, k *fyne.KeyEvent) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	l := topOf(c)
	switch k.Name {
	case fyne.KeyEscape:
		if l != nil {
			l.EscapeKey()
		} else if h, ok := top.(interface{ Hide() }); ok {
			h.Hide() // a pop-up that is no layer: a choice's open list
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if l != nil {
			l.EnterKey()
		}
	case fyne.KeyDown, fyne.KeyUp:
		if l != nil && l.Arrows {
			if k.Name == fyne.KeyDown {
				c.FocusNext()
			} else {
				c.FocusPrevious()
			}
		}
	}
	return true
}

// Name is the name the layer was shown under.
func (l *Layer) Name() string { return l.name }

// Shown reports whether the layer is still open.
func (l *Layer) Shown() bool {
	for _, o := range l.canvas.Overlays().List() {
		if o == l.overlay {
			return true
		}
	}
	return false
}

// EnterKey gives the layer's default answer.
func (l *Layer) EnterKey() {
	l.Heard = append(l.Heard, "enter")
	switch {
	case l.Enter != nil:
		l.Enter()
	case l.Save != nil:
		l.Save()
	}
}

// EscapeKey closes the layer, asking first when something was typed in it.
func (l *Layer) EscapeKey() {
	l.Heard = append(l.Heard, "escape")
	if l.Escape != nil {
		l.Escape()
		return
	}
	if l.Filters || !l.Typed() {
		l.close()
		return
	}
	askDiscard(l)
}

// Dismiss closes the layer with its safe answer, asking nothing.
func (l *Layer) Dismiss() {
	if l.Escape != nil {
		l.Escape()
		return
	}
	l.close()
}

// Typed reports whether a field differs from what it held as the layer
// opened.
func (l *Layer) Typed() bool {
	for o, now := range fieldValues(l.overlay) {
		if was, ok := l.opened[o]; ok && was != now {
			return true
		}
	}
	return false
}

func (l *Layer) close() {
	if l.Close != nil {
		l.Close()
		return
	}
	l.hide()
}

// Inform shows a message as a layer that Enter and Escape close. It is
// Fyne's own, sized to its message; its OK is Fyne's button, which keeps
// Enter, so nothing has the focus until Tab gives it.
func Inform(win fyne.Window, title, message string) *Layer {
	d := dialog.NewInformation(title, message, win)
	return ShowLayer(win, "information", d, Layer{Enter: d.Hide, Unfocused: true})
}

// Confirm asks a yes/no question as a layer named name: Enter (on the yes,
// which has the focus) answers yes, Escape no.
func Confirm(win fyne.Window, name, title, message, yes, no string, answer func(bool)) *Layer {
	return confirm(win, name, title, message, yes, no, false, answer)
}

// ConfirmDanger asks before what cannot be undone: the yes is red, and
// Enter and Escape both answer no, the focus on it.
func ConfirmDanger(win fyne.Window, name, title, message, yes, no string, answer func(bool)) *Layer {
	return confirm(win, name, title, message, yes, no, true, answer)
}

func confirm(win fyne.Window, name, title, message, yes, no string, danger bool, answer func(bool)) *Layer {
	var d *dialog.CustomDialog
	reply := func(ok bool) func() {
		return func() {
			d.Hide()
			answer(ok)
		}
	}
	yesButton, noButton := NewButton(yes, reply(true)), NewButton(no, reply(false))
	yesButton.Importance = widget.HighImportance
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons(title, msg, win)
	d.SetButtons([]fyne.CanvasObject{noButton, yesButton})
	d.Resize(DialogSize(win, 480, 0))
	if danger {
		yesButton.Importance = widget.DangerImportance
		return ShowLayer(win, name, d, Layer{Escape: reply(false), Enter: reply(false), Focus: noButton})
	}
	return ShowLayer(win, name, d, Layer{Escape: reply(false), Enter: reply(true), Focus: yesButton})
}

// ShowView shows body (something to read, nothing to save) as a layer
// with a Close button, which Enter and Escape press.
func ShowView(win fyne.Window, name, title string, body fyne.CanvasObject, size fyne.Size) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, body, win)
	closeButton := NewButton("Close", func() { d.Hide() })
	d.SetButtons([]fyne.CanvasObject{closeButton})
	d.Resize(size)
	ShowLayer(win, name, d, Layer{Focus: closeButton, Enter: d.Hide})
	return d
}
