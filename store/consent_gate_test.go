package store_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"backtrack/store"
)

func TestAnExcludedAreaIsNamedAsExcludedWithItsDate(t *testing.T) {
	oct2 := time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC)
	consents := []store.Consent{{On: oct2, How: store.ConsentWritten, Areas: []store.ConsentArea{store.AreaBack},
		Excluded: []store.ConsentArea{store.AreaGluteal}}}
	today := oct2.AddDate(0, 1, 0)

	// Excluded: named, dated, "back to the note" first, and a reason needed
	qs := store.ConsentGate(consents, store.RegulatorOntario, "Gluteus medius", today)
	if len(qs) != 1 {
		t.Fatalf("questions = %+v, want one for the gluteal region", qs)
	}
	q := qs[0]
	if q.Status.State != store.AreaExcluded || !q.Status.Since.Equal(oct2) || q.Choices[0] != store.BackToNote || !q.ReasonNeeded ||
		!strings.Contains(q.Question, "which the client excluded on 2026-10-02") {
		t.Errorf("excluded area: %+v", q)
	}
	if err := store.CheckConsentChoice(q, store.TreatExcludedAnyway, " "); err == nil {
		t.Error("an excluded area treated without a reason")
	}
	if err := store.CheckConsentChoice(q, store.TreatExcludedAnyway, "Client asked for it after the hip was assessed"); err != nil {
		t.Error(err)
	}

	// Never discussed is another thing: no exclusion, no date
	never := store.ConsentGate(nil, store.RegulatorOntario, "Gluteus medius", today)
	if len(never) != 1 || never[0].Status.State != store.AreaNeverDiscussed || never[0].ReasonNeeded {
		t.Errorf("never discussed: %+v", never)
	}
	// Consented: nothing to ask
	if got := store.ConsentGate(consents, store.RegulatorOntario, "Quadratus lumborum", today); len(got) != 0 {
		t.Errorf("a consented area asks: %+v", got)
	}
}

// The College of Massage Therapists of Ontario requires written consent
// before treating breast tissue, the chest wall, the upper inner thigh and
// the gluteal region; under its rule verbal consent is never offered there.
func TestOntarioNeedsWrittenConsentForSensitiveAreas(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	q := store.ConsentGate(nil, store.ParseRegulator(""), "Gluteus medius", today)[0]
	if !q.Written || slices.Contains(q.Choices, store.RecordVerbalConsent) || q.Choices[0] != store.BackToNote {
		t.Errorf("Ontario, gluteal region: %+v", q)
	}
	if err := store.CheckConsentChoice(q, store.RecordVerbalConsent, ""); err == nil || !strings.Contains(err.Error(), "needs written consent") {
		t.Errorf("verbal consent to the gluteal region under Ontario's rule: %v", err)
	}
	// Another regulator may allow verbal consent, still not the default
	v := store.ConsentGate(nil, store.VerbalConsentAllowed, "Gluteus medius", today)[0]
	if v.Written || !slices.Contains(v.Choices, store.RecordVerbalConsent) || v.Choices[0] != store.BackToNote {
		t.Errorf("verbal allowed: %+v", v)
	}
	// The back needs no written consent anywhere
	if store.RegulatorOntario.WrittenRequired(store.AreaBack) || !store.RegulatorOntario.WrittenRequired(store.AreaBreast) {
		t.Error("Ontario's written rule covers the wrong areas")
	}
}

func TestBreastTissueIsAnAreaAndTheMusclesAboveMapToAreas(t *testing.T) {
	if !store.KnownArea(store.AreaBreast) || !store.AreaBreast.Sensitive() || store.AreaBreast.Label() != "Breast tissue" {
		t.Error("breast tissue is not a sensitive area")
	}
	for muscle, want := range map[string]store.ConsentArea{
		"Serratus anterior": store.AreaChest, "Intercostals": store.AreaChest, "Adductor brevis": store.AreaInnerThigh,
		"Obturator internus": store.AreaGluteal, "Quadratus femoris": store.AreaGluteal, "Proximal hamstrings": store.AreaGluteal,
	} {
		if !slices.Contains(store.AreasOfMuscle(muscle), want) {
			t.Errorf("%s maps to %v, want %s", muscle, store.AreasOfMuscle(muscle), want)
		}
	}
}

func TestAWithdrawalIsDatedToo(t *testing.T) {
	on := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	off := on.AddDate(0, 1, 0)
	c := []store.Consent{{On: on, How: store.ConsentWritten, Areas: []store.ConsentArea{store.AreaGluteal},
		WithdrawnOn: off, WithdrawnAreas: []store.ConsentArea{store.AreaGluteal}}}
	if st := store.AreaStatusOn(c, store.AreaGluteal, on.AddDate(0, 0, 3)); st.State != store.AreaConsented {
		t.Errorf("before the withdrawal: %+v", st)
	}
	st := store.AreaStatusOn(c, store.AreaGluteal, off.AddDate(0, 0, 3))
	if st.State != store.AreaWithdrawn || !st.Since.Equal(off) || st.Words() != "Gluteal region: consent withdrawn by the client on 2026-10-01" {
		t.Errorf("after the withdrawal: %+v %q", st, st.Words())
	}
}

func TestAConsentCheckUnderOntarioRefusesVerbalConsentToASensitiveArea(t *testing.T) {
	missing := []store.AreaWithoutConsent{{Area: store.AreaGluteal, Muscles: []string{"Gluteus medius"}}}
	verbal := store.ConsentCheck{Missing: missing, Answer: store.ConsentGivenNow, Regulator: store.RegulatorOntario}
	if err := verbal.Check(); err == nil || !strings.Contains(err.Error(), "needs written consent") {
		t.Errorf("verbal consent to the gluteal region under Ontario's rule: %v", err)
	}
	verbal.Regulator = store.VerbalConsentAllowed
	if err := verbal.Check(); err != nil {
		t.Errorf("verbal consent where the regulator allows it: %v", err)
	}
	treated := store.ConsentCheck{Missing: missing, Answer: store.ConsentTreatedExcluded, Regulator: store.RegulatorOntario}
	if treated.Check() == nil {
		t.Error("an excluded area treated without a reason")
	}
	treated.Reason = "Client asked for it at the visit and signed the form"
	if err := treated.Check(); err != nil || !strings.Contains(treated.Words(), "reason: Client asked for it") {
		t.Errorf("treated with a reason: %v, %q", err, treated.Words())
	}
}
