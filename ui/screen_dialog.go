package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// screenDialog screens for red flags at a visit, or records what was done
// about a "yes" (the referral, the physician's clearance) on the screen it
// concerns. It keeps its widgets for tests.
type screenDialog struct {
	store  *sqlstore.Store
	tasks  *tasks
	client store.Client
	base   store.RedFlagScreen

	Date    *dateField
	Fields  *screenFields
	Save    *widget.Button
	Cancel  *widget.Button
	Summary *widget.Label
	errors  map[string]*fieldError
	busy    bool
	OnSaved func()
	dialog  *dialog.CustomDialog
}

// newScreenDialog opens on base: a screen recorded before (UID set), or a
// new one dated day.
func newScreenDialog(win fyne.Window, s *sqlstore.Store, t *tasks, c store.Client, base store.RedFlagScreen, day time.Time) *screenDialog {
	if base.UID == "" && base.On.IsZero() {
		base.On = day
	}
	e := &screenDialog{store: s, tasks: t, client: c, base: base, errors: map[string]*fieldError{}}
	e.Date = newDateField(base.On)
	e.Fields = newScreenFields(base)
	e.Fields.fields(e.errors)
	e.errors["screen_date"] = e.Date.Error
	e.Summary = widget.NewLabel("")
	e.Summary.Importance = widget.DangerImportance
	e.Summary.Wrapping = fyne.TextWrapWord
	e.Save = widget.NewButtonWithIcon("Save screen", theme.DocumentSaveIcon(), e.save)
	e.Save.Importance = widget.HighImportance
	e.Cancel = widget.NewButton("Cancel", func() { e.dialog.Hide() })

	rows := container.New(layout.NewFormLayout())
	add := func(label string, obj fyne.CanvasObject) {
		if label == "" {
			rows.Add(layout.NewSpacer())
		} else {
			rows.Add(rowLabel(label))
		}
		rows.Add(obj)
	}
	add("Screened on", e.Date.box)
	e.Fields.rows(add)
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(e.Cancel, e.Save), e.Summary)
	content := container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(rows))
	title := "Red-flag screen: " + c.FullName()
	if base.Open() {
		title = "Refer before treating: " + c.FullName()
	}
	e.dialog = dialog.NewCustomWithoutButtons(title, content, win)
	return e
}

func (e *screenDialog) save() {
	if e.busy {
		return
	}
	problems := map[string]string{}
	s := e.Fields.read(e.base, problems)
	s.On = e.Date.value("screen_date", "The screen's date", problems)
	if s.On.IsZero() && problems["screen_date"] == "" {
		problems["screen_date"] = "The screen's date is required"
	}
	showProblems(e.errors, e.Summary, problems)
	if len(problems) > 0 {
		return
	}
	e.busy = true
	e.Save.Disable()
	id := e.client.ID
	e.tasks.run(func() func() {
		_, err := e.store.SaveScreen(context.Background(), id, s)
		return func() {
			e.busy = false
			e.Save.Enable()
			if err != nil {
				showSaveProblems(e.errors, e.Summary, err)
				return
			}
			e.dialog.Hide()
			if e.OnSaved != nil {
				e.OnSaved()
			}
		}
	})
}
