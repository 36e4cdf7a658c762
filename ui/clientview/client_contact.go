package clientview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/ui/sessionform"
)

// frontDeskNotice says what this login sees and why the rest is missing.
const frontDeskNotice = "Clinical notes are not available to this login (front desk): " +
	"it shows clients' names and contact details. A therapist's login opens the notes and the history."

// FrontDesk is the contact card the view shows the front desk for a
// Client, in place of the record.
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
	listed, _ := v.shell.ListedClient(id)
	c := listed.Client
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
	v.Content.Objects = []fyne.CanvasObject{container.NewPadded(card.content)}
	v.Content.Refresh()
}

func orNone(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
