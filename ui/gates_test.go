package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
)

// gateDesk opens the session form of a client whose consent covers the
// general areas and, when excluded, refuses the gluteal region.
func gateDesk(t *testing.T, excluded bool, reg store.Regulator, screens ...store.RedFlagScreen) (*Desk, *sqlstore.Store, store.Client) {
	t.Helper()
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Jonas", LastName: "Weber"})
	for _, screen := range screens {
		if _, err := s.SaveScreen(context.Background(), c.ID, screen); err != nil {
			t.Fatal(err)
		}
	}
	consent := store.Consent{On: desktest.Now.AddDate(0, 0, -7), How: store.ConsentWritten, Assessment: true,
		Areas: store.GeneralAreas}
	if excluded {
		consent.Excluded = []store.ConsentArea{store.AreaGluteal}
	}
	if _, err := s.SaveConsent(context.Background(), c.ID, consent); err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, s, Options{})
	if reg != "" {
		d.app.Preferences().SetString(settings.KeyRegulator, string(reg))
	}
	pick(t, d, c.ID)
	press(t, d, shortcutNewSession)
	typeInto(d, d.view.Form.PainBefore.Number, "5")
	return d, s, c
}

func muscleTicked(d *Desk, name string) bool {
	for _, m := range d.view.Form.Pickers[store.Muscle].Tags() {
		if m.Name == name {
			return true
		}
	}
	return false
}

func TestTickingGluteusMediusWithoutConsentAsksAtOnceAndOffersNoVerbalConsentUnderOntario(t *testing.T) {
	d, _, _ := gateDesk(t, false, "")
	tick(t, d, store.Muscle, "Quadratus lumborum", store.Both)
	if d.view.ConsentAsk != nil {
		t.Fatal("asked about the back, which is consented")
	}
	tick(t, d, store.Muscle, "Gluteus medius", store.Left)
	q := d.view.ConsentAsk
	if q == nil {
		t.Fatal("ticking gluteus medius asked nothing: the question waits until after the treatment")
	}
	desktest.MustContain(t, "question", q.Message.Text, "Gluteal region: never discussed",
		"Your regulator requires written consent")
	if _, ok := q.Choices[store.RecordVerbalConsent]; ok {
		t.Error("verbal consent offered for the gluteal region under Ontario's rule")
	}
	if q.Choices[store.BackToNote] == nil || q.Question.Choices[0] != store.BackToNote {
		t.Errorf("back to the note is not the default: %v", q.Question.Choices)
	}
	// Escape goes back to the note, the muscle unticked
	pressKey(d, fyne.KeyEscape)
	if d.view.ConsentAsk != nil || muscleTicked(d, "Gluteus medius") || !muscleTicked(d, "Quadratus lumborum") {
		t.Fatalf("Escape left the question %v, gluteus medius ticked %v", d.view.ConsentAsk != nil, muscleTicked(d, "Gluteus medius"))
	}
}

func TestWhereVerbalConsentIsAllowedItIsOfferedAndKeptWithTheNote(t *testing.T) {
	d, s, c := gateDesk(t, false, store.VerbalConsentAllowed)
	tick(t, d, store.Muscle, "Gluteus medius", store.Left)
	q := d.view.ConsentAsk
	if q == nil || q.Choices[store.RecordVerbalConsent] == nil {
		t.Fatal("no verbal consent offered where the regulator allows it")
	}
	tap(d, q.Choices[store.RecordVerbalConsent])
	press(t, d, shortcutSave)
	h, _ := s.Health(context.Background(), c.ID)
	if len(sessionsOf(t, d, c.ID)) != 1 || !store.ConsentedAreas(h.Consents, desktest.Now)[store.AreaGluteal] {
		t.Fatalf("saved %d, consents %+v", len(sessionsOf(t, d, c.ID)), h.Consents)
	}
	log, _ := s.AuditLog(context.Background(), store.AuditQuery{ClientUID: c.UID})
	if last := log[len(log)-1]; last.Action != store.ConsentChecked || !strings.Contains(last.Detail, "verbal consent") {
		t.Errorf("the answer in the history: %+v", last)
	}
}

