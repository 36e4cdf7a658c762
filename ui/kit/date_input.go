package kit

import (
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
)

// dayLayouts are the ways a therapist may type a date: as the records keep
// it (2026-11-25), or as the locale writes it: 25.11.2026 or 25/11/2026,
// and 11/25/2026 where the month comes first (en_US).
func dayLayouts() []string {
	slash := "2/1/2006"
	if monthFirst() {
		slash = "1/2/2006"
	}
	return []string{store.DateLayout, "2.1.2006", "2.1.06", slash}
}

// monthFirst reports a locale that writes the month before the day.
func monthFirst() bool {
	for _, v := range []string{"LC_ALL", "LC_TIME", "LANG"} {
		if l := os.Getenv(v); l != "" {
			return strings.HasPrefix(l, "en_US") || strings.HasPrefix(l, "en_PH")
		}
	}
	return false
}

// ParseDay reads a typed date in any of dayLayouts, as a local date.
func ParseDay(text string) (time.Time, bool) {
	text = strings.TrimSpace(text)
	for _, layout := range dayLayouts() {
		if d, err := time.ParseInLocation(layout, text, time.Local); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}

// DateExample is how a date error shows what is accepted.
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
