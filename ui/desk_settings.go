package ui

import (
	"backtrack/store/settings"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// prefAppearance keeps the light/dark choice. The practice details use
// the report package's keys, which the CLI's report command reads too.
const prefAppearance = "appearance.theme"

// Settings edits the practice details printed on reports and the
// appearance, kept in Fyne's preferences for this app.
type Settings struct {
	Practice    *entry
	Therapist   *entry
	Credentials *entry
	Address     *entry
	Contact     *entry
	Paper       *widget.RadioGroup
	Appearance  *widget.RadioGroup
	// Server is the practice server opened at the next start
	// (desk_server.go); ServerError says why an address is refused.
	Server      *entry
	ServerError *fieldError
	Save        *button
	Cancel      *button

	dialog *dialog.CustomDialog
}

// settingsFields pairs each text field with its preference key.
func (s *Settings) fields() map[string]*entry {
	return map[string]*entry{
		settings.KeyPracticeName: s.Practice, settings.KeyTherapist: s.Therapist,
		settings.KeyCredentials: s.Credentials, settings.KeyAddress: s.Address, settings.KeyContact: s.Contact,
	}
}

// showSettings opens the settings dialog.
func (d *Desk) showSettings() {
	prefs := d.app.Preferences()
	s := &Settings{
		// What each field is for, not a made-up practice: an example
		// that reads like real data looks filled in.
		Practice:    newEntry("Your practice's name"),
		Therapist:   newEntry("Your name, as you sign"),
		Credentials: newEntry("Your qualifications, e.g. LMT"),
		Address:     newEntry("Street, postcode and town"),
		Contact:     newEntry("Phone and email for clients"),
		Paper:       widget.NewRadioGroup(pageSizeNames(), nil),
		Appearance:  widget.NewRadioGroup([]string{appearanceSystem, appearanceLight, appearanceDark}, nil),
		Server:      newEntry("postgres://you@server/backtrack?sslmode=verify-full"),
		ServerError: newFieldError(),
	}
	s.Server.SetText(prefs.String(settings.KeyPracticeServer))
	for key, e := range s.fields() {
		e.SetText(prefs.String(key))
	}
	s.Paper.Horizontal, s.Paper.Required = true, true
	s.Paper.SetSelected(string(settings.Read(prefs.String).PageSize))
	s.Appearance.Horizontal, s.Appearance.Required = true, true
	s.Appearance.SetSelected(prefs.StringWithFallback(prefAppearance, appearanceSystem))
	// The appearance changes as it is picked, so the therapist sees it
	// before keeping it; Cancel puts the old one back.
	before := s.Appearance.Selected
	s.Appearance.OnChanged = func(v string) { d.app.Settings().SetTheme(newDeskTheme(v)) }

	hint := newHint("Printed in the header of progress reports and under the signature line.")
	form := container.New(layout.NewFormLayout(),
		rowLabel("Practice name"), s.Practice,
		rowLabel("Therapist"), s.Therapist,
		rowLabel("Credentials"), s.Credentials,
		rowLabel("Address"), s.Address,
		rowLabel("Contact"), s.Contact,
		layout.NewSpacer(), hint,
		rowLabel("Report paper"), s.Paper,
		rowLabel("Appearance"), s.Appearance,
		rowLabel("Practice server"), container.NewVBox(s.Server, s.ServerError,
			newHint("A clinic's shared record, opened at the next start instead of this computer's file. Leave empty for the file. The password goes in ~/.pgpass, never here.")),
	)
	s.Save = newButtonWithIcon("Save", theme.DocumentSaveIcon(), func() {
		kept, nextStart := d.keepServer(s)
		if !kept {
			return
		}
		defer nextStart()
		for key, e := range s.fields() {
			prefs.SetString(key, strings.TrimSpace(e.Text))
		}
		prefs.SetString(settings.KeyPageSize, s.Paper.Selected)
		prefs.SetString(prefAppearance, s.Appearance.Selected)
		s.dialog.Hide()
		d.updateTitle()
	})
	s.Save.Importance = widget.HighImportance
	s.Cancel = newButton("Cancel", func() {
		d.app.Settings().SetTheme(newDeskTheme(before))
		s.dialog.Hide()
	})
	for _, e := range s.fields() {
		e.onEscape = s.Cancel.OnTapped
		e.OnSubmitted = func(string) { s.Save.OnTapped() }
	}
	s.dialog = dialog.NewCustomWithoutButtons("Settings", form, d.window)
	s.dialog.SetButtons([]fyne.CanvasObject{s.Cancel, s.Save})
	s.dialog.Resize(fyne.NewSize(600, 0))
	d.settings = s
	s.dialog.Show()
	d.window.Canvas().Focus(s.Practice)
}
