package clientview

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
	"backtrack/ui/kit"
	"backtrack/ui/xlayout"
)

// clientHeader is the top of the client view: who this is, how to reach
// them, and the medical alerts nobody may miss before touching them.
type clientHeader struct {
	Name    *widget.Label
	Details *widget.Label // "51 years · +48 601 222 333 · marta@example.com"
	History *widget.Label // medical history, plain: useful, not an alert

	// Refer is the banner above every other alert: a red flag answered
	// "yes" about which nothing was done yet. ReferDone opens the screen
	// to record the referral or the clearance.
	Refer     *fyne.Container
	ReferText *widget.RichText
	ReferDone *kit.Button
	// ReferWords, over a note being written, unfolds the band's line into
	// every word of what to tell the client, and folds it again.
	ReferWords *kit.Button
	referUID   string
	refer      []store.Alert
	writing    bool // a note is being written: the band keeps to its line
	unfolded   bool

	Alert     *container.ThemeOverride // red banner: contraindications; hidden when there are none
	AlertText *widget.RichText
	// Caution is amber: precautions, allergies, medications that matter
	// and a referral awaiting clearance.
	Caution     *container.ThemeOverride
	CautionText *widget.RichText
	NoAlert     *kit.SecondaryText // "No contraindications, precautions or medications recorded"

	NewSession *kit.Button
	Intake     *kit.Button
	Consent    *kit.Button
	Report     *kit.Button
	Measure    *kit.Button // records an outcome measure; in the brief's title bar
	Plan       *kit.Button // the treatment plan; in the brief's title bar
	Edit       *kit.Button
	Archive    *kit.Button

	buttons *fyne.Container
	// Masthead lays the name, the details and the buttons on as few lines
	// as the width allows.
	Masthead *xlayout.Masthead
	Content  fyne.CanvasObject
}

// recording hides the client's actions and contact details while a
// Session form is open: the form has its own Save and Cancel and needs the
// room, and the alert stays in view.
func (h *clientHeader) recording(on bool) {
	if on {
		h.buttons.Hide()
		h.Details.Hide()
	} else {
		h.buttons.Show()
		h.Details.Show()
	}
	h.writing, h.unfolded = on, false
	h.showRefer()
	// the name takes the line the buttons leave, or gives it back
	h.Masthead.Refresh()
}

func newClientHeader() *clientHeader {
	h := &clientHeader{
		Name:      widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		Details:   widget.NewLabel(""),
		History:   widget.NewLabel(""),
		AlertText: widget.NewRichText(),
		NoAlert:   kit.NewSecondaryText(),
		ReferText: widget.NewRichText(), CautionText: widget.NewRichText(),
	}
	h.Name.SizeName = theme.SizeNameHeadingText
	// Who the record or the note is for is never cut: a name too long
	// for its line wraps.
	h.Name.Wrapping = fyne.TextWrapWord
	h.Details.Truncation = fyne.TextTruncateEllipsis
	h.NoAlert.SetText("No contraindications, precautions or medications recorded")
	h.History.Wrapping = fyne.TextWrapWord
	h.AlertText.Wrapping = fyne.TextWrapWord
	h.ReferText.Wrapping, h.CautionText.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	h.ReferDone = kit.NewButtonWithIcon("Record what was done…", theme.DocumentCreateIcon(), nil)
	h.ReferWords = kit.NewButton("What to tell the client", func() {
		h.unfolded = !h.unfolded
		h.showRefer()
	})

	h.NewSession = kit.NewButtonWithIcon("New session", theme.ContentAddIcon(), nil)
	h.NewSession.Importance = widget.HighImportance
	h.Intake = kit.NewButtonWithIcon("Intake…", theme.FileTextIcon(), nil)
	h.Consent = kit.NewButton("Consent…", nil)
	h.Report = kit.NewButtonWithIcon("Report…", theme.DocumentPrintIcon(), nil)
	h.Measure = kit.NewButton("Measure…", nil)
	h.Plan = kit.NewButton("Plan…", nil)
	h.Edit = kit.NewButtonWithIcon("Edit client", theme.DocumentCreateIcon(), nil)
	h.Archive = kit.NewButton("Archive", nil)

	icon := widget.NewIcon(theme.WarningIcon())
	bg := canvas.NewRectangle(kit.AlertRed)
	bg.CornerRadius = theme.InputRadiusSize()
	inner := container.NewBorder(nil, nil, container.NewCenter(icon), nil, h.AlertText)
	// The override wraps the banner; it is what is shown or hidden, since a
	// hidden child inside it would still hold its place.
	alert := container.NewThemeOverride(container.NewStack(bg, container.NewPadded(inner)), kit.AlertTheme{Theme: theme.DefaultTheme()})
	h.Alert = alert

	referBG := canvas.NewRectangle(kit.ReferRed)
	referBG.CornerRadius = theme.InputRadiusSize()
	referWords := container.NewThemeOverride(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.ErrorIcon())),
		nil, h.ReferText), kit.AlertTheme{Theme: theme.DefaultTheme()})
	// Only the words are white: the button, outside the override, keeps the
	// desk's own colours. A theme override of its own would have Fyne parse
	// every font again (the emoji font's 4 MB too) for that one button.
	h.Refer = container.NewStack(referBG, container.NewPadded(
		container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(h.ReferWords, h.ReferDone)), referWords)))
	cautionBG := canvas.NewRectangle(kit.CautionAmber)
	cautionBG.CornerRadius = theme.InputRadiusSize()
	cautionInner := container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.WarningIcon())), nil, h.CautionText)
	h.Caution = container.NewThemeOverride(container.NewStack(cautionBG, container.NewPadded(cautionInner)), kit.SampleTheme{Theme: theme.DefaultTheme()})
	h.Refer.Hide()
	h.Caution.Hide()

	buttons := container.NewHBox(h.NewSession, h.Intake, h.Consent, h.Report, h.Edit, h.Archive)
	h.buttons = buttons
	// The name's line holds the buttons where they fit, else the details:
	// on a narrow window the header keeps to two lines, so the brief below
	// keeps its room, and the name (how the therapist knows whose record is
	// open) is never cut for either.
	measured := func(l *widget.Label, size fyne.ThemeSizeName) func() float32 {
		return func() float32 {
			return fyne.MeasureText(l.Text, theme.Size(size), l.TextStyle).Width + 2*theme.InnerPadding()
		}
	}
	top := xlayout.NewMasthead(h.Name, h.Details, buttons,
		measured(h.Name, theme.SizeNameHeadingText), measured(h.Details, theme.SizeNameText))
	h.Masthead = top
	h.Content = container.NewVBox(top, h.Refer, alert, h.Caution, h.NoAlert, h.History)
	return h
}

