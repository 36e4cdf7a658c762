package kit

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/dates"
)

// ReadDay reads a typed date as every date field of the desk reads it:
// store/dates in the order of the user's locale, asked of the system each
// time. The error quotes the text and says what is wrong with it.
func ReadDay(text string) (time.Time, error) {
	return dates.Read(text, dates.OrderOfLocale())
}

// ParseDay is ReadDay for callers that need only whether it is a date.
func ParseDay(text string) (time.Time, bool) {
	d, err := ReadDay(text)
	return d, err == nil
}

// DateProblem is the sentence under a date field that cannot be read:
// the field's label, then the reader's reason (Date of birth "31.02.1979"
// is not a date: February 1979 has 28 days).
func DateProblem(label string, err error) string {
	return label + " " + err.Error()
}

// DateExample is how a date error shows what is accepted: the ISO form,
// and the dotted one, which reads day-first in every locale.
const DateExample = "2026-11-25 or 25.11.2026"

// MakeDateField turns e into a date field: Up and Down step a day (Shift
// with them a week), and a calendar button beside it picks a day with the
// mouse or Enter.
func MakeDateField(e *Entry) {
	e.onKey = func(k *fyne.KeyEvent) bool {
		switch k.Name {
		case fyne.KeyUp:
			StepDay(e, 1)
		case fyne.KeyDown:
			StepDay(e, -1)
		case fyne.KeyPageUp:
			StepDay(e, 7)
		case fyne.KeyPageDown:
			StepDay(e, -7)
		default:
			return false
		}
		return true
	}
	// The calendar is for the mouse: it takes no Tab stop of its own.
	pick := newSideToggle("", func() { showCalendar(e) })
	pick.Icon, pick.inField = theme.CalendarIcon(), true
	e.ActionItem = pick
}

// StepDay moves the date typed in e by days; a date that cannot be read
// stays as typed, for its error to say why.
func StepDay(e *Entry, days int) {
	if d, ok := ParseDay(e.Text); ok {
		e.SetText(d.AddDate(0, 0, days).Format(store.DateLayout))
	}
}

// showCalendar opens Fyne's calendar under the field, on the typed date.
func showCalendar(e *Entry) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	day, ok := ParseDay(e.Text)
	if !ok {
		day = time.Now()
	}
	var pop *widget.PopUp
	cal := widget.NewCalendar(day, func(t time.Time) {
		e.SetText(t.Format(store.DateLayout))
		pop.Hide()
		c.Focus(e)
	})
	pop = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	pop.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
}
