package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
)

// Widths of the session form's parts, in Fyne units.
const (
	// The tags need this much beside the notes, or they wrap onto so many
	// lines that one column reads better.
	formTagsMinWidth = 560
	// Notes narrower than this are too cramped to write in.
	formNotesMinWidth = 290
	// The tags' share of the width when the notes sit beside them.
	formTagsShare = 0.68
	// Two notes share a row when each gets this much (one column only).
	formNoteComfortable = 300
	otherTriggerWidth   = 200
)

// layout arranges the fields in the order the therapist fills them, and
// Tab follows the same order: when, pain, the tags (left), the notes
// (right, or below on a narrow window), then Cancel and Save. On a
// 1280×800 screen the whole form fits without scrolling.
func (f *SessionForm) layout() fyne.CanvasObject {
	sized := func(w float32, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	// The "other" trigger sits among the triggers, after "Add".
	f.Pickers[store.Trigger].flow.Add(sized(otherTriggerWidth, f.TriggerOther))

	// The title and when the session took place share the top line; the
	// copy button sits at its far end.
	when := container.NewHBox(f.Title, sized(126, f.Date), sized(76, f.Time), sized(60, f.Duration), widget.NewLabel("min"))
	f.CopyNote.seg.Style.Alignment = fyne.TextAlignTrailing
	f.topLine = container.NewBorder(nil, nil, when, f.Copy, f.CopyNote)
	head := container.NewVBox(f.topLine, f.problems.field("start"), f.problems.field("duration"))

	// Before and after side by side when each gets a slider worth the
	// name, one above the other on a narrow window.
	before, after := caption("Before"), caption("After")
	before.Alignment, after.Alignment = fyne.TextAlignTrailing, fyne.TextAlignTrailing
	width := max(before.MinSize().Width, after.MinSize().Width)
	painRow := newPairBox(380,
		container.NewBorder(nil, nil, sizedLabel(before, width), nil, f.PainBefore.content),
		container.NewBorder(nil, nil, sizedLabel(after, width), nil, f.PainAfter.content))

	labels := &labelColumn{}
	pain := newLabelledRows(labels, rowLabel("Pain 0–10"), painRow)
	// The checks are drawn compact; their row labels match "Pain 0–10".
	compact := func(o fyne.CanvasObject) fyne.CanvasObject { return container.NewThemeOverride(o, compactTheme{}) }
	tags := newLabelledRows(labels,
		rowLabel("Pain type"), compact(f.Pickers[store.PainType].content),
		rowLabel("Location"), compact(f.Pickers[store.Location].content),
		rowLabel("Triggers"), compact(container.NewVBox(f.Pickers[store.Trigger].content, f.problems.field("trigger_other"))),
		rowLabel("Muscles"), compact(f.Pickers[store.Muscle].content),
		rowLabel("Techniques"), compact(f.Pickers[store.Technique].content),
	)
	notes := newNoteGrid(formNoteComfortable,
		f.noteField("S · Subjective", f.Subjective, "subjective"),
		f.noteField("O · Objective", f.Objective, "objective"),
		f.noteField("A · Assessment", f.Assessment, "assessment"),
		f.noteField("P · Plan", f.Plan, "plan"),
		f.noteField("Home care", f.HomeCare, "home_care"))
	f.columns = newFormColumns(formTagsShare, formTagsMinWidth, formNotesMinWidth, tags, notes)

	// The columns take whatever height is left, so the notes grow into it.
	body := newGrowStack(2, pain, widget.NewSeparator(), f.columns)
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(f.Cancel, f.Save), f.problems.Summary)
	scroll := container.NewVScroll(body)
	f.scroll = scroll
	f.followFocus(scroll)
	return newGrowStack(1, head, scroll, container.NewVBox(widget.NewSeparator(), buttons))
}

// noteField is a note's caption, its text and its error, the caption
// drawn close to the text it names.
func (f *SessionForm) noteField(title string, e *entry, field string) fyne.CanvasObject {
	return container.New(noteFieldLayout{}, caption(title), e, f.problems.field(field))
}

// noteFieldLayout stacks a caption, a growing text field and an error
// line. The caption overlaps its own bottom padding, so it reads as the
// field's label rather than as a line of its own.
type noteFieldLayout struct{}

func (noteFieldLayout) overlap() float32 { return theme.InnerPadding() * 0.75 }

func (l noteFieldLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for _, o := range objects {
		if o.Visible() {
			m := o.MinSize()
			size.Width = max(size.Width, m.Width)
			size.Height += m.Height
		}
	}
	return fyne.NewSize(size.Width, size.Height-l.overlap())
}

func (l noteFieldLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	caption, text, problem := objects[0], objects[1], objects[2]
	ch := caption.MinSize().Height
	caption.Move(fyne.NewPos(0, 0))
	caption.Resize(fyne.NewSize(size.Width, ch))
	bottom := size.Height
	if problem.Visible() {
		ph := problem.MinSize().Height
		bottom -= ph
		problem.Move(fyne.NewPos(0, bottom))
		problem.Resize(fyne.NewSize(size.Width, ph))
	}
	top := ch - l.overlap()
	text.Move(fyne.NewPos(0, top))
	text.Resize(fyne.NewSize(size.Width, max(bottom-top, text.MinSize().Height)))
}

// growStack stacks its objects top to bottom, in that order for Tab (a
// Border container would put its centre first), and gives the one at
// index grow whatever height the others leave.
type growStack struct{ grow int }

func newGrowStack(grow int, objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(growStack{grow: grow}, objects...)
}

func (growStack) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for _, o := range objects {
		m := o.MinSize()
		size.Width = max(size.Width, m.Width)
		size.Height += m.Height
	}
	return size.AddWidthHeight(0, theme.Padding()*float32(max(len(objects)-1, 0)))
}

func (g growStack) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	rest := size.Height - pad*float32(max(len(objects)-1, 0))
	for i, o := range objects {
		if i != g.grow {
			rest -= o.MinSize().Height
		}
	}
	y := float32(0)
	for i, o := range objects {
		h := o.MinSize().Height
		if i == g.grow {
			h = max(rest, h)
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + pad
	}
}

// followFocus scrolls the form to whichever field Tab reaches.
func (f *SessionForm) followFocus(s *container.Scroll) {
	show := func(o fyne.CanvasObject) { reveal(s, o) }
	for _, e := range f.entries() {
		e.onFocus = show
	}
	for _, p := range f.Pickers {
		p.onFocus = show
	}
}

// entries are the form's text fields, in tab order.
func (f *SessionForm) entries() []*entry {
	return []*entry{f.Date, f.Time, f.Duration, f.PainBefore.Number, f.PainAfter.Number,
		f.TriggerOther, f.Subjective, f.Objective, f.Assessment, f.Plan, f.HomeCare}
}

func rowLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// sizedLabel gives a label a fixed width, so stacked rows line up.
func sizedLabel(l *widget.Label, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, l.MinSize().Height), l)
}

func caption(text string) *widget.Label {
	return widget.NewLabel(text)
}
