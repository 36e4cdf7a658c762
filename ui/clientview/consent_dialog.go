package clientview

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/kit"
)

// Area choices in the consent dialog.
const (
	AreaCovered      = "Consented"
	AreaExcluded     = "Excluded"
	AreaNotDiscussed = "Not discussed"
)

// consentDialog records a client's informed consent, or changes the one
// in force (a correction, a withdrawal). Every sensitive area is asked on
// its own line. It keeps its widgets for tests.
type consentDialog struct {
	store  Record
	tasks  *kit.Tasks
	client store.Client
	Base   store.Consent // UID "" for a new consent

	Date       *dateField
	How        *widget.RadioGroup
	Assessment *widget.Check
	Techniques *kit.Entry
	Draping    *widget.Check
	Areas      map[store.ConsentArea]*widget.RadioGroup
	Note       *kit.Entry

	WithdrawnOn    *dateField
	WithdrawnAreas map[store.ConsentArea]*widget.Check
	Withdrawal     *kit.Entry

	// NewConsent leaves the consent in force as it was and records
	// another (a consent is corrected in place only for a mistake).
	NewConsent *widget.Button
	OnNew      func()
	// OnFile opens, from a new consent, the consent on file itself: to
	// record a withdrawal or correct a slip (hidden with none on file).
	OnFile     *widget.Button
	OnEditFile func()
	*healthForm
}

// newConsentDialog opens on the consent in force (to correct it or record
// its withdrawal), or, with fresh or when there is none, on a new one: the
// areas consented to so far ticked (the general ones for a first consent),
// every other sensitive area not discussed.
func newConsentDialog(win fyne.Window, s Record, t *kit.Tasks, c store.Client, h store.Health, fresh bool, now time.Time) *consentDialog {
	e := &consentDialog{store: s, tasks: t, client: c}
	e.healthForm = newHealthForm(t, "Save consent", e.save)
	latest, ok := store.LatestConsent(h.Consents)
	switch {
	case ok && !latest.WithdrawnWhole() && !fresh:
		e.Base = latest
	case ok && h.ConsentOnFile(now):
		have := store.ConsentedAreas(h.Consents, now)
		e.Base = store.Consent{How: latest.How, Assessment: latest.Assessment, Draping: latest.Draping, Techniques: latest.Techniques}
		for _, a := range store.ConsentAreas {
			if have[a] {
				e.Base.Areas = append(e.Base.Areas, a)
			}
		}
	default:
		e.Base = store.Consent{How: store.ConsentWritten, Assessment: true, Draping: true, Areas: store.GeneralAreas}
	}
	b := e.Base
	today := func() time.Time { return now }
	e.Date = newDateField(b.On, today)
	e.How = widget.NewRadioGroup([]string{store.ConsentWritten.Label(), store.ConsentVerbal.Label()}, nil)
	e.How.Horizontal = true
	if b.How != "" {
		e.How.SetSelected(b.How.Label())
	}
	e.Assessment = widget.NewCheck("Assessment and palpation explained and agreed", nil)
	e.Assessment.SetChecked(b.Assessment)
	e.Techniques = kit.NewEntry("Massage, stretching, trigger point work…")
	e.Techniques.SetText(b.Techniques)
	e.Draping = widget.NewCheck("Draping explained and agreed", nil)
	e.Draping.SetChecked(b.Draping)
	e.Areas = map[store.ConsentArea]*widget.RadioGroup{}
	e.WithdrawnAreas = map[store.ConsentArea]*widget.Check{}
	for _, a := range store.ConsentAreas {
		g := widget.NewRadioGroup([]string{AreaCovered, AreaExcluded, AreaNotDiscussed}, nil)
		g.Horizontal, g.Required = true, true
		g.SetSelected(AreaNotDiscussed)
		for _, x := range b.Areas {
			if x == a {
				g.SetSelected(AreaCovered)
			}
		}
		for _, x := range b.Excluded {
			if x == a {
				g.SetSelected(AreaExcluded)
			}
		}
		e.Areas[a] = g
		w := widget.NewCheck(a.Label(), nil)
		for _, x := range b.WithdrawnAreas {
			if x == a {
				w.SetChecked(true)
			}
		}
		e.WithdrawnAreas[a] = w
	}
	e.Note = kit.NewNoteEntry("Anything the client asked for or said", 2)
	e.Note.SetText(b.Note)
	e.WithdrawnOn = newDateField(b.WithdrawnOn, today)
	e.Withdrawal = kit.NewNoteEntry("What the client withdrew, in their words", 2)
	e.Withdrawal.SetText(b.Withdrawal)
	e.Errors["consent_date"], e.Errors["withdrawal_date"] = e.Date.Error, e.WithdrawnOn.Error
	e.NewConsent = widget.NewButtonWithIcon("Record a new consent instead", theme.ContentAddIcon(), func() {
		e.dialog.Hide()
		if e.OnNew != nil {
			e.OnNew()
		}
	})
	e.OnFile = widget.NewButton("Withdraw or correct the one on file…", func() {
		e.dialog.Hide()
		if e.OnEditFile != nil {
			e.OnEditFile()
		}
	})
	if e.Base.UID == "" {
		e.NewConsent.Hide()
	}
	if e.Base.UID != "" || !ok {
		e.OnFile.Hide()
	}

	add, heading, withError := e.add, e.heading, e.withError
	add("Date given", e.Date.box)
	add("How", withError(e.How, "consent_how"))
	add("Covers", container.NewVBox(e.Assessment, e.Draping))
	add("Techniques", withError(e.Techniques, "consent_techniques"))
	heading("AREAS")
	for _, a := range store.ConsentAreas {
		label := a.Label()
		if a.Sensitive() {
			label += " (sensitive)"
		}
		add(label, e.Areas[a])
	}
	e.Errors["consent_areas"] = kit.NewFieldError()
	add("", e.Errors["consent_areas"])
	add("Note", withError(e.Note, "consent_note"))
	heading("WITHDRAWAL")
	add("", kit.NewHint("Leave empty unless the client withdrew consent. Tick no area to withdraw all of it."))
	add("Withdrawn on", e.WithdrawnOn.box)
	withdrawn := container.NewGridWithColumns(2)
	for _, a := range store.ConsentAreas {
		withdrawn.Add(e.WithdrawnAreas[a])
	}
	add("Areas withdrawn", withdrawn)
	add("What was withdrawn", withError(e.Withdrawal, "withdrawal"))

	title := "Consent: " + c.FullName()
	if e.Base.UID == "" {
		title = "New consent: " + c.FullName()
	}
	e.build(title, container.NewHBox(e.NewConsent, e.OnFile), win)
	return e
}

