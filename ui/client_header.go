package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/layout"
)

// clientHeader is the top of the client view: who this is, how to reach
// them, and the medical alerts nobody may miss before touching them.
type clientHeader struct {
	Name    *widget.Label
	Details *widget.Label // "51 years · +48 601 222 333 · marta@example.com"
	History *widget.Label // medical history, plain: useful, not an alert

	Alert     *container.ThemeOverride // red banner for contraindications; hidden when there are none
	AlertText *widget.RichText
	NoAlert   *secondaryText // "No contraindications recorded"
	// Medications are to know, not an alarm: a plain line with an info
	// mark, so red keeps meaning "this changes the treatment".
	Medications *widget.Label
	medsLine    fyne.CanvasObject

	NewSession *button
	Report     *button
	Measure    *button // records an outcome measure; in the brief's title bar
	Plan       *button // the treatment plan; in the brief's title bar
	Edit       *button
	Archive    *button

	buttons *fyne.Container
	content fyne.CanvasObject
}

// recording hides the client's actions and contact details while a
// session form is open: the form has its own Save and Cancel and needs the
// room, and the alert stays in view.
func (h *clientHeader) recording(on bool) {
	if on {
		h.buttons.Hide()
		h.Details.Hide()
	} else {
		h.buttons.Show()
		h.Details.Show()
	}
}

func newClientHeader() *clientHeader {
	h := &clientHeader{
		Name:      widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		Details:   widget.NewLabel(""),
		History:   widget.NewLabel(""),
		AlertText: widget.NewRichText(),
		NoAlert:   newSecondaryText(),
	}
	h.Medications = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.Medications.Wrapping = fyne.TextWrapWord
	h.medsLine = container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, h.Medications)
	h.Name.SizeName = theme.SizeNameHeadingText
	h.Name.Truncation = fyne.TextTruncateEllipsis
	h.Details.Truncation = fyne.TextTruncateEllipsis
	h.NoAlert.SetText("No contraindications recorded")
	h.History.Wrapping = fyne.TextWrapWord
	h.AlertText.Wrapping = fyne.TextWrapWord

	h.NewSession = newButtonWithIcon("New session", theme.ContentAddIcon(), nil)
	h.NewSession.Importance = widget.HighImportance
	h.Report = newButtonWithIcon("Report…", theme.DocumentPrintIcon(), nil)
	h.Measure = newButton("Measure…", nil)
	h.Plan = newButton("Plan…", nil)
	h.Edit = newButtonWithIcon("Edit client", theme.DocumentCreateIcon(), nil)
	h.Archive = newButton("Archive", nil)

	icon := widget.NewIcon(theme.WarningIcon())
	bg := canvas.NewRectangle(alertRed)
	bg.CornerRadius = theme.InputRadiusSize()
	inner := container.NewBorder(nil, nil, container.NewCenter(icon), nil, h.AlertText)
	// The override wraps the banner; it is what is shown or hidden, since a
	// hidden child inside it would still hold its place.
	alert := container.NewThemeOverride(container.NewStack(bg, container.NewPadded(inner)), alertTheme{theme.DefaultTheme()})
	h.Alert = alert

	buttons := container.NewHBox(h.NewSession, h.Report, h.Edit, h.Archive)
	h.buttons = buttons
	// The buttons share the name's line only: the details below get the
	// whole width, so a long email address is not cut short.
	nameLine := container.NewBorder(nil, nil, nil, container.NewCenter(buttons), h.Name)
	top := container.New(&layout.TightVBox{}, nameLine, h.Details)
	h.content = container.NewVBox(top, alert, h.NoAlert, h.medsLine, h.History)
	return h
}

// show fills the header for one client.
func (h *clientHeader) show(c store.Client, now time.Time) {
	name := c.FullName()
	if c.Archived {
		name += " (archived)"
		h.Archive.SetText("Restore")
	} else {
		h.Archive.SetText("Archive")
	}
	h.Name.SetText(name)
	age := ""
	if years := c.AgeOn(now); years >= 0 {
		age = fmt.Sprintf("%d years (born %s)", years, longDate(c.DateOfBirth))
	}
	details := store.JoinNonEmpty("  ·  ", age, c.Phone, c.Email)
	if details == "" {
		details = "No date of birth, phone or email recorded"
	}
	h.Details.SetText(details)

	if history := oneLine(c.MedicalHistory); history != "" {
		h.History.SetText("Medical history: " + history)
		h.History.Show()
	} else {
		h.History.Hide()
	}

	h.AlertText.Segments = alertSegments(c)
	h.AlertText.Refresh()
	if c.HasContraindications() {
		h.Alert.Show()
		h.NoAlert.Hide()
	} else {
		h.Alert.Hide()
		h.NoAlert.Show()
	}
	if meds := oneLine(c.Medications); meds != "" {
		h.Medications.SetText("Medications: " + meds)
		h.medsLine.Show()
	} else {
		h.medsLine.Hide()
	}
}

// alertSegments is the alert text: each kind in bold capitals, then what
// was recorded, one paragraph each.
func alertSegments(c store.Client) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	add := func(label, text string) {
		text = strings.TrimSpace(text)
		if text == "" {
			return
		}
		segs = append(segs,
			&widget.TextSegment{Text: label + "  ", Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNameForeground}},
			&widget.TextSegment{Text: oneLine(text), Style: widget.RichTextStyle{Inline: false, TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNameForeground}})
	}
	add("CONTRAINDICATIONS", c.Contraindications)
	return segs
}
