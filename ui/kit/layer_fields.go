package kit

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fieldValues is what each field drawn in o holds: the text of an entry,
// the choice of a radio or a list, a box ticked. Escape compares them with
// those of the layer's opening to know whether something was typed.
func fieldValues(o fyne.CanvasObject) map[fyne.CanvasObject]string {
	values := map[fyne.CanvasObject]string{}
	eachField(o, func(c fyne.CanvasObject) {
		switch v := c.(type) {
		case *Entry:
			values[c] = v.Text
		case *widget.Entry:
			values[c] = v.Text
		case *widget.Check:
			values[c] = strconv.FormatBool(v.Checked)
		case *check:
			values[c] = strconv.FormatBool(v.Checked)
		case *widget.RadioGroup:
			values[c] = v.Selected
		case *widget.Select:
			values[c] = v.Selected
		case *widget.CheckGroup:
			values[c] = strings.Join(v.Selected, "\n")
		}
	})
	return values
}

// firstField is the first field or button in o that takes Escape and
// Enter as the layer does: an entry, else a button; nil when there is
// none.
func firstField(o fyne.CanvasObject) fyne.Focusable {
	var entry, button fyne.Focusable
	eachField(o, func(c fyne.CanvasObject) {
		switch v := c.(type) {
		case *Entry:
			if entry == nil && !v.Disabled() {
				entry = v
			}
		case *Button:
			if button == nil && !v.Disabled() {
				button = v
			}
		}
	})
	if entry != nil {
		return entry
	}
	return button
}

// eachField calls fn for o and everything laid out inside it that a
// dialog's body is built from: containers, scrolls, pop-ups and forms,
// those shown. (A widget's own insides are its renderer's, which only a
// driver reads.)
func eachField(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			eachField(c, fn)
		}
	case *widget.PopUp:
		eachField(v.Content, fn)
	case *container.Scroll:
		eachField(v.Content, fn)
	case *container.Split:
		eachField(v.Leading, fn)
		eachField(v.Trailing, fn)
	case *widget.Form:
		for _, it := range v.Items {
			eachField(it.Widget, fn)
		}
	}
}

// discardQuestion is "Discard what you typed?", asked when Escape would
// close a layer that holds typed text. Keep editing is its safe answer
// (Escape and Enter); it is a layer of its own, over the one it asks for.
type discardQuestion struct {
	Keep    *Button
	Discard *Button
}

func askDiscard(l *Layer) {
	q := &discardQuestion{}
	var d *dialog.CustomDialog
	q.Keep = NewButton("Keep editing", func() { d.Hide() })
	q.Keep.Importance = widget.HighImportance
	q.Discard = NewButtonWithIcon("Discard", theme.DeleteIcon(), func() {
		d.Hide()
		l.close()
	})
	q.Discard.Importance = widget.DangerImportance
	msg := widget.NewLabel("What you typed here is not saved. Close without it?")
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons("Discard what you typed?", msg, l.win)
	d.SetButtons([]fyne.CanvasObject{q.Discard, q.Keep})
	d.Resize(DialogSize(l.win, 440, 0))
	keep := func() { d.Hide() }
	ShowLayer(l.win, "discard what you typed", d, Layer{Escape: keep, Enter: keep, Focus: q.Keep})
}
