package ui

import (
	"strings"
	"testing"

	"backtrack/store"
)

func TestAMedicationIsShownButIsNoAlarm(t *testing.T) {
	s := openStore(t)
	meds := addClient(t, s, store.Client{FirstName: "Jonas", LastName: "P", Medications: "Naproxen"})
	both := addClient(t, s, store.Client{FirstName: "Emma", LastName: "B", Medications: "Warfarin",
		Contraindications: "Anticoagulants: no deep pressure"})
	d := newTestDesk(t, s, Options{})
	h := d.view.Header

	pick(t, d, meds.ID)
	if h.Alert.Visible() {
		t.Error("a medication alone raises the red alert")
	}
	// a medication that matters for massage is amber: to know
	if !h.Caution.Visible() || !strings.Contains(h.CautionText.String(), "MEDICATIONS  Naproxen") {
		t.Errorf("medication line: shown %v, %q", h.Caution.Visible(), h.CautionText.String())
	}
	pick(t, d, both.ID)
	if !h.Alert.Visible() {
		t.Fatal("a contraindication shows no red alert")
	}
	var red string
	for _, seg := range h.AlertText.Segments {
		red += seg.Textual()
	}
	mustContain(t, "red alert", red, "CONTRAINDICATIONS", "no deep pressure")
	if strings.Contains(red, "Warfarin") {
		t.Errorf("the red alert holds the medication: %q", red)
	}
	mustContain(t, "medication line", h.CautionText.String(), "Warfarin")
}

func TestTheBriefPutsTheLastNoteAndPlanBeforeTrendAndTags(t *testing.T) {
	d, s, c := deskWithClient(t)
	addSession(t, s, store.Session{ClientID: c.ID, Start: testNow.AddDate(0, 0, -14), PainBefore: store.PainOf(7)})
	addSession(t, s, store.Session{ClientID: c.ID, Start: testNow.AddDate(0, 0, -7), PainBefore: store.PainOf(5),
		PainAfter: store.PainOf(3), Triggers: []store.Tag{{TermID: term(t, s, store.Trigger, "Sitting long").ID}},
		Notes: store.SOAP{Subjective: "Better after the stretches", Objective: "QL less tender",
			Assessment: "Improving", Plan: "Every 2 weeks"}, HomeCare: "Side-lying QL stretch"})
	act(d, func() { d.view.reload() })
	var order []string
	for _, line := range strings.Split(d.view.Before.Text(), "\n") {
		order = append(order, strings.SplitN(line, ":", 2)[0])
	}
	want := "Intake, Consent, Last visit, Said, Found, Assessed, Plan, Home care, Trend, Pain, Triggers"
	if got := strings.Join(order, ", "); got != want {
		t.Errorf("brief lines = %s\nwant         %s", got, want)
	}
}
