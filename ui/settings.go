package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Preference keys. The practice details are printed on reports; the
// report package reads the same keys.
const (
	prefPracticeName = "practice.name"
	prefTherapist    = "practice.therapist"
	prefCredentials  = "practice.credentials"
	prefAppearance   = "appearance.theme"
)

// Settings edits the practice details and the appearance, kept in Fyne's
// preferences for this app.
type Settings struct {
	Practice    *entry
	Therapist   *entry
	Credentials *entry
	Appearance  *widget.RadioGroup
	Save        *widget.Button
	Cancel      *widget.Button

	dialog *dialog.CustomDialog
}

// showSettings opens the settings dialog.
func (d *Desk) showSettings() {
	prefs := d.app.Preferences()
	s := &Settings{
		Practice:    newEntry("Back in Balance Massage"),
		Therapist:   newEntry("Your name"),
		Credentials: newEntry("LMT, CMTPT"),
		Appearance:  widget.NewRadioGroup([]string{appearanceSystem, appearanceLight, appearanceDark}, nil),
	}
	s.Practice.SetText(prefs.String(prefPracticeName))
	s.Therapist.SetText(prefs.String(prefTherapist))
	s.Credentials.SetText(prefs.String(prefCredentials))
	s.Appearance.Horizontal = true
	s.Appearance.Required = true
	s.Appearance.SetSelected(prefs.StringWithFallback(prefAppearance, appearanceSystem))
	// Pick the appearance live, so the therapist sees it before keeping it.
	before := s.Appearance.Selected
	s.Appearance.OnChanged = func(v string) { d.app.Settings().SetTheme(newDeskTheme(v)) }

	hint := widget.NewLabel("Printed in the header of progress reports and under the signature line.")
	hint.Importance = widget.LowImportance
	hint.SizeName = theme.SizeNameCaptionText
	form := container.New(layout.NewFormLayout(),
		rowLabel("Practice name"), s.Practice,
		rowLabel("Therapist"), s.Therapist,
		rowLabel("Credentials"), s.Credentials,
		layout.NewSpacer(), hint,
		rowLabel("Appearance"), s.Appearance,
	)
	s.Save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() {
		prefs.SetString(prefPracticeName, strings.TrimSpace(s.Practice.Text))
		prefs.SetString(prefTherapist, strings.TrimSpace(s.Therapist.Text))
		prefs.SetString(prefCredentials, strings.TrimSpace(s.Credentials.Text))
		prefs.SetString(prefAppearance, s.Appearance.Selected)
		s.dialog.Hide()
		d.updateTitle()
	})
	s.Save.Importance = widget.HighImportance
	s.Cancel = widget.NewButton("Cancel", func() {
		d.app.Settings().SetTheme(newDeskTheme(before))
		s.dialog.Hide()
	})
	for _, e := range []*entry{s.Practice, s.Therapist, s.Credentials} {
		e.onEscape = s.Cancel.OnTapped
		e.OnSubmitted = func(string) { s.Save.OnTapped() }
	}
	s.dialog = dialog.NewCustomWithoutButtons("Settings", form, d.window)
	s.dialog.SetButtons([]fyne.CanvasObject{s.Cancel, s.Save})
	s.dialog.Resize(fyne.NewSize(560, 0))
	d.settings = s
	s.dialog.Show()
	d.window.Canvas().Focus(s.Practice)
}
