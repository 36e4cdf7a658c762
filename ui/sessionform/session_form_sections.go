package sessionform

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"backtrack/store"
	"backtrack/ui/kit"
)

// A long form read by Tab alone puts its far parts dozens of keys away:
// the home programme 30 Tabs from pain, the red-flag screen 41. Each part
// has a key of its own (Alt and the part's initial) that scrolls it into
// view and puts the cursor in its first field.

// Section is one part of the form and its key.
type Section struct {
	Name  string
	Short string // in the line of keys under the form
	Key   *desktop.CustomShortcut
	field func(f *SessionForm) fyne.Focusable
}

func altKey(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}
}

// Sections are the form's parts in their order on the form.
var Sections = []Section{
	{"Date", "date", altKey(fyne.KeyD), func(f *SessionForm) fyne.Focusable { return f.Date }},
	{"Pain", "pain", altKey(fyne.KeyP), func(f *SessionForm) fyne.Focusable { return f.PainBefore.Number }},
	{"Where it hurts", "where", altKey(fyne.KeyW), func(f *SessionForm) fyne.Focusable { return f.BodyChart.Find }},
	{"Muscles", "muscles", altKey(fyne.KeyM), func(f *SessionForm) fyne.Focusable { return f.Pickers[store.Muscle].AddName }},
	{"Techniques", "techniques", altKey(fyne.KeyT), func(f *SessionForm) fyne.Focusable { return f.Pickers[store.Technique].AddName }},
	{"Notes", "notes", altKey(fyne.KeyN), func(f *SessionForm) fyne.Focusable { return f.Subjective }},
	{"Home programme", "home", altKey(fyne.KeyH), func(f *SessionForm) fyne.Focusable { return f.Programme.Find }},
	{"Red-flag screen", "red flags", altKey(fyne.KeyR), func(f *SessionForm) fyne.Focusable { return f.Screen }},
}

// GoTo puts the cursor in the section's first field, scrolled into view
// (the red-flag screen's button is always in view, with Save).
func (f *SessionForm) GoTo(s Section) {
	o := s.field(f)
	f.focus(o)
	if obj, ok := o.(fyne.CanvasObject); ok && o != fyne.Focusable(f.Screen) && f.Scroll != nil {
		kit.Reveal(f.Scroll, obj)
	}
}

// SectionKeysLine names the section keys, short enough for the row of
// the form's buttons at 1024 wide.
func SectionKeysLine() string {
	parts := make([]string, len(Sections))
	for i, s := range Sections {
		parts[i] = string(s.Key.KeyName) + " " + s.Short
	}
	return "Alt+ " + strings.Join(parts, " · ")
}

// sectionKeysShort is the line of keys for a window with little room:
// the letters alone.
func sectionKeysShort() string {
	letters := make([]string, len(Sections))
	for i, s := range Sections {
		letters[i] = string(s.Key.KeyName)
	}
	return "Go to: Alt+" + strings.Join(letters, " ")
}

// firstThatFits shows the first of its lines that fits whole in its
// width, and none when none does: a line of keys cut with "…" tells
// nothing. It asks for no width of its own.
type firstThatFits struct{}

func (firstThatFits) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	shown := false
	for _, o := range objects {
		if shown || o.MinSize().Width > size.Width {
			o.Hide()
			continue
		}
		shown = true
		o.Show()
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, (size.Height-h)/2))
		o.Resize(fyne.NewSize(size.Width, h))
	}
}

func (firstThatFits) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(0, h)
}
