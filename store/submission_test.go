package store_test

import (
	"strings"
	"testing"
	"time"

	"backtrack/store"
)

var (
	handDOB   = time.Date(1980, 3, 1, 0, 0, 0, 0, time.UTC)
	handToday = time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC)
)

// aSignature is a short name drawn in two strokes on a 600 × 200 pad.
func aSignature() store.Signature {
	return store.Signature{Width: 600, Height: 200, Strokes: []store.Stroke{
		{{X: 10, Y: 150, T: 0}, {X: 60, Y: 40, T: 80}, {X: 110, Y: 150, T: 160}},
		{{X: 140, Y: 100, T: 400}, {X: 300, Y: 90, T: 520}},
	}}
}

func aSubmission() store.Submission {
	return store.Submission{
		UID: "sub-1", At: handToday,
		Forms: []store.FormKind{store.FormIntake, store.FormConsent, store.FormPSFS, store.FormPain},
		Intake: store.Intake{Reason: "Low back pain after gardening", Allergies: store.Yes("nut oils"),
			Conditions: map[store.Condition]store.Answer{store.Diabetes: store.No()}},
		Screen: store.RedFlagScreen{Answers: map[store.RedFlag]store.Answer{store.SaddleNumbness: store.No()}},
		Consent: store.Consent{Assessment: true, Draping: true, Areas: []store.ConsentArea{store.AreaBack, store.AreaGluteal},
			Excluded: []store.ConsentArea{store.AreaAbdomen}},
		Measures: []store.Measure{{Kind: store.PSFS, Items: []store.MeasureItem{{Item: "Gardening", Score: 4}}}},
		Pain:     6, SignedName: "Dana Client", Signature: aSignature(),
	}
}

func TestASignatureBeyondItsBoundsIsRefusedWithASentence(t *testing.T) {
	var long store.Stroke
	for i := range store.SignatureMaxPoints + 1 {
		long = append(long, store.SignaturePoint{X: i % 600, Y: 100, T: i})
	}
	cases := map[string]store.Signature{
		"points": {Width: 600, Height: 200, Strokes: []store.Stroke{long}},
		"strokes": {Width: 600, Height: 200, Strokes: func() []store.Stroke {
			out := make([]store.Stroke, store.SignatureMaxStrokes+1)
			for i := range out {
				out[i] = store.Stroke{{X: 1, Y: 1, T: i}}
			}
			return out
		}()},
		"outside its pad": {Width: 600, Height: 200, Strokes: []store.Stroke{{{X: 700, Y: 10}}}},
		"back in time":    {Width: 600, Height: 200, Strokes: []store.Stroke{{{X: 1, Y: 1, T: 50}, {X: 2, Y: 2, T: 10}}}},
		"took":            {Width: 600, Height: 200, Strokes: []store.Stroke{{{X: 1, Y: 1, T: store.SignatureMaxMillis + 1}}}},
	}
	for want, sig := range cases {
		err := sig.Validate()
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v", want, err)
		}
	}
	if err := aSignature().Validate(); err != nil {
		t.Fatalf("a plain signature is refused: %v", err)
	}
}

func TestASignatureReadsBackFromItsTextAndItsHashFollowsEveryPointAndMoment(t *testing.T) {
	sig := aSignature()
	back, err := store.ParseSignature(sig.Text())
	if err != nil || back.Text() != sig.Text() || back.Hash() != sig.Hash() {
		t.Fatalf("read back %q (%v), want %q", back.Text(), err, sig.Text())
	}
	moved := aSignature()
	moved.Strokes[1][1].X++
	later := aSignature()
	later.Strokes[1][1].T++
	if moved.Hash() == sig.Hash() || later.Hash() == sig.Hash() {
		t.Fatal("a moved point or a changed moment keeps the signature's hash")
	}
	if _, err := store.ParseSignature("600x200|1,2"); err == nil {
		t.Fatal("a point without its moment is read")
	}
}

