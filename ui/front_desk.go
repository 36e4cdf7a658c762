package ui

import "backtrack/ui/clientview"

// The front desk's login (backtrack_front_desk on a practice server) reads
// clients' names and contact details and nothing clinical: the server's
// grants say so, and the store asks it once at open (ReadsNotes). The desk
// then lists clients by name and shows each one's contact details with a
// plain sentence that the notes are not for this login, instead of
// failing on what it may not read. Adding and changing clients is the
// therapists' (the grants give the front desk no writes).

// presentFrontDesk sets the desk up for a login that reads contact details
// only.
func (d *Desk) presentFrontDesk() {
	d.newClientButton.Hide()
	d.backup.Line.SetText("Front desk: names and contact details only")
	d.list.Sort.SetOptions([]string{clientview.SortByName})
	d.list.Sort.Selected = clientview.SortByName
	d.list.InRow.Hide() // the notes are not searchable from here
	d.view.Hint.SetText("Pick a client on the left for their phone and email.")
	d.view.FrontDeskHint.SetText("Clinical notes are not available to this login (front desk).")
	d.view.FrontDeskHint.Show()
}
