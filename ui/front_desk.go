package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/sessionform"
)

// The front desk's login (backtrack_front_desk on a practice server) reads
// clients' names and contact details and nothing clinical: the server's
// grants say so, and the store asks it once at open (ReadsNotes). The desk
// then lists clients by name and shows each one's contact details with a
// plain sentence that the notes are not for this login, instead of
// failing on what it may not read. Adding and changing clients is the
// therapists' (the grants give the front desk no writes).

// frontDeskNotice says what this login sees and why the rest is missing.
const frontDeskNotice = "Clinical notes are not available to this login (front desk): " +
	"it shows clients' names and contact details. A therapist's login opens the notes and the history."

// presentFrontDesk sets the desk up for a login that reads contact details
// only.
func (d *Desk) presentFrontDesk() {
	d.newClientButton.Hide()
	d.backup.Line.SetText("Front desk: names and contact details only")
	d.list.Sort.SetOptions([]string{sortByName})
	d.list.Sort.Selected = sortByName
	d.list.inRow.Hide() // the notes are not searchable from here
	d.view.hint.SetText("Pick a client on the left for their phone and email.")
	d.view.frontDeskHint.SetText("Clinical notes are not available to this login (front desk).")
	d.view.frontDeskHint.Show()
}

// FrontDesk is the contact card the view shows the front desk for a
// client, in place of the record.
type FrontDesk struct {
	Name    *widget.Label
	Phone   *widget.Label
	Email   *widget.Label
	Notice  *widget.Label
	content fyne.CanvasObject
}

// showContact shows the front desk the contact details of the client the
// list holds with that id.
func (v *ClientView) showContact(id int64) {
	var c store.Client
	for _, r := range v.d.list.Rows() {
		if r.ID == id {
			c = r.Client
		}
	}
	card := &FrontDesk{
		Name:   widget.NewLabelWithStyle(c.FullName(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		Phone:  widget.NewLabel(orNone(c.Phone)),
		Email:  widget.NewLabel(orNone(c.Email)),
		Notice: widget.NewLabel(frontDeskNotice),
	}
	card.Name.SizeName = theme.SizeNameHeadingText
	card.Notice.Wrapping = fyne.TextWrapWord
	details := container.New(layout.NewFormLayout(), sessionform.RowLabel("Phone"), card.Phone, sessionform.RowLabel("Email"), card.Email)
	card.content = container.NewVBox(card.Name, details, widget.NewSeparator(), card.Notice)
	v.Contact = card
	v.content.Objects = []fyne.CanvasObject{container.NewPadded(card.content)}
	v.content.Refresh()
}

func orNone(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// contactLine is the front desk's second line of a client's row: phone and
// email, where a therapist sees the last visit.
func contactLine(c store.Client) string {
	switch {
	case c.Phone != "" && c.Email != "":
		return c.Phone + " · " + c.Email
	case c.Phone != "":
		return c.Phone
	case c.Email != "":
		return c.Email
	}
	return "No phone or email recorded"
}
