package sessionform

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/kit"
	"backtrack/ui/xlayout"
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
	f.Pickers[store.Trigger].Flow.Add(sized(otherTriggerWidth, f.TriggerOther))

	// The title and when the session took place share the top line; the
	// copy button sits at its far end.
	when := container.NewHBox(f.Title, sized(126, f.Date), sized(76, f.Time), sized(60, f.Duration), widget.NewLabel("min"), f.Private)
	f.CopyNote.Seg.Style.Alignment = fyne.TextAlignTrailing
	f.topLine = container.NewBorder(nil, nil, when, f.Copy, f.CopyNote)
	head := container.NewVBox(f.topLine, f.Problems.Field("start"), f.Problems.Field("duration"))

	// Before and after side by side when each gets a slider worth the
	// name, one above the other on a narrow window.
	before, after := caption("Before"), caption("After")
	before.Alignment, after.Alignment = fyne.TextAlignTrailing, fyne.TextAlignTrailing
	width := max(before.MinSize().Width, after.MinSize().Width)
	painRow := xlayout.NewPair(380,
		container.NewBorder(nil, nil, sizedLabel(before, width), nil, f.PainBefore.Content),
		container.NewBorder(nil, nil, sizedLabel(after, width), nil, f.PainAfter.Content))

	labels := &xlayout.LabelColumn{}
	pain := xlayout.NewLabelledRows(labels, RowLabel("Pain 0–10"), painRow)
	// The checks are drawn compact; their row labels match "Pain 0–10".
	compact := func(o fyne.CanvasObject) fyne.CanvasObject { return container.NewThemeOverride(o, kit.CompactTheme{}) }
	tags := xlayout.NewLabelledRows(labels,
		RowLabel("Pain type"), compact(f.Pickers[store.PainType].Content),
		RowLabel("Where it hurts"), compact(f.BodyChart.content),
		RowLabel("Triggers"), compact(container.NewVBox(f.Pickers[store.Trigger].Content, f.Problems.Field("trigger_other"))),
		RowLabel("Muscles"), compact(f.Pickers[store.Muscle].Content),
		RowLabel("Techniques"), compact(f.Pickers[store.Technique].Content),
	)
	notes := xlayout.NewNoteGrid(formNoteComfortable,
		f.noteField("S · Subjective", f.Subjective, "subjective"),
		f.noteField("O · Objective", f.Objective, "objective"),
		f.noteField("A · Assessment", f.Assessment, "assessment"),
		f.noteField("P · Plan", f.Plan, "plan"),
		f.noteField("Home care", f.HomeCare, "home_care"),
		f.Programme.content)
	f.Columns = xlayout.NewFormColumns(formTagsShare, formTagsMinWidth, formNotesMinWidth, tags, notes)

	// The columns take whatever height is left, so the notes grow into it.
	// The lines under the tag rows float over the body instead of taking
	// room in it.
	hints := kit.NewHintLayer()
	for _, p := range f.Pickers {
		p.FloatHintOver(hints)
	}
	body := container.NewStack(xlayout.NewGrowStack(2, pain, widget.NewSeparator(), f.Columns), hints)
	// The red-flag screen sits with the buttons: it is asked when the
	// client says something new, not at every visit.
	// Between them, the keys that go straight to each part of the form,
	// in as many words as fit (a line of its own would make the form
	// scroll at 1280×800; the Session menu lists them whole).
	f.SectionKeys = kit.NewSecondaryText()
	f.SectionKeys.SetText(SectionKeysLine())
	f.SectionKeys.Truncation = fyne.TextTruncateOff
	short := kit.NewSecondaryText()
	short.SetText(sectionKeysShort())
	short.Truncation = fyne.TextTruncateOff
	keys := container.New(firstThatFits{}, f.SectionKeys, short)
	buttons := container.NewBorder(nil, nil, f.Screen, container.NewHBox(f.Cancel, f.SaveSign, f.Save), keys)
	// Why the note was not saved gets a line of the window's width above
	// the buttons: squeezed between them at 1024 wide it wrapped a letter
	// a line and pushed the form out of the window.
	f.showSummaryLine()
	scroll := container.NewVScroll(body)
	f.Scroll = scroll
	f.followFocus(scroll)
	return xlayout.NewGrowStack(1, head, scroll,
		container.NewVBox(widget.NewSeparator(), f.Saving.Retry.Bar, f.reasonRow(), f.Problems.Summary, buttons))
}

// showSummaryLine hides the line of problems while it has nothing to say,
// so the form keeps its height for the fields.
func (f *SessionForm) showSummaryLine() {
	f.Problems.Summary.Hidden = f.Problems.Summary.Text == ""
}

// noteField is a note's caption, its text and its error, the caption
// drawn close to the text it names.
func (f *SessionForm) noteField(title string, e *kit.Entry, field string) fyne.CanvasObject {
	return container.New(xlayout.NoteField{}, caption(title), e, f.Problems.Field(field))
}

// followFocus scrolls the form to whichever field Tab reaches.
func (f *SessionForm) followFocus(s *container.Scroll) {
	show := func(o fyne.CanvasObject) { kit.Reveal(s, o) }
	for _, e := range f.entries() {
		e.OnFocus = show
	}
	for _, p := range f.Pickers {
		p.OnFocus = show
	}
	f.BodyChart.Find.OnFocus = show
	f.Programme.Find.OnFocus, f.Programme.Hard.OnFocus = show, show
}

// entries are the form's text fields, in tab order.
func (f *SessionForm) entries() []*kit.Entry {
	return []*kit.Entry{f.Date, f.Time, f.Duration, f.PainBefore.Number, f.PainAfter.Number,
		f.TriggerOther, f.Subjective, f.Objective, f.Assessment, f.Plan, f.HomeCare}
}

func RowLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// sizedLabel gives a label a fixed width, so stacked rows line up.
func sizedLabel(l *widget.Label, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, l.MinSize().Height), l)
}

func caption(text string) *widget.Label {
	return widget.NewLabel(text)
}