func TestAnExcludedAreaIsNamedWithItsDateAndEnterGoesBackToTheNote(t *testing.T) {
	d, _, c := gateDesk(t, true, "")
	tick(t, d, store.Muscle, "Gluteus medius", store.Left)
	q := d.view.ConsentAsk
	if q == nil {
		t.Fatal("an excluded area ticked asked nothing")
	}
	desktest.MustContain(t, "question", q.Message.Text, "Gluteal region: excluded by the client on 2026-11-18")
	pressKey(d, fyne.KeyReturn)
	if d.view.ConsentAsk != nil || muscleTicked(d, "Gluteus medius") || d.view.Mode() != clientview.ModeForm {
		t.Fatalf("Enter did not go back to the note with the muscle unticked")
	}
	if n := len(sessionsOf(t, d, c.ID)); n != 0 {
		t.Fatalf("saved %d sessions", n)
	}
}

func TestAMuscleTypedWithItsSideAsksAndKeepsTheKeyboardOnTheQuestion(t *testing.T) {
	d, _, _ := gateDesk(t, true, "")
	add := d.view.Form.Pickers[store.Muscle].AddName
	act(d, func() { d.window.Canvas().Focus(add) })
	typeInto(d, add, "gluteus medius l")
	act(d, func() { add.OnSubmitted(add.Text) })
	if d.view.ConsentAsk == nil {
		t.Fatal("a muscle typed and entered asked nothing")
	}
	// Enter answers the question (back to the note), not the next row
	pressKey(d, fyne.KeyReturn)
	if d.view.ConsentAsk != nil || muscleTicked(d, "Gluteus medius") {
		t.Fatalf("Enter after the typed muscle: question open %v, ticked %v", d.view.ConsentAsk != nil, muscleTicked(d, "Gluteus medius"))
	}
}

func TestTreatingAnExcludedAreaNeedsAReasonThatIsKept(t *testing.T) {
	d, s, c := gateDesk(t, true, "")
	tick(t, d, store.Muscle, "Gluteus medius", store.Left)
	q := d.view.ConsentAsk
	if q == nil || q.Choices[store.TreatExcludedAnyway] == nil {
		t.Fatal("no way to treat an excluded area for a reason")
	}
	tap(d, q.Choices[store.TreatExcludedAnyway])
	if d.view.ConsentAsk == nil || !q.Problem.Visible() {
		t.Fatal("treating an excluded area without a reason was accepted")
	}
	desktest.MustContain(t, "problem", q.Problem.Text, "Say why the gluteal region is treated")
	typeInto(d, q.Reason, "Client asked for it today after the hip improved")
	tap(d, q.Choices[store.TreatExcludedAnyway])
	if d.view.ConsentAsk != nil || !muscleTicked(d, "Gluteus medius") {
		t.Fatal("the reasoned answer did not close the question")
	}
	press(t, d, shortcutSave)
	if n := len(sessionsOf(t, d, c.ID)); n != 1 {
		t.Fatalf("saved %d sessions", n)
	}
	log, _ := s.AuditLog(context.Background(), store.AuditQuery{ClientUID: c.UID})
	last := log[len(log)-1]
	desktest.MustContain(t, "history", last.Detail, "treated although the client had excluded it",
		"Client asked for it today after the hip improved")
}

func TestSigningWithAnOpenFlagAsksAndSavingAnywayStillSigns(t *testing.T) {
	d, _, c := gateDesk(t, false, "", store.RedFlagScreen{On: desktest.Now.AddDate(0, 0, -1),
		Answers: map[store.RedFlag]store.Answer{store.HistoryOfCancer: store.Yes("breast cancer 2019")}})
	act(d, func() { d.app.Preferences().SetString(settings.KeyTherapist, "Anna Keller") })
	act(d, d.view.Form.SubmitSigned)
	q := d.view.FlagAsk
	if q == nil {
		t.Fatal("signed with an open urgent flag without asking")
	}
	desktest.MustContain(t, "question", q.Message.Text, "Urgent referral before treating", "history of cancer")
	tap(d, q.SaveAnyway)
	hist := sessionsOf(t, d, c.ID)
	if len(hist) != 1 || !hist[0].Locked() {
		t.Fatalf("saving anyway from Save and sign: %d sessions, signed %v", len(hist), len(hist) == 1 && hist[0].Locked())
	}
}

