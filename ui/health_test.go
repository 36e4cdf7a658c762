package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.Local) }

func TestARedFlagSaysReferBeforeTreatingAboveEverythingUntilWhatWasDoneIsRecorded(t *testing.T) {
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Ewa", LastName: "Lis", Contraindications: "No deep pressure"})
	desktest.ConsentTo(t, s, c, store.GeneralAreas...)
	if _, err := s.SaveScreen(context.Background(), c.ID, store.RedFlagScreen{On: day(2026, 11, 24),
		Answers: map[store.RedFlag]store.Answer{store.SaddleNumbness: store.Yes("since Sunday")}}); err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	h := d.view.Header

	// The refer banner is shown, above the red contraindication
	if !h.Refer.Visible() || !h.Alert.Visible() {
		t.Fatalf("refer shown %v, contraindication shown %v", h.Refer.Visible(), h.Alert.Visible())
	}
	desktest.MustContain(t, "refer banner", h.ReferText.String(), "EMERGENCY: SAME-DAY REFERRAL", "saddle numbness (since Sunday)", "possible cauda equina syndrome")
	if rows := d.list.Rows(); rows[0].Alert != store.ReferFirst || !d.list.List.Visible() {
		t.Errorf("the list's mark: %v", rows[0].Alert)
	}
	// and stays in sight on the session form
	press(t, d, shortcutNewSession)
	if d.view.Mode() != clientview.ModeForm || !h.Refer.Visible() {
		t.Fatalf("on the form: mode %v, refer shown %v", d.view.Mode(), h.Refer.Visible())
	}
	act(d, d.view.Form.Escape)

	// When the therapist records the referral without its date, it says so there
	tap(d, h.ReferDone)
	e := d.view.ScreenDialog
	if e == nil {
		t.Fatal("Record what was done opened nothing")
	}
	typeInto(d, e.Fields.ReferredTo, "Dr Weber, GP")
	tap(d, e.Save)
	if msg := e.Errors["referral_date"].Text; !strings.Contains(msg, "needs its date") {
		t.Errorf("referral date problem = %q", msg)
	}
	if hh, _ := s.Health(context.Background(), c.ID); hh.Screens[0].Referred() {
		t.Fatal("a referral without its date was saved")
	}
	typeInto(d, e.Fields.ReferredOn.Entry, "2026-11-25")
	tap(d, e.Save)
	if d.view.ScreenDialog != nil && e.Summary.Text != "" {
		t.Fatalf("not saved: %s", e.Summary.Text)
	}
	// Then the refer banner stays, red, while the referral is open: only a
	// recorded medical assessment closes it
	if !h.Refer.Visible() {
		t.Fatal("after the referral the refer banner went: an open referral reads as fine to treat")
	}
	desktest.MustContain(t, "refer banner", h.ReferText.String(), "The referral is open", "referred to Dr Weber, GP on 2026-11-25")
}

func TestTheBriefSaysWhenThereIsNoConsentOrTheIntakeIsOld(t *testing.T) {
	s := desktest.OpenStore(t)
	old := desktest.AddClient(t, s, store.Client{FirstName: "Old", LastName: "Intake", DateOfBirth: day(1970, 1, 1)})
	if err := s.SaveIntake(context.Background(), old.ID, store.Intake{Date: day(2025, 10, 1), Reason: "Back pain"},
		store.TypedAlerts{}, nil); err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, s, Options{})
	pick(t, d, old.ID)
	desktest.MustContain(t, "brief", d.view.Before.Text(),
		"Intake: Taken 1 Oct 2025, more than 12 months ago: review it",
		"Consent: No consent on file: record it before treating")
	desktest.ConsentTo(t, s, old, append(store.GeneralAreas, store.AreaGluteal)...)
	act(d, d.view.Reload)
	desktest.MustContain(t, "brief", d.view.Before.Text(), "Consent: Written, 18 Nov 2026 · sensitive areas consented: Gluteal region")
}

func TestTheIntakeIsTakenAtTheDeskWithTheRedFlagScreen(t *testing.T) {
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Anna", LastName: "Berg", DateOfBirth: day(1985, 3, 4)})
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	tap(d, d.view.Header.Intake)
	e := d.view.IntakeDialog
	if e == nil {
		t.Fatal("Intake… opened nothing")
	}
	if e.Date.Entry.Text != "2026-11-25" {
		t.Errorf("a new intake is dated %q, want today", e.Date.Entry.Text)
	}
	// A date before birth is refused at its field, nothing saved
	typeInto(d, e.Date.Entry, "1980-01-01")
	typeInto(d, e.Reason, "Back pain since lifting a sofa")
	act(d, func() { e.Conditions[store.Osteoporosis].Choice.SetSelected("Yes") })
	typeInto(d, e.Conditions[store.Osteoporosis].Detail, "diagnosed 2023")
	act(d, func() { e.Screen.Answers[store.MinorTraumaBones].Choice.SetSelected("Yes") })
	typeInto(d, e.Contraindications, "No joint mobilisation")
	tap(d, e.Save)
	if msg := e.Errors["intake_date"].Text; !strings.Contains(msg, "before the client's date of birth") {
		t.Errorf("intake date problem = %q", msg)
	}
	if h, _ := s.Health(context.Background(), c.ID); h.Intake.OnFile() {
		t.Fatal("an intake dated before birth was saved")
	}
	typeInto(d, e.Date.Entry, "2026-11-25")
	tap(d, e.Save)
	if e.Summary.Text != "" {
		t.Fatalf("not saved: %s", e.Summary.Text)
	}
	h, _ := s.Health(context.Background(), c.ID)
	if !h.Intake.OnFile() || h.Intake.Condition(store.Osteoporosis).Detail != "diagnosed 2023" ||
		h.Intake.Condition(store.Pregnancy).State != store.NotAsked || len(h.Screens) != 1 || !h.Screens[0].Open() {
		t.Fatalf("saved: %+v", h)
	}
	hd := d.view.Header
	if !hd.Refer.Visible() || !hd.Alert.Visible() || !hd.Caution.Visible() {
		t.Errorf("after the intake: refer %v, red %v, amber %v", hd.Refer.Visible(), hd.Alert.Visible(), hd.Caution.Visible())
	}
	desktest.MustContain(t, "amber", hd.CautionText.String(), "PRECAUTIONS", "Osteoporosis (diagnosed 2023)")
	desktest.MustContain(t, "red", hd.AlertText.String(), "No joint mobilisation")
}

