package store_test

import (
	"strings"
	"testing"
	"time"

	"backtrack/store"
)

var (
	born  = time.Date(1980, 3, 4, 0, 0, 0, 0, time.Local)
	today = time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.Local) }

// wantProblem fails unless p has a message for field containing words.
func wantProblem(t *testing.T, p store.Problems, field, words string) {
	t.Helper()
	if msg := p.For(field); !strings.Contains(msg, words) {
		t.Errorf("problem at %s = %q, want one saying %q (all: %v)", field, msg, words, p)
	}
}

func TestBadConsentDatesAreNamedAtTheirField(t *testing.T) {
	before := store.Consent{On: day(1979, 1, 1), How: store.ConsentWritten}
	wantProblem(t, before.Validate(born, today), "consent_date", "before the client's date of birth (1980-03-04)")
	future := store.Consent{On: day(2026, 12, 1), How: store.ConsentVerbal}
	wantProblem(t, future.Validate(born, today), "consent_date", "2026-12-01 is in the future")
	undated := store.Consent{How: store.ConsentVerbal}
	wantProblem(t, undated.Validate(born, today), "consent_date", "is required")
	how := store.Consent{On: day(2026, 1, 1)}
	wantProblem(t, how.Validate(born, today), "consent_how", "written or verbal")
	early := store.Consent{On: day(2026, 5, 1), How: store.ConsentWritten, WithdrawnOn: day(2026, 4, 30)}
	wantProblem(t, early.Validate(born, today), "withdrawal_date", "(2026-04-30) is dated before the consent (2026-05-01)")
	undatedWithdrawal := store.Consent{On: day(2026, 5, 1), How: store.ConsentWritten, Withdrawal: "no more glutes"}
	wantProblem(t, undatedWithdrawal.Validate(born, today), "withdrawal_date", "needs its date")
	both := store.Consent{On: day(2026, 5, 1), How: store.ConsentWritten,
		Areas: []store.ConsentArea{store.AreaGluteal}, Excluded: []store.ConsentArea{store.AreaGluteal}}
	wantProblem(t, both.Validate(born, today), "consent_areas", "Gluteal region is both covered and excluded")
	good := store.Consent{On: today, How: store.ConsentWritten, Areas: []store.ConsentArea{store.AreaBack}}
	if p := good.Validate(born, today); len(p) > 0 {
		t.Errorf("a good consent has problems: %v", p)
	}
}

func TestAReferralOrClearanceNeedsWhoAndWhen(t *testing.T) {
	yes := map[store.RedFlag]store.Answer{store.SaddleNumbness: store.Yes("")}
	s := store.RedFlagScreen{On: day(2026, 11, 1), Answers: yes, ReferredTo: "Dr Weber"}
	wantProblem(t, s.Validate(born, today), "referral_date", "The referral needs its date")
	s = store.RedFlagScreen{On: day(2026, 11, 1), Answers: yes, ReferredOn: day(2026, 11, 2)}
	wantProblem(t, s.Validate(born, today), "referred_to", "Say who the client was referred to")
	s = store.RedFlagScreen{On: day(2026, 11, 1), Answers: yes, ClearedBy: "Dr Weber", ClearedOn: day(2026, 10, 30)}
	wantProblem(t, s.Validate(born, today), "cleared_on", "dated before the screen")
	s = store.RedFlagScreen{Answers: yes}
	wantProblem(t, s.Validate(born, today), "screen_date", "is required")
	s = store.RedFlagScreen{On: today, Answers: map[store.RedFlag]store.Answer{store.Fever: {Detail: "38.5"}}}
	wantProblem(t, s.Validate(born, today), "flag_fever", "marked not asked")
}

func TestAnIntakeDatedOutsideTheClientsLifeIsRefused(t *testing.T) {
	in := store.Intake{Date: day(1970, 1, 1)}
	wantProblem(t, in.Validate(born, today), "intake_date", "before the client's date of birth")
	in = store.Intake{Date: today.AddDate(0, 0, 1)}
	wantProblem(t, in.Validate(born, today), "intake_date", "in the future")
	in = store.Intake{Reason: "back pain"}
	wantProblem(t, in.Validate(born, today), "intake_date", "needs the date")
}

func TestAnUnaskedQuestionIsNeverANo(t *testing.T) {
	in := store.Intake{Date: today, Conditions: map[store.Condition]store.Answer{store.Pregnancy: store.No()}}
	if got := in.Condition(store.Osteoporosis).Words(); got != "not asked" {
		t.Errorf("an unasked condition reads %q", got)
	}
	if got := in.Condition(store.Pregnancy).Words(); got != "no" {
		t.Errorf("a no reads %q", got)
	}
}

