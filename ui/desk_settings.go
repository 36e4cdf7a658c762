package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/ui/kit"
	"backtrack/ui/sessionform"
)

// prefAppearance keeps the light/dark choice. The practice details use
// the report package's keys, which the CLI's report command reads too.
const prefAppearance = "appearance.theme"

// Settings edits the practice details printed on reports and the
// appearance, kept in Fyne's preferences for this app.
type Settings struct {
	Practice    *kit.Entry
	Therapist   *kit.Entry
	Credentials *kit.Entry
	Address     *kit.Entry
	Contact     *kit.Entry
	Paper       *widget.RadioGroup
	Appearance  *widget.RadioGroup
	// Regulator is the consent rule for sensitive areas: whether verbal
	// consent may be recorded for them at all (store.Regulators).
	Regulator *widget.RadioGroup
	// Server is the practice server opened at the next start
	// (desk_server.go); ServerError says why an address is refused.
	Server      *kit.Entry
	ServerError *kit.FieldError
	Save        *kit.Button
	Cancel      *kit.Button
	// Scroll holds the fields; Save and Cancel stay below it, in view.
	Scroll *container.Scroll

	dialog *dialog.CustomDialog
}

// settingsFields pairs each text field with its preference key.
func (s *Settings) fields() map[string]*kit.Entry {
	return map[string]*kit.Entry{
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
		Practice:    kit.NewEntry("Your practice's name"),
		Therapist:   kit.NewEntry("Your name, as you sign"),
		Credentials: kit.NewEntry("Your qualifications, e.g. LMT"),
		Address:     kit.NewEntry("Street, postcode and town"),
		Contact:     kit.NewEntry("Phone and email for clients"),
		Paper:       widget.NewRadioGroup(kit.PageSizeNames(), nil),
		Appearance:  widget.NewRadioGroup([]string{kit.AppearanceSystem, kit.AppearanceLight, kit.AppearanceDark}, nil),
		Regulator:   widget.NewRadioGroup(regulatorLabels(), nil),
		Server:      kit.NewEntry("postgres://you@server/backtrack?sslmode=verify-full"),
		ServerError: kit.NewFieldError(),
	}
	s.Server.SetText(prefs.String(settings.KeyPracticeServer))
	for key, e := range s.fields() {
		e.SetText(prefs.String(key))
	}
	s.Paper.Horizontal, s.Paper.Required = true, true
	s.Paper.SetSelected(string(settings.Read(prefs.String).PageSize))
	s.Appearance.Horizontal, s.Appearance.Required = true, true
	s.Regulator.Required = true
	s.Regulator.SetSelected(settings.Read(prefs.String).Regulator.Label())
	s.Appearance.SetSelected(prefs.StringWithFallback(prefAppearance, kit.AppearanceSystem))
	// The appearance changes as it is picked, so the therapist sees it
	// before keeping it; Cancel puts the old one back.
	before := s.Appearance.Selected
	s.Appearance.OnChanged = func(v string) { d.app.Settings().SetTheme(kit.NewDeskTheme(v)) }

	hint := kit.NewHint("Printed in the header of progress reports and under the signature line.")
	form := container.New(layout.NewFormLayout(),
		sessionform.RowLabel("Practice name"), s.Practice,
		sessionform.RowLabel("Therapist"), s.Therapist,
		sessionform.RowLabel("Credentials"), s.Credentials,
		sessionform.RowLabel("Address"), s.Address,
		sessionform.RowLabel("Contact"), s.Contact,
		layout.NewSpacer(), hint,
		sessionform.RowLabel("Report paper"), s.Paper,
		sessionform.RowLabel("Appearance"), s.Appearance,
		sessionform.RowLabel("Consent rule"), container.NewVBox(s.Regulator,
			kit.NewHint("Your regulator's rule for sensitive areas: it decides whether verbal consent may be recorded when a muscle there is ticked.")),
		sessionform.RowLabel("Practice server"), container.NewVBox(s.Server, s.ServerError,
			kit.NewHint("A clinic's shared record, opened at the next start instead of this computer's file. Leave empty for the file. The password goes in ~/.pgpass, never here.")),
	)
	s.Save = kit.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() {
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
		prefs.SetString(settings.KeyRegulator, string(regulatorLabelled(s.Regulator.Selected)))
		s.dialog.Hide()
		d.updateTitle()
		if d.view.Form != nil {
			d.view.Form.SignerChanged()
		}
	})
	s.Save.Importance = widget.HighImportance
	s.Cancel = kit.NewButton("Cancel", func() {
		d.app.Settings().SetTheme(kit.NewDeskTheme(before))
		s.dialog.Hide()
	})
	s.Scroll = container.NewVScroll(form)
	// a field Tab reaches below the fold scrolls into view
	reveal := func(o fyne.CanvasObject) { kit.Reveal(s.Scroll, o) }
	for _, e := range s.fields() {
		e.OnFocus = reveal
	}
	s.Server.OnFocus = reveal
	s.dialog = dialog.NewCustomWithoutButtons("Settings", s.Scroll, d.window)
	s.dialog.SetButtons([]fyne.CanvasObject{s.Cancel, s.Save})
	kit.FitScrolling(d.window, s.dialog, s.Scroll, 640)
	d.settings = s
	kit.ShowLayer(d.window, "settings", s.dialog, kit.Layer{Save: s.Save.OnTapped, Close: s.Cancel.OnTapped, Focus: s.Practice})
}

// regulatorLabels are the consent rules as the chooser names them.
func regulatorLabels() []string {
	out := make([]string, len(store.Regulators))
	for i, r := range store.Regulators {
		out[i] = r.Label()
	}
	return out
}

// regulatorLabelled is the rule a chooser's label names; the default for
// any other.
func regulatorLabelled(label string) store.Regulator {
	for _, r := range store.Regulators {
		if r.Label() == label {
			return r
		}
	}
	return store.Regulators[0]
}
