package clientview

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"backtrack/store"
	"backtrack/ui/kit"
)

// healthBrief is what the brief says of the intake and the consent: when
// the intake was taken and whether it is due for review, and the consent
// in force or that there is none.
func healthBrief(h store.Health, now time.Time) (intake, consent string) {
	switch in := h.Intake; {
	case !in.OnFile():
		intake = "None on file: take it before treating (Intake…)"
	case in.Stale(now):
		intake = fmt.Sprintf("Taken %s, more than %d months ago: review it with the client (Intake…)",
			kit.LongDate(in.Date), store.IntakeReviewMonths)
	default:
		intake = "Taken " + kit.LongDate(in.Date)
	}
	if !h.ConsentOnFile(now) {
		consent = "No consent on file: record it before treating (Consent…)"
		if latest, ok := store.LatestConsent(h.Consents); ok && latest.WithdrawnWhole() {
			consent = "Withdrawn on " + kit.LongDate(latest.WithdrawnOn) + ": no consent on file (Consent…)"
		}
		return intake, consent
	}
	latest, _ := store.LatestConsent(h.Consents)
	have := store.ConsentedAreas(h.Consents, now)
	var sensitive []store.ConsentArea
	for _, a := range store.ConsentAreas {
		if a.Sensitive() && have[a] {
			sensitive = append(sensitive, a)
		}
	}
	consent = fmt.Sprintf("%s, %s", latest.How.Label(), kit.LongDate(latest.On))
	if len(sensitive) > 0 {
		consent += " · sensitive areas consented: " + store.AreaLabels(sensitive)
	} else {
		consent += " · no sensitive area consented"
	}
	if len(latest.Excluded) > 0 {
		consent += " · excluded: " + store.AreaLabels(latest.Excluded)
	}
	return intake, consent
}

// openIntake opens the client's intake to take or review it.
func (v *ClientView) openIntake() {
	if v.client.ID == 0 {
		return
	}
	e := newIntakeDialog(v.shell.Record(), v.shell.Tasks(), v.client, v.health, v.shell.Window(), v.shell.Now)
	if e.Date.Entry.Text == "" {
		e.Date.Entry.SetText(v.shell.Now().Format(store.DateLayout))
	}
	v.showHealthDialog("intake", e.healthForm, func() { v.IntakeDialog = nil })
	v.IntakeDialog = e
}

// openConsent records a new consent dated today, filled in from the one
// in force: consent is given again, not rewritten, so the one on file
// stays as the client gave it (changing it is the dialog's second way).
func (v *ClientView) openConsent() { v.consentDialog(true) }

func (v *ClientView) consentDialog(fresh bool) {
	if v.client.ID == 0 {
		return
	}
	e := newConsentDialog(v.shell.Window(), v.shell.Record(), v.shell.Tasks(), v.client, v.health, fresh, v.shell.Now())
	if e.Base.UID == "" {
		e.Date.Entry.SetText(v.shell.Now().Format(store.DateLayout))
	}
	e.OnNew = func() { v.consentDialog(true) }
	e.OnEditFile = func() { v.consentDialog(false) }
	v.showHealthDialog("consent", e.healthForm, func() { v.ConsentDialog = nil })
	v.ConsentDialog = e
}

// openReferredScreen opens the screen whose "yes" awaits what was done.
func (v *ClientView) openReferredScreen() {
	for _, s := range v.health.Screens {
		if s.UID == v.Header.referUID {
			v.openScreen(s, s.On)
			return
		}
	}
}

// openScreen opens a red-flag screen: base, or a new one dated day.
func (v *ClientView) openScreen(base store.RedFlagScreen, day time.Time) {
	if v.client.ID == 0 {
		return
	}
	e := newScreenDialog(v.shell.Window(), v.shell.Record(), v.shell.Tasks(), v.client, base,
		time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.Local), v.shell.Now)
	v.showHealthDialog("red-flag screen", e.healthForm, func() { v.ScreenDialog = nil })
	v.ScreenDialog = e
}

// showHealthDialog shows one of the health dialogs; once it saves, the
// Client is reloaded in the mode the view is in, keeping a session form.
func (v *ClientView) showHealthDialog(name string, f *healthForm, closed func()) {
	id, d := v.client.ID, f.dialog
	f.OnSaved = func() {
		v.shell.ReloadList()
		keep := v.mode
		v.Load(id, keep)
	}
	d.SetOnClosed(closed)
	size := v.shell.Window().Canvas().Size()
	d.Resize(fyne.NewSize(min(760, size.Width-40), min(720, size.Height-40)))
	kit.ShowLayer(v.shell.Window(), name, d, kit.Layer{Save: f.Save.OnTapped})
}
