package sqlstore_test

import (
	"context"
	"errors"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// Under Ontario's rule a save that records verbal consent to the gluteal
// region is refused whole: no note, no consent, no history line.
func TestASaveWithVerbalConsentToASensitiveAreaIsRefusedUnderOntariosRule(t *testing.T) {
	ctx := context.Background()
	s, c, sess := gluteusSessionWithoutConsent(t)
	check := store.ConsentCheck{Missing: store.MissingConsent(nil, sess.Muscles, sess.Start), Answer: store.ConsentGivenNow,
		Regulator: store.RegulatorOntario}
	_, err := s.Save(ctx, sqlstore.SaveRequest{Session: sess, Consent: check})
	var v *store.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("verbal consent to the gluteal region under Ontario's rule: %v", err)
	}
	h, _ := s.Health(ctx, c.ID)
	hist, _ := s.ClientHistory(ctx, c.ID, store.Period{})
	if len(h.Consents) != 0 || len(hist) != 0 {
		t.Errorf("a refused save left %d consents and %d notes", len(h.Consents), len(hist))
	}
}

// gluteusSessionWithoutConsent is a new client and an unsaved session that
// treats gluteus medius, with no consent on file.
func gluteusSessionWithoutConsent(t *testing.T) (*sqlstore.Store, store.Client, store.Session) {
	t.Helper()
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c, err := s.CreateClient(ctx, store.Client{FirstName: "Jonas", LastName: "Weber"})
	if err != nil {
		t.Fatal(err)
	}
	glute, _ := s.TermNamed(ctx, store.Muscle, "Gluteus medius")
	return s, c, store.Session{ClientID: c.ID, Start: store.WallClock(fixedNow), DurationMin: 60,
		Muscles: []store.Tag{{TermID: glute.ID, Name: glute.Name, Side: store.Left}}}
}