// Show fills the header for one client: their alerts by level, the red
// flag nothing was done about above all.
func (h *clientHeader) show(c store.Client, health store.Health, now time.Time) {
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
		age = fmt.Sprintf("%d years (born %s)", years, kit.LongDate(c.DateOfBirth))
	}
	details := store.JoinNonEmpty("  ·  ", age, c.Phone, c.Email)
	if details == "" {
		details = "No date of birth, phone or email recorded"
	}
	h.Details.SetText(details)

	byLevel := map[store.AlertLevel][]store.Alert{}
	for _, a := range store.Alerts(c, health) {
		byLevel[a.Level] = append(byLevel[a.Level], a)
	}
	h.referUID = ""
	if refer := byLevel[store.ReferFirst]; len(refer) > 0 {
		h.referUID = refer[0].ScreenUID
	}
	h.refer = byLevel[store.ReferFirst]
	h.unfolded = false
	h.showRefer()
	showBanner(h.Alert, h.AlertText, byLevel[store.Red])
	showBanner(h.Caution, h.CautionText, byLevel[store.Amber])
	if len(byLevel[store.ReferFirst])+len(byLevel[store.Red])+len(byLevel[store.Amber]) == 0 {
		h.NoAlert.Show()
	} else {
		h.NoAlert.Hide()
	}
	var plain []string
	for _, a := range byLevel[store.PlainHistory] {
		plain = append(plain, a.Label+": "+kit.OneLine(a.Text))
	}
	if len(plain) > 0 {
		h.History.SetText(strings.Join(plain, "\n"))
		h.History.Show()
	} else {
		h.History.Hide()
	}
}

// showRefer fills the red-flag band: every word on the client's page; over
// a note being written, a line of what was found and what not to do, so
// the form keeps its room, the rest a press away.
func (h *clientHeader) showRefer() {
	brief := h.writing && !h.unfolded
	alerts := h.refer
	if brief {
		alerts = make([]store.Alert, len(h.refer))
		for i, a := range h.refer {
			if a.Brief != "" {
				a.Text = a.Brief
			}
			alerts[i] = a
		}
	}
	showBanner(h.Refer, h.ReferText, alerts)
	if h.writing {
		h.ReferDone.Hide() // the form has its own Red-flag screen…
		h.ReferWords.Show()
		h.ReferWords.SetText(map[bool]string{true: "What to tell the client", false: "Fewer words"}[brief])
	} else {
		h.ReferDone.Show()
		h.ReferWords.Hide()
	}
}

// showBanner fills a banner with alerts, each kind in bold capitals then
// what was recorded, one paragraph each; no alert hides it.
func showBanner(banner fyne.CanvasObject, text *widget.RichText, alerts []store.Alert) {
	var segs []widget.RichTextSegment
	for _, a := range alerts {
		segs = append(segs,
			&widget.TextSegment{Text: a.Label + "  ", Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNameForeground}},
			&widget.TextSegment{Text: kit.OneLine(a.Text), Style: widget.RichTextStyle{Inline: false, TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNameForeground}})
	}
	text.Segments = segs
	text.Refresh()
	if len(alerts) > 0 {
		banner.Show()
	} else {
		banner.Hide()
	}
}
