package clientview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"backtrack/ui/xlayout"
)

// A row's two lines are cut with "…" only when they do not fit. Fyne cuts
// a line by shaping it afresh at every refresh (a new HarfBuzz font each
// time), even a line that fits, and a keystroke in the search refreshes
// every row in view: that was most of what the list added to the query.
// A line that fits needs only its width, which Fyne keeps measured, so
// it is shown uncut and looks the same.

// lineCut is how a line of width available shows text in style: whole
// when it fits, else cut with "…".
func lineCut(text string, style fyne.TextStyle, available float32, th fyne.Theme) fyne.TextTruncation {
	room := available - 2*th.Size(theme.SizeNameInnerPadding)
	if room > 0 && fyne.MeasureText(text, th.Size(theme.SizeNameText), style).Width <= room {
		return fyne.TextTruncateOff
	}
	return fyne.TextTruncateEllipsis
}

// setName shows name on the row's first line, refreshing it only when
// what it shows changes.
func (r *ClientRow) setName(name string) {
	cut := lineCut(name, r.Name.TextStyle, r.Name.Size().Width, r.Name.Theme())
	if name == r.Name.Text && cut == r.Name.Truncation {
		return
	}
	r.Name.Truncation = cut
	r.Name.SetText(name)
}

// setVisit shows visit on the row's second line, as setName.
func (r *ClientRow) setVisit(visit string) {
	cut := lineCut(visit, r.Visit.Seg.Style.TextStyle, r.Visit.Size().Width, r.Visit.Theme())
	if visit == r.Visit.Text() && cut == r.Visit.Truncation {
		return
	}
	r.Visit.Truncation = cut
	r.Visit.SetText(visit)
}

// rowLines stacks the two lines as TightVBox does and, when the row's
// width changes, cuts each line for its new width before it is laid out.
type rowLines struct {
	xlayout.TightVBox
	r     *ClientRow
	width float32
}

func (l *rowLines) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.width {
		l.width = size.Width
		if cut := lineCut(l.r.Name.Text, l.r.Name.TextStyle, size.Width, l.r.Name.Theme()); cut != l.r.Name.Truncation {
			l.r.Name.Truncation = cut
			l.r.Name.Refresh()
		}
		if cut := lineCut(l.r.Visit.Text(), l.r.Visit.Seg.Style.TextStyle, size.Width, l.r.Visit.Theme()); cut != l.r.Visit.Truncation {
			l.r.Visit.Truncation = cut
			l.r.Visit.Refresh()
		}
	}
	l.TightVBox.Layout(objects, size)
}
