package kit

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
)

// saveRetry sends a save again while the practice server cannot be
// reached (or another program holds a file's write lock): the form and
// its text stay, a line says so, Retry now sends it at once, and otherwise
// it goes again by itself after a pause that doubles each time. A new
// session or client keeps the UID it was given when the form opened, so a
// first attempt that landed with its answer lost is not saved twice
// (sqlstore's replay).
type saveRetry struct {
	Line  *widget.Label // what is happening, across the form
	kept  string        // what the line says is kept: "your note"
	Now   *Button       // Retry now
	Bar   *fyne.Container
	timer *time.Timer
	pause time.Duration
	Again func()      // the save as last sent
	Alive func() bool // whether the form is still open; nil: always
}

// The pauses between attempts.
const (
	firstRetryPause = time.Second
	maxRetryPause   = 30 * time.Second
)

// Retrying makes the form's saves wait for the server and go again (kept
// names what the line says stays: "your note"). A new record (isNew) is
// given its UID now, when the form opens, and sends it with every attempt.
func (f *FormSave) Retrying(kept string, isNew bool, uid *string) *saveRetry {
	f.Retry = newSaveRetry(kept)
	if isNew && *uid == "" {
		*uid = store.NewUID()
	}
	return f.Retry
}

func newSaveRetry(kept string) *saveRetry {
	r := &saveRetry{Line: widget.NewLabel(""), kept: kept}
	r.Line.Importance = widget.DangerImportance
	r.Line.Wrapping = fyne.TextWrapWord
	r.Now = NewButton("Retry now", r.RetryNow)
	r.Bar = container.NewBorder(nil, nil, nil, r.Now, r.Line)
	r.Bar.Hide()
	return r
}

// retryable reports an error after which the same save may succeed.
func retryable(err error) bool {
	return errors.Is(err, store.ErrUnreachable) || errors.Is(err, store.ErrBusy)
}

// schedule sends again after the next pause, on the UI goroutine.
func (r *saveRetry) schedule(t *Tasks, why string, again func()) {
	r.Again = again
	r.Line.SetText(why)
	r.Bar.Show()
	r.pause = min(max(2*r.pause, firstRetryPause), maxRetryPause)
	r.Stop()
	r.timer = time.AfterFunc(r.pause, func() { fyne.Do(func() { t.OnUI(r.RetryNow) }) })
}

// RetryNow sends the save again now, unless the form was closed.
func (r *saveRetry) RetryNow() {
	r.Stop()
	again := r.Again
	r.Again = nil
	if again != nil && (r.Alive == nil || r.Alive()) {
		again()
	}
}

// Stop cancels the attempt scheduled, if any.
func (r *saveRetry) Stop() {
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
}

// landed forgets the attempts once a save has landed.
func (r *saveRetry) landed() {
	r.Stop()
	r.pause, r.Again = 0, nil
	r.Bar.Hide()
}
