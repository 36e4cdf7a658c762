// Package sessionform is the Session menu's room: the session form and
// everything that belongs to a note as it is written: the body chart input
// and its popup, signing and amending, the private note, the problems shown
// under fields and the save that waits for a server to come back. The
// form saves down one path, one sqlstore.SaveRequest to Record.Save
// (record.go); the consent question asked as a muscle is ticked
// (AskConsentGate) and the red-flag question asked at save (AskFlags) are
// wired in session_form_gates.go, the consent's answer carried in the same
// request.
package sessionform
