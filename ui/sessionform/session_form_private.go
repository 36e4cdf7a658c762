package sessionform

import "fyne.io/fyne/v2/widget"

// makePrivate adds "Private to me": on a practice server the note is then
// read only by its author (and the clinic's auditors), which the server's
// row-level security enforces whatever a desk asks. A file has one
// therapist, so the box is not shown there.
func (f *SessionForm) makePrivate(onServer bool) {
	f.Private = widget.NewCheck("Private to me", nil)
	if !onServer {
		f.Private.Hide()
	}
}