func TestTheIntakeIsDueForReviewAfterTwelveMonths(t *testing.T) {
	in := store.Intake{Date: day(2025, 11, 25)}
	if in.Stale(today) {
		t.Error("an intake of exactly 12 months is stale")
	}
	if !in.Stale(today.AddDate(0, 0, 1)) {
		t.Error("an intake of 12 months and a day is not stale")
	}
}

func TestAnOpenRedFlagComesAboveEveryOtherAlert(t *testing.T) {
	c := store.Client{Contraindications: "No deep pressure: anticoagulants", Medications: "Warfarin",
		MedicalHistory: "Appendectomy 2010"}
	h := store.Health{
		Intake: store.Intake{Date: today, Conditions: map[store.Condition]store.Answer{store.Osteoporosis: store.Yes("2023")},
			Allergies: store.Yes("Latex")},
		Screens: []store.RedFlagScreen{{UID: "s1", On: today, Answers: map[store.RedFlag]store.Answer{
			store.SaddleNumbness: store.Yes("since Monday"), store.WeightLoss: store.Yes("")}}},
	}
	alerts := store.Alerts(c, h)
	var got []string
	for _, a := range alerts {
		got = append(got, a.Level.Code()+" "+a.Label)
	}
	want := "refer EMERGENCY: SAME-DAY REFERRAL, red CONTRAINDICATIONS, amber PRECAUTIONS, amber ALLERGIES, amber MEDICATIONS, plain Medical history"
	if strings.Join(got, ", ") != want {
		t.Errorf("alerts = %s\nwant     %s", strings.Join(got, ", "), want)
	}
	if !strings.Contains(alerts[0].Text, "saddle numbness (since Monday); unexplained weight loss — possible cauda equina syndrome, possible malignancy") ||
		!strings.Contains(alerts[0].Text, "go to a hospital emergency department today") {
		t.Errorf("refer text = %q", alerts[0].Text)
	}
	if store.AlertLevelOf(c, h) != store.ReferFirst {
		t.Error("the list's mark is not the red flag's")
	}
	// A referral keeps it at the top, open, until a medical assessment is
	// recorded; then it is history.
	h.Screens[0].ReferredTo, h.Screens[0].ReferredOn = "Dr Weber", today
	h.Screens[0].Note = "Client says she feels better"
	if a := store.Alerts(store.Client{}, h); a[0].Level != store.ReferFirst || !strings.Contains(a[0].Text, "The referral is open") {
		t.Errorf("after the referral: %+v", a[0])
	}
	h.Screens[0].ClearedBy, h.Screens[0].ClearedOn = "Dr Weber", today
	if store.AlertLevelOf(store.Client{}, store.Health{Screens: h.Screens}) != store.PlainHistory {
		t.Error("a cleared red flag is still an alert")
	}
}

func TestFreeTextAlertsKeepTheLevelOfTheirField(t *testing.T) {
	for _, tc := range []struct {
		c    store.Client
		want store.AlertLevel
	}{
		{store.Client{Contraindications: "x"}, store.Red},
		{store.Client{Medications: "x"}, store.Amber},
		{store.Client{MedicalHistory: "x"}, store.PlainHistory},
		{store.Client{}, store.NoAlert},
	} {
		if got := store.AlertLevelOf(tc.c, store.Health{}); got != tc.want {
			t.Errorf("%+v: level %v, want %v", tc.c, got, tc.want)
		}
	}
}

func TestGluteusMediusNeedsConsentToTheGlutealRegion(t *testing.T) {
	muscles := []store.Tag{{Name: "Gluteus medius", Side: store.Left}, {Name: "Quadratus lumborum"},
		{Name: "Iliopsoas"}, {Name: "My own muscle"}}
	consents := []store.Consent{{On: day(2026, 1, 10), How: store.ConsentWritten, Areas: store.GeneralAreas,
		Excluded: []store.ConsentArea{store.AreaChest}}}
	var got []string
	for _, m := range store.MissingConsent(consents, muscles, today) {
		got = append(got, m.Area.Label()+": "+strings.Join(m.Muscles, ","))
	}
	want := "Gluteal region: Gluteus medius, Abdomen: Iliopsoas, Inner thigh and groin: Iliopsoas"
	if strings.Join(got, ", ") != want {
		t.Errorf("missing = %s\nwant      %s", strings.Join(got, ", "), want)
	}
	// A later consent adds the gluteal region; a withdrawal takes it away.
	consents = append(consents, store.Consent{On: day(2026, 6, 1), How: store.ConsentVerbal,
		Areas: []store.ConsentArea{store.AreaGluteal}, WithdrawnOn: day(2026, 9, 1)})
	if have := store.ConsentedAreas(consents, day(2026, 7, 1)); !have[store.AreaGluteal] || !have[store.AreaBack] {
		t.Errorf("in July: %v", have)
	}
	if have := store.ConsentedAreas(consents, today); have[store.AreaGluteal] || !have[store.AreaBack] {
		t.Errorf("after the withdrawal: %v", have)
	}
	if !store.ConsentOnFile(consents, today) || store.ConsentOnFile(consents, day(2026, 1, 9)) {
		t.Error("consent on file is wrong before or after it was given")
	}
	for _, m := range []string{"gluteus maximus", "Gluteus minimus", "piriformis"} {
		if a := store.AreasOfMuscle(m); len(a) != 1 || a[0] != store.AreaGluteal {
			t.Errorf("%s is treated through %v", m, a)
		}
	}
	if a := store.AreasOfMuscle("Adductors"); len(a) != 1 || a[0] != store.AreaInnerThigh {
		t.Errorf("adductors: %v", a)
	}
}

