package ui

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
	"backtrack/ui/kit"
)

// formProblems shows what stops a form from saving: each message in red
// under its field (keyed like store.FieldError.Field), and a line beside
// the buttons for anything without a field of its own.
type formProblems struct {
	fields  map[string]*kit.FieldError
	Summary *widget.Label
	// relayout lays the form out again once a message appears or goes:
	// Fyne makes no room for a line shown by itself, and an error drawn
	// over the next row hides both.
	relayout func()
}

func newFormProblems() *formProblems {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	return &formProblems{fields: map[string]*kit.FieldError{}, Summary: l}
}

// field returns the red line for one field, creating it.
func (p *formProblems) field(name string) *kit.FieldError {
	if p.fields[name] == nil {
		p.fields[name] = kit.NewFieldError()
	}
	return p.fields[name]
}

// show replaces every message shown; an empty map clears them all.
func (p *formProblems) show(problems map[string]string) {
	var loose []string
	for field, msg := range problems {
		if _, ok := p.fields[field]; !ok {
			loose = append(loose, msg)
		}
	}
	sort.Strings(loose)
	for field, e := range p.fields {
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
	if p.relayout != nil {
		p.relayout()
	}
}

// showSaveError shows why the store refused to save: validation problems
// at their fields, anything else in words beside the buttons.
func (p *formProblems) showSaveError(err error) {
	var ve *store.ValidationError
	if !errors.As(err, &ve) {
		p.show(map[string]string{"": "Not saved. " + words.ErrorText(err)})
		return
	}
	problems := map[string]string{}
	for _, fe := range ve.Problems {
		problems[fe.Field] = fe.Message
	}
	p.show(problems)
}

// formSave is the save step every form shares: show the problems found
// without the database and stop there, or save in the background with the
// button disabled (a double press saves once), then show the store's
// problems at their fields or hand the saved record to done.
type formSave struct {
	tasks    *kit.Tasks
	button   *kit.Button // Save
	cancel   *kit.Button
	problems *formProblems
	busy     bool
	// retry, when set, sends a save again that failed for want of the
	// server (form_retry.go); without it the form says to press Save again.
	retry *saveRetry
}

// newFormSave makes a form's Save and Cancel buttons (with the keys that
// do the same) and the save step behind Save.
func newFormSave(t *kit.Tasks, problems *formProblems, submit, cancel func()) formSave {
	save := kit.NewButtonWithIcon("Save  (Ctrl+S)", theme.DocumentSaveIcon(), submit)
	save.Importance = widget.HighImportance
	return formSave{tasks: t, button: save, cancel: kit.NewButton("Cancel  (Esc)", cancel), problems: problems}
}

func submitForm[T any](f *formSave, value T, problems map[string]string,
	save func(context.Context, T) (T, error), done func(T)) {
	if f.busy {
		return
	}
	f.problems.show(problems)
	if len(problems) > 0 {
		return
	}
	if f.retry != nil {
		f.retry.stop() // this attempt replaces the one scheduled
	}
	f.busy = true
	f.button.Disable()
	f.tasks.Run(func() func() {
		saved, err := save(context.Background(), value)
		return func() {
			f.busy = false
			f.button.Enable()
			if err != nil && f.retry != nil && retryable(err) {
				f.problems.show(nil)
				f.retry.schedule(f.tasks, words.RetryingText(err, f.retry.kept), func() { submitForm(f, value, nil, save, done) })
				if f.problems.relayout != nil {
					f.problems.relayout() // the line takes its room
				}
				return
			}
			if err != nil {
				f.problems.showSaveError(err)
				return
			}
			if f.retry != nil {
				f.retry.landed()
			}
			done(saved)
		}
	})
}

// relayoutAll lays out o and every container and scroll inside it again,
// parents first, so a line that appeared takes its room all the way up.
func relayoutAll(o fyne.CanvasObject) {
	switch v := o.(type) {
	case *fyne.Container:
		v.Refresh()
		for _, c := range v.Objects {
			relayoutAll(c)
		}
	case *container.Scroll:
		v.Refresh()
		relayoutAll(v.Content)
	}
}