func TestConsentIsRecordedWithEverySensitiveAreaAndBadDatesRefused(t *testing.T) {
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Lea", LastName: "Sommer", DateOfBirth: day(1990, 6, 1)})
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	tap(d, d.view.Header.Consent)
	e := d.view.ConsentDialog
	if e == nil {
		t.Fatal("Consent… opened nothing")
	}
	for _, a := range store.ConsentAreas {
		want := clientview.AreaNotDiscussed
		if !a.Sensitive() {
			want = clientview.AreaCovered
		}
		if got := e.Areas[a].Selected; got != want {
			t.Errorf("a new consent starts %s as %q, want %q", a.Label(), got, want)
		}
	}
	act(d, func() {
		e.Areas[store.AreaGluteal].SetSelected(clientview.AreaCovered)
		e.Areas[store.AreaChest].SetSelected(clientview.AreaExcluded)
	})
	typeInto(d, e.Date.Entry, "2026-11-26")
	tap(d, e.Save)
	desktest.MustContain(t, "future date", e.Errors["consent_date"].Text, "in the future")
	typeInto(d, e.Date.Entry, "2026-11-20")
	typeInto(d, e.WithdrawnOn.Entry, "2026-11-19")
	tap(d, e.Save)
	desktest.MustContain(t, "early withdrawal", e.Errors["withdrawal_date"].Text, "dated before the consent")
	if h, _ := s.Health(context.Background(), c.ID); len(h.Consents) > 0 {
		t.Fatal("a bad consent was saved")
	}
	typeInto(d, e.WithdrawnOn.Entry, "")
	tap(d, e.Save)
	h, _ := s.Health(context.Background(), c.ID)
	if len(h.Consents) != 1 || !store.ConsentedAreas(h.Consents, desktest.Now)[store.AreaGluteal] || h.Consents[0].Excluded[0] != store.AreaChest {
		t.Fatalf("saved: %+v", h.Consents)
	}
	desktest.MustContain(t, "brief", d.view.Before.Text(), "Consent: Written, 20 Nov 2026 · sensitive areas consented: Gluteal region · excluded: Chest")
}

func TestARedFlagScreenedDuringASessionKeepsTheNoteBeingWritten(t *testing.T) {
	d, s, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	typeInto(d, f.Subjective, "Numb in the saddle area since the weekend")
	tap(d, f.Screen)
	e := d.view.ScreenDialog
	if e == nil || e.Date.Entry.Text != "2026-11-25" {
		t.Fatalf("the screen: %+v", e)
	}
	act(d, func() { e.Fields.Answers[store.SaddleNumbness].Choice.SetSelected("Yes") })
	tap(d, e.Save)
	if d.view.Form != f || f.Subjective.Text != "Numb in the saddle area since the weekend" || d.view.Mode() != clientview.ModeForm {
		t.Fatalf("the note being written was lost: form %v, mode %v", d.view.Form == f, d.view.Mode())
	}
	if !d.view.Header.Refer.Visible() {
		t.Error("no refer banner over the form after a yes")
	}
	if h, _ := s.Health(context.Background(), c.ID); len(h.Screens) != 1 || h.Screens[0].AtIntake {
		t.Errorf("screens: %+v", h.Screens)
	}
}

func TestANewConsentLeavesTheOneInForceAsItWas(t *testing.T) {
	d, s, c := deskWithClient(t) // consented to the general areas and the gluteal region
	tap(d, d.view.Header.Consent)
	// Consent… records a new consent first; the one on file is a second way
	fresh := d.view.ConsentDialog
	if fresh.Base.UID != "" || !fresh.OnFile.Visible() || fresh.NewConsent.Visible() {
		t.Fatalf("Consent… opened the consent on file (%q), not a new one", fresh.Base.UID)
	}
	tap(d, fresh.OnFile)
	first := d.view.ConsentDialog
	if first.Base.UID == "" || !first.NewConsent.Visible() || first.OnFile.Visible() {
		t.Fatal("the consent in force is not the one opened")
	}
	tap(d, first.NewConsent)
	e := d.view.ConsentDialog
	if e == first || e.Base.UID != "" || e.Date.Entry.Text != "2026-11-25" || e.Areas[store.AreaGluteal].Selected != clientview.AreaCovered {
		t.Fatalf("new consent: %+v, gluteal %q", e.Base, e.Areas[store.AreaGluteal].Selected)
	}
	act(d, func() { e.Areas[store.AreaAbdomen].SetSelected(clientview.AreaCovered); e.How.SetSelected("Verbal") })
	tap(d, e.Save)
	h, _ := s.Health(context.Background(), c.ID)
	if len(h.Consents) != 2 || h.Consents[0].How != store.ConsentWritten || !store.ConsentedAreas(h.Consents, desktest.Now)[store.AreaAbdomen] {
		t.Fatalf("consents: %+v", h.Consents)
	}
}