// The levels follow Finucane et al. 2020 and NICE CKS (2018 cauda equina
// update): the early signs of cauda equina syndrome are an emergency, a
// flag that is weak alone (age, weight loss, steroids) counts only beside
// another.
func TestRedFlagLevelsByCurrentGuidance(t *testing.T) {
	yes := func(flags ...store.RedFlag) store.RedFlagScreen {
		s := store.RedFlagScreen{On: today, Answers: map[store.RedFlag]store.Answer{}}
		for _, f := range flags {
			s.Answers[f] = store.Yes("")
		}
		return s
	}
	for _, tc := range []struct {
		flags []store.RedFlag
		want  store.RedFlagLevel
	}{
		{[]store.RedFlag{store.BladderBowel}, store.EmergencyReferral},
		{[]store.RedFlag{store.RectalVaginalSensation}, store.EmergencyReferral},
		{[]store.RedFlag{store.BilateralSciatica}, store.EmergencyReferral},
		{[]store.RedFlag{store.SexualDysfunction}, store.EmergencyReferral},
		{[]store.RedFlag{store.SaddleNumbness}, store.EmergencyReferral},
		{[]store.RedFlag{store.HistoryOfCancer}, store.UrgentReferral},
		{[]store.RedFlag{store.InflammatoryBackPain}, store.RoutineReferral},
		{[]store.RedFlag{store.NoImprovement}, store.RoutineReferral},
		{[]store.RedFlag{store.AgeAtOnset}, store.FlagNoted},
		{[]store.RedFlag{store.ProlongedSteroids}, store.FlagNoted},
		{[]store.RedFlag{store.AgeAtOnset, store.WeightLoss}, store.UrgentReferral},
		{nil, store.NoFlag},
	} {
		if got := yes(tc.flags...).Level(); got != tc.want {
			t.Errorf("%v: level %v, want %v", tc.flags, got, tc.want)
		}
	}
	// Age alone no longer raises the top alert.
	if got := store.AlertLevelOf(store.Client{}, store.Health{Screens: []store.RedFlagScreen{yes(store.AgeAtOnset)}}); got != store.Amber {
		t.Errorf("age at onset alone: level %v, want amber (noted, counts only with another)", got)
	}
	// An emergency is closed by a recorded medical assessment only.
	s := yes(store.BilateralSciatica)
	s.ReferredTo, s.ReferredOn, s.Note = "Emergency department", today, "Went home, feels fine"
	if !s.Open() {
		t.Error("an emergency referred, with a therapist's note, is closed")
	}
	s.ClearedBy, s.ClearedOn = "Dr Osei, emergency department", today
	if s.Open() {
		t.Error("an emergency with a recorded medical assessment is still open")
	}
	for _, f := range store.RedFlags {
		if !strings.Contains(f.Label(), " ") || f.Level() == store.NoFlag || f.Concern() == "" {
			t.Errorf("flag %s has no question, level or concern", f)
		}
	}
}

// Screens written before the later questions existed hash as they did: the
// hash below is the one the code before them wrote.
func TestOlderScreensHashAsBefore(t *testing.T) {
	on := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	h := store.Health{Screens: []store.RedFlagScreen{{UID: "s1", On: on, Answers: map[store.RedFlag]store.Answer{store.Fever: store.Yes("")}}}}
	const written = "client/2:c5c80ff12b4d87287a05d5b21542103c584e427d17bbaee3101edf9d74d718b2"
	if got := store.ClientRecordHash(store.Client{UID: "c1"}, h); got != written {
		t.Errorf("an older screen hashes %s, it was written as %s", got, written)
	}
	h.Screens[0].Answers[store.BilateralSciatica] = store.No()
	if store.ClientRecordHash(store.Client{UID: "c1"}, h) == written {
		t.Error("a later question answered does not change the hash")
	}
}
