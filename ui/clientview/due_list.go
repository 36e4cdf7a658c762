package clientview

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/kit"
)

// DueList is, where no client is picked, the clients whose re-assessment
// is due at their next visit, a row each that opens the client (a click,
// or Space on the row in focus). A list, not a box of buttons: a practice
// of years has hundreds due, and a box that grew with them made the
// window as tall as the list (31,816 pixels for 2,000 clients) and drew
// every row; a list scrolls under its title and draws the rows in view.
type DueList struct {
	Title   *widget.Label
	List    *widget.List
	Content *fyne.Container
	rows    []dueRow
	open    func(id int64)
}

type dueRow struct {
	id    int64
	words string
}

func newDueList(open func(id int64)) *DueList {
	l := &DueList{open: open}
	l.Title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	l.List = widget.NewList(func() int { return len(l.rows) },
		func() fyne.CanvasObject {
			// a long name with its date of birth on a narrow pane ends in "…"
			// rather than running off both sides
			row := widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
			row.Truncation = fyne.TextTruncateEllipsis
			return row
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(l.rows[i].words) })
	l.List.OnSelected = func(i widget.ListItemID) {
		l.List.UnselectAll() // a row opens its client; it is not a choice kept
		if i < len(l.rows) {
			l.open(l.rows[i].id)
		}
	}
	l.Content = container.NewBorder(l.Title, nil, nil, nil, l.List)
	l.Content.Hide()
	return l
}

// Set lists the clients due, two clients of one name told apart by their
// dates of birth.
func (l *DueList) Set(due []store.ReassessmentDue) {
	names := map[string]int{}
	for _, d := range due {
		names[strings.ToLower(d.Client.FullName())]++
	}
	was := l.rows
	l.rows = nil
	for _, d := range due {
		name := d.Client.FullName()
		if names[strings.ToLower(name)] > 1 {
			name = kit.NameWithDetail(d.Client)
		}
		l.rows = append(l.rows, dueRow{d.Client.ID, name + "  ·  " + d.Status.Words()})
	}
	l.Title.SetText(dueTitle(len(due)))
	// nobody due: no empty list to Tab into
	l.Content.Hidden = len(due) == 0
	// the same clients again (a save here or at another desk): the list
	// stays where the therapist scrolled it
	if !slices.EqualFunc(was, l.rows, func(a, b dueRow) bool { return a.id == b.id }) {
		l.List.ScrollToTop()
	}
	l.List.Refresh()
	l.Content.Refresh()
}

// dueTitle heads the list, counting the clients when there are more than
// a glance takes in.
func dueTitle(n int) string {
	if n < 6 {
		return "Re-assessment due at the next visit"
	}
	return fmt.Sprintf("Re-assessment due at the next visit: %d clients", n)
}

// Rows is each row's words, in order.
func (l *DueList) Rows() []string {
	out := make([]string, len(l.rows))
	for i, r := range l.rows {
		out[i] = r.words
	}
	return out
}
