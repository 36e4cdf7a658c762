package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/internal/words"
	"backtrack/ui/layout"
)

// historyWeights size the history columns: date, pain, pain types,
// triggers, muscles. The header row and every list row share them.
var historyWeights = []float32{1.3, 0.7, 2, 2, 2.6}

// sessionHistory lists a client's sessions, newest first; picking one opens
// the whole note.
type sessionHistory struct {
	now      func() time.Time
	sessions []store.Session

	Title  *widget.Label
	List   *widget.List
	Empty  *secondaryText
	header fyne.CanvasObject

	// OnOpen is called with the session picked in the list.
	OnOpen func(store.Session)

	content fyne.CanvasObject
}

func newSessionHistory(now func() time.Time) *sessionHistory {
	h := &sessionHistory{now: now}
	h.Title = panelTitle("HISTORY") // the client view's history panel shows it
	h.Empty = newHint("")
	// Centred, it gets only the width it asks for: a truncating line asks
	// for none and shows a lone "…".
	h.Empty.Wrapping = fyne.TextWrapOff
	h.Empty.SetText("No sessions recorded yet. Record the first with New session (Ctrl+N).")
	h.List = widget.NewList(
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
	h.content = container.NewBorder(h.header, nil, nil, nil, container.NewStack(h.List, container.NewCenter(h.Empty)))
	return h
}

func (h *sessionHistory) show(sessions []store.Session) {
	h.sessions = sessions
	h.Title.SetText("HISTORY · " + words.Plural(len(sessions), "session", "sessions"))
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
		l := newSecondaryTextStyled(fyne.TextStyle{Bold: true})
		l.SetText(name)
		cells = append(cells, l)
	}
	return container.New(layout.NewColumns(historyWeights...), cells...)
}

func newHistoryRow() *fyne.Container {
	cells := make([]fyne.CanvasObject, len(historyWeights))
	for i := range cells {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		cells[i] = l
	}
	cells[1].(*widget.Label).TextStyle.Bold = true
	return container.New(layout.NewColumns(historyWeights...), cells...)
}

func showHistoryRow(row *fyne.Container, s store.Session, now time.Time) {
	texts := []string{
		shortDate(s.Start, now),
		painChange(s.PainBefore, s.PainAfter),
		store.TagLabels(s.PainTypes),
		triggerLabels(s),
		store.TagLabels(s.Muscles),
	}
	for i, t := range texts {
		row.Objects[i].(*widget.Label).SetText(t)
	}
}