func TestTheConsentRuleIsChosenInSettings(t *testing.T) {
	d, _, _ := deskWithClient(t)
	press(t, d, shortcutSettings)
	st := d.settings
	if st.Regulator.Selected != store.RegulatorOntario.Label() {
		t.Fatalf("the default rule = %q", st.Regulator.Selected)
	}
	act(d, func() { st.Regulator.SetSelected(store.VerbalConsentAllowed.Label()) })
	tap(d, st.Save)
	if got := d.app.Preferences().String(settings.KeyRegulator); got != string(store.VerbalConsentAllowed) {
		t.Errorf("regulator preference = %q", got)
	}
}

func TestSavingWithAnOpenEmergencyFlagAsksAndEnterGoesBackToTheNote(t *testing.T) {
	d, _, c := gateDesk(t, false, "", store.RedFlagScreen{On: desktest.Now.AddDate(0, 0, -1),
		Answers: map[store.RedFlag]store.Answer{store.SaddleNumbness: store.Yes("numb on the bike")}})
	press(t, d, shortcutSave)
	q := d.view.FlagAsk
	if q == nil {
		t.Fatal("saved with an open emergency flag without asking")
	}
	desktest.MustContain(t, "question", q.Message.Text, "Emergency", "saddle numbness", "emergency department today")
	pressKey(d, fyne.KeyReturn)
	if d.view.FlagAsk != nil || d.view.Mode() != clientview.ModeForm || len(sessionsOf(t, d, c.ID)) != 0 {
		t.Fatalf("Enter did not return to the note unsaved: asked %v, mode %v, saved %d", d.view.FlagAsk != nil, d.view.Mode(), len(sessionsOf(t, d, c.ID)))
	}
	// the second choice saves
	press(t, d, shortcutSave)
	if d.view.FlagAsk == nil {
		t.Fatal("the second save did not ask again")
	}
	tap(d, d.view.FlagAsk.SaveAnyway)
	if n := len(sessionsOf(t, d, c.ID)); n != 1 {
		t.Fatalf("save anyway saved %d sessions", n)
	}
	log, _ := d.store.AuditLog(context.Background(), store.AuditQuery{ClientUID: c.UID})
	if last := log[len(log)-1]; last.Action != store.SavedOverRedFlag {
		t.Errorf("saving over the open flag is not in the record's history: %+v", last)
	} else {
		desktest.MustContain(t, "history", last.Detail, "Emergency", "saddle numbness", "2026-11-24")
	}
}

// Copying the last session ticks several muscles at once: each is asked
// about once, in turn, and going back to the note from each unticks it
// without asking the next twice (the desk once quit at the second).
func TestMusclesTickedTogetherAreAskedAboutOnceEach(t *testing.T) {
	d, _, c := gateDesk(t, true, "")
	p := d.view.Form.Pickers[store.Muscle]
	var both []store.Tag
	for _, it := range p.Items {
		if it.Term.Name == "Gluteus medius" || it.Term.Name == "Piriformis" {
			both = append(both, store.Tag{TermID: it.Term.ID, Name: it.Term.Name})
		}
	}
	if len(both) != 2 {
		t.Fatalf("the vocabulary offers %d of the two gluteal muscles", len(both))
	}
	asked := 0
	ask := d.view.Form.AskGate
	d.view.Form.AskGate = func(q store.ConsentQuestion, answer func(store.ConsentChoice, string)) {
		asked++
		ask(q, answer)
	}
	act(d, func() { p.Set(both) })
	for i := 0; i < 2; i++ {
		if d.view.ConsentAsk == nil {
			t.Fatalf("question %d was not asked", i+1)
		}
		pressKey(d, fyne.KeyReturn) // back to the note
	}
	if asked != 2 || d.view.ConsentAsk != nil {
		t.Fatalf("asked %d questions for two muscles, one still open: %v", asked, d.view.ConsentAsk != nil)
	}
	if muscleTicked(d, "Gluteus medius") || muscleTicked(d, "Piriformis") || d.view.Mode() != clientview.ModeForm {
		t.Fatal("going back to the note left a muscle ticked or left the form")
	}
	if n := len(sessionsOf(t, d, c.ID)); n != 0 {
		t.Fatalf("saved %d sessions", n)
	}
}
