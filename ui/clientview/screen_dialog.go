package clientview

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"backtrack/store"
	"backtrack/ui/kit"
)

// screenDialog screens for red flags at a visit, or records what was done
// about a "yes" (the referral, the physician's clearance) on the screen it
// concerns. It keeps its widgets for tests.
type screenDialog struct {
	store  Record
	tasks  *kit.Tasks
	client store.Client
	base   store.RedFlagScreen

	Date   *dateField
	Fields *screenFields
	*healthForm
}

// newScreenDialog opens on base: a screen recorded before (UID set), or a
// new one dated day.
func newScreenDialog(win fyne.Window, s Record, t *kit.Tasks, c store.Client, base store.RedFlagScreen, day time.Time, now func() time.Time) *screenDialog {
	if base.UID == "" && base.On.IsZero() {
		base.On = day
	}
	e := &screenDialog{store: s, tasks: t, client: c, base: base}
	e.healthForm = newHealthForm(t, "Save screen", e.save)
	e.Date = newDateField(base.On, now)
	e.Fields = newScreenFields(base, now)
	e.Fields.fields(e.Errors)
	e.Errors["screen_date"] = e.Date.Error
	e.add("Screened on", e.Date.box)
	e.Fields.rows(e.healthForm, base.Open())
	title := "Red-flag screen: " + c.FullName()
	if base.Open() {
		title = "Refer before treating: " + c.FullName()
	}
	e.build(title, nil, win)
	return e
}

func (e *screenDialog) save() {
	problems := map[string]string{}
	s := e.Fields.read(e.base, problems)
	s.On = e.Date.value("screen_date", "The screen's date", problems)
	if s.On.IsZero() && problems["screen_date"] == "" {
		problems["screen_date"] = "The screen's date is required"
	}
	id := e.client.ID
	e.submit(problems, func() error {
		_, err := e.store.SaveScreen(context.Background(), id, s)
		return err
	})
}
