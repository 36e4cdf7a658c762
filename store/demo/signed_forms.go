package demo

import (
	"math"
	"math/rand"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// Some of the sample clients filled in their intake and signed their
// consent on the device in the room: their record holds the submission,
// sealed, and the therapist's review that took it in, so the sample shows
// a signature on the consent and the intake PDFs.

// signedByClient reports a client whose intake and consent came from their
// own screen: every third, not the referred client nor the one without
// consent (their stories are told by the therapist's own entries).
func signedByClient(i int) bool { return i%3 == 1 && i != ReferredClient && i != NoConsentClient }

// clientsForms takes the intake, its red-flag answers and the consent out
// of h, as the client's submission that gives them, dated the first visit.
func clientsForms(r *rand.Rand, c store.Client, h *store.Health) store.Submission {
	first := h.Screens[0].On
	sub := store.Submission{ClientID: c.ID, At: first.Add(9*time.Hour + 40*time.Minute + time.Duration(r.Intn(15))*time.Minute),
		Forms: []store.FormKind{store.FormIntake, store.FormConsent}, Intake: h.Intake,
		Screen: store.RedFlagScreen{Answers: h.Screens[0].Answers}, SignedName: c.FullName(), Signature: scribble(r)}
	sub.Intake.Date = time.Time{}
	if len(h.Consents) > 0 {
		sub.Consent = h.Consents[0]
		sub.Consent.On, sub.Consent.How = time.Time{}, ""
	}
	h.Intake, h.Screens, h.Consents = store.Intake{}, nil, nil
	return sub
}

// keepClientsForms keeps the submission and the therapist's acceptance of
// both forms, as done at the first visit.
func keepClientsForms(b *sqlstore.Batch, sub store.Submission) error {
	kept, err := b.SaveSubmission(sub)
	if err != nil {
		return err
	}
	_, err = b.ReviewSubmission(kept.ID, []store.FormDecision{{Form: store.FormIntake, Accept: true},
		{Form: store.FormConsent, Accept: true}}, Therapist)
	return err
}

// scribble is a hand-written name as a finger draws it on a 600 × 200
// pad: two or three flowing strokes, about a second each.
func scribble(r *rand.Rand) store.Signature {
	sig := store.Signature{Width: 600, Height: 200}
	x, t := 30+r.Intn(30), 0
	for range 2 + r.Intn(2) {
		var st store.Stroke
		loops, width := 3+r.Intn(4), 120+r.Intn(80)
		for k := 0; k <= loops*8; k++ {
			phase := float64(k) / 8 * 2 * math.Pi
			px := x + k*width/(loops*8) + int(14*math.Sin(phase))
			py := 115 - int(38*math.Sin(phase/2+0.4)*(0.6+0.4*math.Cos(phase/3)))
			st = append(st, store.SignaturePoint{X: min(max(px, 0), 600), Y: min(max(py, 0), 200), T: t})
			t += 12 + r.Intn(8)
		}
		sig.Strokes = append(sig.Strokes, st)
		x += width + 20 + r.Intn(20)
		t += 180 + r.Intn(200)
	}
	return sig
}