func TestASubmissionsSealFollowsEveryAnswerAndTheSignature(t *testing.T) {
	sub := aSubmission()
	if p := sub.Validate(handDOB, handToday); len(p) > 0 {
		t.Fatalf("a complete submission is refused: %v", p.Err())
	}
	seal := sub.SealFor("client-1")
	if again := aSubmission(); func() string { again.Validate(handDOB, handToday); return again.SealFor("client-1") }() != seal {
		t.Fatal("the same answers seal differently")
	}
	for name, change := range map[string]func(*store.Submission){
		"an answer":     func(s *store.Submission) { s.Screen.Answers[store.SaddleNumbness] = store.Yes("") },
		"an area":       func(s *store.Submission) { s.Consent.Areas = s.Consent.Areas[:1] },
		"a PSFS score":  func(s *store.Submission) { s.Measures[0].Items[0].Score = 5 },
		"the signature": func(s *store.Submission) { s.Signature.Strokes[0][0].Y++ },
		"the name":      func(s *store.Submission) { s.SignedName = "Someone Else" },
		"the pain":      func(s *store.Submission) { s.Pain = 7 },
	} {
		changed := aSubmission()
		changed.Validate(handDOB, handToday)
		change(&changed)
		if changed.SealFor("client-1") == seal {
			t.Errorf("changing %s keeps the seal", name)
		}
	}
	if sub.SealFor("client-2") == seal {
		t.Error("the seal does not say whose record it is in")
	}
}

func TestAnUnsignedConsentOnTheDeviceIsRefused(t *testing.T) {
	sub := aSubmission()
	sub.Signature = store.Signature{}
	p := sub.Validate(handDOB, handToday)
	if !strings.Contains(p.For("signature"), "sign to give your consent") {
		t.Fatalf("an unsigned consent: %v", p.Err())
	}
	var h store.Health
	if _, err := h.AcceptForm(sub, store.FormConsent, false, handDOB, handToday); err == nil {
		t.Fatal("an unsigned consent was accepted")
	}
	paper := aSubmission()
	paper.Signature, paper.PaperOn = store.Signature{}, handToday.AddDate(0, 0, -3)
	if p := paper.Validate(handDOB, handToday); len(p) > 0 {
		t.Fatalf("a consent typed from its paper form is refused: %v", p.Err())
	}
	if !strings.Contains(paper.Source(), "typed from the paper form of 2026-12-04") {
		t.Fatalf("paper source: %q", paper.Source())
	}
}

func TestASignedConsentAcceptedIsWrittenConsentForTheGate(t *testing.T) {
	sub := aSubmission()
	sub.Validate(handDOB, handToday)
	var h store.Health
	words, err := h.AcceptForm(sub, store.FormConsent, false, handDOB, handToday)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(words, "Written consent") {
		t.Errorf("history words: %q", words)
	}
	st := store.AreaStatusOn(h.Consents, store.AreaGluteal, handToday)
	if st.State != store.AreaConsented || st.How != store.ConsentWritten {
		t.Fatalf("gluteal after a signed consent: %s", st.Words())
	}
	if qs := store.ConsentGate(h.Consents, store.RegulatorOntario, "Gluteus medius", handToday); len(qs) != 0 {
		t.Fatalf("the gate still asks after a signed written consent: %+v", qs)
	}
	if !strings.Contains(h.Consents[0].Note, "Signed by Dana Client") {
		t.Errorf("consent note: %q", h.Consents[0].Note)
	}
}

func TestAcceptingAnIntakeKeepsWhatTheTherapistRecordedAndSaysSo(t *testing.T) {
	onFile := store.Intake{Date: handToday.AddDate(0, -1, 0), Reason: "Sciatica, left",
		Allergies: store.No(), Conditions: map[store.Condition]store.Answer{store.Osteoporosis: store.Yes("2019")}}
	client := aSubmission().Intake
	client.Date = handToday

	merged, notes := store.MergeIntake(onFile, client, false)
	if merged.Reason != "Sciatica, left" || merged.Allergies != store.No() {
		t.Fatalf("the therapist's answers were overwritten: %+v", merged)
	}
	if merged.Conditions[store.Osteoporosis] != store.Yes("2019") || merged.Conditions[store.Diabetes] != store.No() {
		t.Fatalf("conditions: %+v", merged.Conditions)
	}
	text := strings.Join(notes, "\n")
	if !strings.Contains(text, `Reason for the visit: kept "Sciatica, left" as recorded`) || !strings.Contains(text, "Allergies: kept") {
		t.Fatalf("the differences are not said: %s", text)
	}
	replaced, notes := store.MergeIntake(onFile, client, true)
	if replaced.Reason != client.Reason || !strings.Contains(strings.Join(notes, "\n"), "replaced \"Sciatica, left\"") {
		t.Fatalf("replace: %+v %v", replaced.Reason, notes)
	}
	if !replaced.Date.Equal(handToday) {
		t.Errorf("the intake's date is %v, want the day it was reviewed", replaced.Date)
	}
}
