package sessionform

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store/sqlstore"
	"backtrack/ui/kit"
)

// A new note or a draft is saved as a draft (Save) or saved and signed at
// once (Save and sign). A signed note opens in the form only to be
// amended: the changes are saved with a reason, and the note as it was is
// kept (store.Amendment).

// makeSigning adds the Save and sign button and the amendment's reason.
func (f *SessionForm) makeSigning() {
	f.SaveSign = kit.NewButtonWithIcon("Save and sign  (Ctrl+Shift+S)", theme.ConfirmIcon(), f.SubmitSigned)
	f.Reason = kit.NewEntry("Why the signed note changes, for the record's history")
	if f.Base.Locked() {
		f.SaveSign.Hide()
		f.Save.SetText("Save amendment  (Ctrl+S)")
	}
}

// titleAmendment names the form for what it does once it is filled.
func (f *SessionForm) titleAmendment() {
	if f.Amending() {
		f.Title.SetText("Amend the signed note of " + kit.DateTime(f.Base.Start))
	}
}

// reasonRow is the amendment's reason above the buttons, shown only when
// a signed note is amended.
func (f *SessionForm) reasonRow() fyne.CanvasObject {
	row := container.NewBorder(nil, f.Problems.Field("reason"), widget.NewLabelWithStyle("Reason", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, f.Reason)
	if !f.Base.Locked() {
		row.Hide()
	}
	return row
}

// Amending reports whether the form amends a signed note.
func (f *SessionForm) Amending() bool { return f.Base.Locked() }

// SubmitSigned saves the note and signs it with the therapist's name.
func (f *SessionForm) SubmitSigned() {
	if f.Amending() {
		f.Submit()
		return
	}
	f.signNext = true
	f.Submit()
}

// SignerChanged takes back "Add your name in Settings" once Settings has
// the name: the form no longer asks for what is there.
func (f *SessionForm) SignerChanged() {
	if f.Signer != nil && f.Signer() != "" {
		f.Problems.Settled("therapist")
	}
}

// saveRequest is how this submit saves: as a draft, saved and signed, or
// as an amendment of a signed note (the note goes in at the save). A
// reason or a name that is missing is a problem shown at the form before
// anything is sent.
func (f *SessionForm) saveRequest(problems map[string]string) sqlstore.SaveRequest {
	sign := f.signNext
	f.signNext = false
	by := ""
	if f.Signer != nil {
		by = f.Signer()
	}
	switch {
	case f.Amending():
		reason := strings.TrimSpace(f.Reason.Text)
		if reason == "" {
			problems["reason"] = "Say why the signed note changes: the reason stays with the record"
		}
		if by == "" {
			problems["therapist"] = "Add your name in Settings (Therapist) before amending: an amendment carries the therapist's name"
		}
		return sqlstore.SaveRequest{Amend: true, By: by, Reason: reason}
	case sign:
		if by == "" {
			problems["therapist"] = "Add your name in Settings (Therapist) before signing: a signed note carries the therapist's name"
		}
		return sqlstore.SaveRequest{Sign: true, By: by}
	}
	return sqlstore.SaveRequest{}
}
