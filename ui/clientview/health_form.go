package clientview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/ui/kit"
	"backtrack/ui/sessionform"
)

// healthForm is the frame the intake, consent and red-flag dialogs share:
// labelled rows in a scrolling form, the red line under each field, a
// summary of what stopped the save, Cancel, and a Save that writes on the
// tasks goroutine and closes the dialog once the store has it.
type healthForm struct {
	tasks   *kit.Tasks
	Save    *kit.Button
	Cancel  *kit.Button
	Summary *widget.Label
	Errors  map[string]*kit.FieldError // red lines by store field key
	rows    *fyne.Container
	busy    bool
	OnSaved func()
	dialog  *dialog.CustomDialog
}

func newHealthForm(t *kit.Tasks, saveLabel string, save func()) *healthForm {
	f := &healthForm{tasks: t, Errors: map[string]*kit.FieldError{}, rows: container.New(layout.NewFormLayout())}
	f.Summary = widget.NewLabel("")
	f.Summary.Importance = widget.DangerImportance
	f.Summary.Wrapping = fyne.TextWrapWord
	f.Save = kit.NewButtonWithIcon(saveLabel, theme.DocumentSaveIcon(), save)
	f.Save.Importance = widget.HighImportance
	f.Cancel = kit.NewButton("Cancel", func() { f.dialog.Hide() })
	return f
}

// add puts a row in the form; an empty label leaves the label column blank.
func (f *healthForm) add(label string, obj fyne.CanvasObject) {
	if label == "" {
		f.rows.Add(layout.NewSpacer())
	} else {
		f.rows.Add(sessionform.RowLabel(label))
	}
	f.rows.Add(obj)
}

// heading starts a group of rows.
func (f *healthForm) heading(text string) {
	f.add("", widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
}

// withError puts the red line of field key under obj, making one if the
// field has none yet.
func (f *healthForm) withError(obj fyne.CanvasObject, key string) fyne.CanvasObject {
	if f.Errors[key] == nil {
		f.Errors[key] = kit.NewFieldError()
	}
	return container.NewVBox(obj, f.Errors[key])
}

// build makes the dialog: the rows scrolling above the summary, with
// extra (or nothing) at the left of Cancel and Save.
func (f *healthForm) build(title string, extra fyne.CanvasObject, win fyne.Window) {
	buttons := container.NewBorder(nil, nil, extra, kit.DialogButtons(f.Save, f.Cancel), f.Summary)
	content := container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(f.rows))
	f.dialog = dialog.NewCustomWithoutButtons(title, content, win)
}

// submit shows the problems found before the store was asked; with none it
// runs write off the UI goroutine and closes the dialog when it succeeds,
// or shows why the store refused, the typed text kept.
func (f *healthForm) submit(problems map[string]string, write func() error) {
	if f.busy {
		return
	}
	showProblems(f.Errors, f.Summary, problems)
	if len(problems) > 0 {
		return
	}
	f.busy = true
	f.Save.Disable()
	f.tasks.Run(func() func() {
		err := write()
		return func() {
			f.busy = false
			f.Save.Enable()
			if err != nil {
				showSaveProblems(f.Errors, f.Summary, err)
				return
			}
			f.dialog.Hide()
			if f.OnSaved != nil {
				f.OnSaved()
			}
		}
	})
}
