package clientview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
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
	// Page is the rows' scroll; the wheel anywhere over the rows scrolls
	// it, a multi-line field under the pointer included.
	Page *container.Scroll
	// Questions are the form's answer rows in reading order: a key that
	// answers one moves the focus to the next.
	Questions []*answerRow
	// RestNo are the "the rest are No" buttons, one a group of questions.
	RestNo  []*kit.Button
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

// heading starts a group of rows; with questions, a "the rest are No"
// button at its right answers No to each of them not answered yet.
func (f *healthForm) heading(text string, questions ...*answerRow) {
	label := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	label.Wrapping = fyne.TextWrapWord
	if len(questions) == 0 {
		f.add("", label)
		return
	}
	rest := kit.NewButton("The rest are No", func() {
		for _, q := range questions {
			if q.answer().State == store.NotAsked {
				q.Choice.SetSelected(store.AnsweredNo.Label())
			}
		}
	})
	f.RestNo = append(f.RestNo, rest)
	f.add("", container.NewBorder(nil, nil, nil, container.NewCenter(rest), label))
}

// subheading is a heading inside a section: the same, in the words' case.
func (f *healthForm) subheading(text string, questions ...*answerRow) {
	f.heading(text, questions...)
}

// question adds a row holding an answer row, in the keys' order.
func (f *healthForm) question(label string, obj fyne.CanvasObject, q *answerRow) {
	f.Questions = append(f.Questions, q)
	f.add(label, obj)
}

// chainQuestions makes a key that answers a question move the focus on:
// to the next question, or after the last to Save.
func (f *healthForm) chainQuestions(win fyne.Window) {
	for i, q := range f.Questions {
		var next fyne.Focusable = f.Save
		if i+1 < len(f.Questions) {
			next = f.Questions[i+1].Choice
		}
		q.Choice.OnKeyed = func() {
			win.Canvas().Focus(next)
			f.scrollTo(next.(fyne.CanvasObject))
		}
	}
}

// scrollTo scrolls the page just enough to show o whole.
func (f *healthForm) scrollTo(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(f.Page.Content).Y
	view := f.Page.Size().Height
	// a question's label sits above its choice: keep a line of it in view
	margin := o.Size().Height * 1.5
	switch {
	case top-margin < f.Page.Offset.Y:
		f.Page.ScrollToOffset(fyne.NewPos(0, max(0, top-margin)))
	case top+o.Size().Height > f.Page.Offset.Y+view:
		f.Page.ScrollToOffset(fyne.NewPos(0, top+o.Size().Height+theme.Padding()-view))
	}
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
	// The wheel goes to the page wherever the pointer is: a layer over the
	// rows takes it first, so a multi-line field under the pointer (which
	// scrolls its own few lines) does not stop the page.
	wheel := kit.NewWheelTo(nil)
	f.Page = container.NewVScroll(container.NewStack(f.rows, wheel))
	wheel.Target = f.Page
	content := container.NewBorder(nil, buttons, nil, nil, f.Page)
	f.dialog = dialog.NewCustomWithoutButtons(title, content, win)
	f.chainQuestions(win)
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
