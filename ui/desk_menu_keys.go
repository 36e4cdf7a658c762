package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"backtrack/ui/kit"
)

// The menu bar Fyne draws in the window opens with the mouse, or with Alt
// pressed and let go alone: Alt+F and F10, which a keyboard user tries
// first, open nothing. So both open the menus as a layer of buttons, each
// entry with its key, Tab and the arrows going through them, Enter or
// Space running one, Esc closing them.

// showMenus opens the menus as a layer, the keyboard on File's first entry.
func (d *Desk) showMenus() {
	if kit.Covered(d.window) {
		return
	}
	var (
		dlg     *dialog.CustomDialog
		body    *container.Scroll
		first   fyne.Focusable
		columns []fyne.CanvasObject
	)
	for i, menu := range d.menu.main.Items {
		// the last menu (Help, two entries) under the first: three columns
		// fit 1024 wide
		var col *fyne.Container
		if i == len(d.menu.main.Items)-1 && i > 0 {
			col = columns[0].(*fyne.Container)
		} else {
			col = container.NewVBox()
			columns = append(columns, col)
		}
		col.Add(widget.NewLabelWithStyle(menu.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, it := range menu.Items {
			if it.IsSeparator {
				col.Add(widget.NewSeparator())
				continue
			}
			action := it.Action
			b := kit.NewButton(menuEntryText(it), func() {
				dlg.Hide() // the entry's action acts only on an uncovered window
				action()
			})
			b.Alignment = widget.ButtonAlignLeading
			b.OnFocus = func() { kit.Reveal(body, b) } // a long column scrolls to the key
			if it.Disabled || action == nil {
				b.Disable()
			} else if first == nil {
				first = b
			}
			col.Add(b)
		}
	}
	body = container.NewVScroll(container.NewHBox(columns...))
	dlg = dialog.NewCustomWithoutButtons("Menus", body, d.window)
	closeButton := kit.NewButton("Close", func() { dlg.Hide() })
	dlg.SetButtons([]fyne.CanvasObject{closeButton})
	dlg.Resize(kit.DialogSize(d.window, 1000, 640))
	kit.ShowLayer(d.window, "menus", dlg, kit.Layer{Focus: first, Arrows: true})
}

// menuEntryText is an entry's label and, after it, its key.
func menuEntryText(it *fyne.MenuItem) string {
	if it.Shortcut == nil {
		return it.Label
	}
	return it.Label + "   " + shortcutText(it.Shortcut)
}

// shortcutText is a shortcut as the Keys section and Help write it:
// "Ctrl+Shift+N".
func shortcutText(sc fyne.Shortcut) string {
	cs, ok := sc.(*desktop.CustomShortcut)
	if !ok {
		return sc.ShortcutName()
	}
	var parts []string
	mods := []struct {
		m    fyne.KeyModifier
		name string
	}{{fyne.KeyModifierControl, "Ctrl"}, {fyne.KeyModifierSuper, "Cmd"}, {fyne.KeyModifierAlt, "Alt"}, {fyne.KeyModifierShift, "Shift"}}
	for _, m := range mods {
		if cs.Modifier&m.m != 0 {
			parts = append(parts, m.name)
		}
	}
	key := map[fyne.KeyName]string{fyne.KeyLeft: "←", fyne.KeyRight: "→", fyne.KeyUp: "↑", fyne.KeyDown: "↓"}[cs.KeyName]
	if key == "" {
		key = string(cs.KeyName)
	}
	return strings.Join(append(parts, key), "+")
}
