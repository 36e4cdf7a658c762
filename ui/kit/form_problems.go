package kit

import (
	"context"
	"errors"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/internal/words"
)

// FormProblems shows what stops a form from saving: each message in red
// under its field (keyed like store.FieldError.Field), and a line beside
// the buttons for anything without a field of its own.
type FormProblems struct {
	Fields  map[string]*FieldError
	Summary *widget.Label
	// Relayout lays the form out again once a message appears or goes:
	// Fyne makes no room for a line shown by itself, and an error drawn
	// over the next row hides both.
	Relayout func()
	shown    map[string]string
}

// Settled takes back the message of field once what it asked for is done
// elsewhere (a name added in Settings), leaving the others as they are.
func (p *FormProblems) Settled(field string) {
	if _, ok := p.shown[field]; !ok {
		return
	}
	rest := map[string]string{}
	for k, v := range p.shown {
		if k != field {
			rest[k] = v
		}
	}
	p.Show(rest)
}

func NewFormProblems() *FormProblems {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	return &FormProblems{Fields: map[string]*FieldError{}, Summary: l}
}

// Field returns the red line for one field, creating it.
func (p *FormProblems) Field(name string) *FieldError {
	if p.Fields[name] == nil {
		p.Fields[name] = NewFieldError()
	}
	return p.Fields[name]
}

// show replaces every message shown; an empty map clears them all.
func (p *FormProblems) Show(problems map[string]string) {
	p.shown = problems
	var loose []string
	for field, msg := range problems {
		if _, ok := p.Fields[field]; !ok {
			loose = append(loose, msg)
		}
	}
	sort.Strings(loose)
	for field, e := range p.Fields {
		e.ShowText(problems[field])
	}
	switch {
	case len(loose) > 0:
		p.Summary.SetText(strings.Join(loose, "\n"))
	case len(problems) > 0:
		p.Summary.SetText("Not saved: " + words.Plural(len(problems), "field needs", "fields need") + " correcting (marked in red).")
	default:
		p.Summary.SetText("")
	}
	if p.Relayout != nil {
		p.Relayout()
	}
}

// showSaveError shows why the store refused to save: validation problems
// at their fields, anything else in words beside the buttons.
func (p *FormProblems) showSaveError(err error) {
	var ve *store.ValidationError
	if !errors.As(err, &ve) {
		p.Show(map[string]string{"": "Not saved. " + words.ErrorText(err)})
		return
	}
	problems := map[string]string{}
	for _, fe := range ve.Problems {
		problems[fe.Field] = fe.Message
	}
	p.Show(problems)
}

// FormSave is the save step every form shares: show the problems found
// without the database and stop there, or save in the background with the
// Button disabled (a double press saves once), then show the store's
// Problems at their fields or hand the saved record to done.
type FormSave struct {
	tasks    *Tasks
	Button   *Button // Save
	Cancel   *Button
	Problems *FormProblems
	Busy     bool
	// Retry, when set, sends a save again that failed for want of the
	// server (form_retry.go); without it the form says to press Save again.
	Retry *saveRetry
}

// NewFormSave makes a form's Save and Cancel buttons (with the keys that
// do the same) and the save step behind Save.
func NewFormSave(t *Tasks, problems *FormProblems, submit, cancel func()) FormSave {
	save := NewButtonWithIcon("Save  (Ctrl+S)", theme.DocumentSaveIcon(), submit)
	save.Importance = widget.HighImportance
	return FormSave{tasks: t, Button: save, Cancel: NewButton("Cancel  (Esc)", cancel), Problems: problems}
}

func SubmitForm[T any](f *FormSave, value T, problems map[string]string,
	save func(context.Context, T) (T, error), done func(T)) {
	if f.Busy {
		return
	}
	f.Problems.Show(problems)
	if len(problems) > 0 {
		return
	}
	if f.Retry != nil {
		f.Retry.Stop() // this attempt replaces the one scheduled
	}
	f.Busy = true
	f.Button.Disable()
	f.tasks.Run(func() func() {
		saved, err := save(context.Background(), value)
		return func() {
			f.Busy = false
			f.Button.Enable()
			if err != nil && f.Retry != nil && retryable(err) {
				f.Problems.Show(nil)
				f.Retry.schedule(f.tasks, words.RetryingText(err, f.Retry.kept), func() { SubmitForm(f, value, nil, save, done) })
				if f.Problems.Relayout != nil {
					f.Problems.Relayout() // the line takes its room
				}
				return
			}
			if err != nil {
				f.Problems.showSaveError(err)
				return
			}
			if f.Retry != nil {
				f.Retry.landed()
			}
			done(saved)
		}
	})
}

// RelayoutAll lays out o and every container and scroll inside it again,
// parents first, so a line that appeared takes its room all the way up.
func RelayoutAll(o fyne.CanvasObject) {
	switch v := o.(type) {
	case *fyne.Container:
		v.Refresh()
		for _, c := range v.Objects {
			RelayoutAll(c)
		}
	case *container.Scroll:
		v.Refresh()
		RelayoutAll(v.Content)
	}
}
