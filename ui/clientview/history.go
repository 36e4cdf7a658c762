package clientview

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
	"backtrack/ui/xlayout"
)

// historyWeights size the history columns: date, pain, pain types,
// triggers, muscles. The header row and every list row share them.
var historyWeights = []float32{1.3, 0.7, 2, 2, 2.6}

// sessionHistory lists a client's sessions, newest first; picking one opens
// the whole note.
type sessionHistory struct {
	now      func() time.Time
	sessions []store.Session // what the list shows
	kept     []store.Session // the client's notes that stand
	voided   []store.Session // notes entered in error, newest first

	Title *widget.Label
	List  *kit.List
	Empty *kit.SecondaryText
	// ShowVoided adds the notes entered in error to the list, marked.
	ShowVoided *widget.Check
	header     fyne.CanvasObject

	// OnOpen is called with the session picked in the list.
	OnOpen func(store.Session)

	content fyne.CanvasObject
}

func newSessionHistory(now func() time.Time) *sessionHistory {
	h := &sessionHistory{now: now}
	h.Title = kit.PanelTitle("HISTORY") // the client view's history panel shows it
	h.Empty = kit.NewHint("")
	// Centred, it gets only the width it asks for: a truncating line asks
	// for none and shows a lone "…".
	h.Empty.Wrapping = fyne.TextWrapOff
	h.Empty.SetText("No sessions recorded yet. Record the first with New session (Ctrl+N).")
	h.List = kit.NewList(
		func() int { return len(h.sessions) },
		func() fyne.CanvasObject { return newHistoryRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(h.sessions) {
				showHistoryRow(o.(*fyne.Container), h.sessions[i], h.now())
			}
		})
	h.List.OnSelected = func(i widget.ListItemID) {
		h.List.UnselectAll() // the list is a menu of notes, not a selection
		if i < len(h.sessions) && h.OnOpen != nil {
			h.OnOpen(h.sessions[i])
		}
	}
	h.header = historyHeader()
	h.ShowVoided = widget.NewCheck("", func(bool) { h.fill() })
	h.ShowVoided.Hide()
	h.content = container.NewBorder(h.header, h.ShowVoided, nil, nil, container.NewStack(h.List, container.NewCenter(h.Empty)))
	return h
}

// Show lists the client's notes that stand and, on request, the notes
// entered in error among them.
func (h *sessionHistory) show(sessions, voided []store.Session) {
	h.kept, h.voided = sessions, voided
	if len(voided) == 0 {
		h.ShowVoided.Hide()
		h.ShowVoided.SetChecked(false)
	} else {
		h.ShowVoided.Text = "Show " + words.Plural(len(voided), "note", "notes") + " entered in error"
		h.ShowVoided.Show()
		h.ShowVoided.Refresh()
	}
	h.fill()
}

func (h *sessionHistory) fill() {
	sessions := h.kept
	if h.ShowVoided.Checked {
		sessions = append(slices.Clone(h.kept), h.voided...)
		slices.SortStableFunc(sessions, func(a, b store.Session) int { return b.Start.Compare(a.Start) })
	}
	h.sessions = sessions
	h.Title.SetText("HISTORY · " + words.Plural(len(h.kept), "session", "sessions"))
	if len(sessions) == 0 {
		h.Empty.Show()
		h.header.Hide()
	} else {
		h.Empty.Hide()
		h.header.Show()
	}
	h.List.Refresh()
	h.List.ScrollToTop()
}

func historyHeader() fyne.CanvasObject {
	cells := []fyne.CanvasObject{}
	for _, name := range []string{"Date", "Pain", "Pain type", "Triggers", "Muscles"} {
		l := kit.NewSecondaryTextStyled(fyne.TextStyle{Bold: true})
		l.SetText(name)
		cells = append(cells, l)
	}
	return container.New(xlayout.NewColumns(historyWeights...), cells...)
}

func newHistoryRow() *fyne.Container {
	cells := make([]fyne.CanvasObject, len(historyWeights))
	for i := range cells {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		cells[i] = l
	}
	cells[1].(*widget.Label).TextStyle.Bold = true
	return container.New(xlayout.NewColumns(historyWeights...), cells...)
}

func showHistoryRow(row *fyne.Container, s store.Session, now time.Time) {
	texts := []string{
		kit.ShortDate(s.Start, now) + noteMark(s),
		kit.PainChange(s.PainBefore, s.PainAfter),
		store.TagLabels(s.PainTypes),
		triggerLabels(s),
		store.TagLabels(s.Muscles),
	}
	// A note entered in error is in the list on request only, and never
	// reads as one that stands: every cell greyed and slanted.
	importance, style := widget.MediumImportance, fyne.TextStyle{}
	if s.Voided() {
		importance, style = widget.LowImportance, fyne.TextStyle{Italic: true}
	}
	for i, t := range texts {
		l := row.Objects[i].(*widget.Label)
		l.Importance = importance
		l.TextStyle.Italic = style.Italic
		l.SetText(t)
		l.Refresh()
	}
}

// noteMark says in the history what state a note is in, when it is not
// simply signed: " · draft", " · amended", " · voided".
func noteMark(s store.Session) string {
	switch {
	case s.Voided():
		return " · voided"
	case s.Draft():
		return " · draft"
	case len(s.Amendments) > 0:
		return " · amended"
	}
	return ""
}