func (e *consentDialog) read() (store.Consent, map[string]string) {
	problems := map[string]string{}
	c := e.Base
	c.On = e.Date.value("consent_date", "The consent date", problems)
	c.How = ""
	for _, m := range []store.ConsentMethod{store.ConsentWritten, store.ConsentVerbal} {
		if e.How.Selected == m.Label() {
			c.How = m
		}
	}
	c.Assessment, c.Draping, c.Techniques, c.Note = e.Assessment.Checked, e.Draping.Checked, e.Techniques.Text, e.Note.Text
	c.Areas, c.Excluded, c.WithdrawnAreas = nil, nil, nil
	for _, a := range store.ConsentAreas {
		switch e.Areas[a].Selected {
		case AreaCovered:
			c.Areas = append(c.Areas, a)
		case AreaExcluded:
			c.Excluded = append(c.Excluded, a)
		}
		if e.WithdrawnAreas[a].Checked {
			c.WithdrawnAreas = append(c.WithdrawnAreas, a)
		}
	}
	c.WithdrawnOn = e.WithdrawnOn.value("withdrawal_date", "The withdrawal date", problems)
	c.Withdrawal = e.Withdrawal.Text
	return c, problems
}

func (e *consentDialog) save() {
	c, problems := e.read()
	id := e.client.ID
	e.submit(problems, func() error {
		_, err := e.store.SaveConsent(context.Background(), id, c)
		return err
	})
}
