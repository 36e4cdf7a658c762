package ui

import (
	"fyne.io/fyne/v2"

	"backtrack/store/settings"
)

// Actor is who the audit log names for changes made at the desk: the
// therapist's name and credentials from Settings, read at each change.
// Before Settings are filled in, the store names the computer's user.
func Actor(a fyne.App) func() string {
	return func() string { return signer(a.Preferences()) }
}

// signer is the name a signed note carries: "Anna Keller, LMT", or "" when
// Settings do not name the therapist yet (signing then says so).
func signer(p fyne.Preferences) string {
	return settings.Read(p.String).Practice.TherapistLine()
}
