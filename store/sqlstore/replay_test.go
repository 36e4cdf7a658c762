package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// auditLength is how many entries the record's history holds.
func auditLength(t *testing.T, s *sqlstore.Store) int {
	t.Helper()
	log, err := s.AuditLog(context.Background(), store.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return len(log)
}

func TestASaveSentTwiceIsRecordedOnce(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Marta", "Nowak")
	note := store.Session{ClientID: c.ID, DurationMin: 60, UID: store.NewUID(),
		Start: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), Notes: store.SOAP{Subjective: "sore after gardening"}}
	count := func() int {
		t.Helper()
		history, err := s.ClientHistory(ctx, c.ID, store.Period{})
		if err != nil {
			t.Fatal(err)
		}
		return len(history)
	}
	entries := func() int { return auditLength(t, s) }

	// given a save that landed, whose answer the desk never got
	first, err := s.Save(ctx, sqlstore.SaveRequest{Session: note})
	if err != nil {
		t.Fatal(err)
	}
	logged := entries()
	// when the desk sends it again, as it was
	again, err := s.Save(ctx, sqlstore.SaveRequest{Session: note})
	if err != nil {
		t.Fatal(err)
	}
	// then there is one visit, and nothing new in its history
	if count() != 1 || again.ID != first.ID || entries() != logged {
		t.Errorf("%d sessions, ids %d and %d, %d entries (was %d): want one visit, unchanged", count(), first.ID, again.ID, entries(), logged)
	}
	// and a second attempt with more typed since is an edit of that visit
	note.Notes.Plan = "weekly for a month"
	edited, err := s.Save(ctx, sqlstore.SaveRequest{Session: note})
	if err != nil {
		t.Fatal(err)
	}
	if count() != 1 || edited.ID != first.ID || edited.Notes.Plan != "weekly for a month" {
		t.Errorf("%d sessions, plan %q: want the one visit with the plan", count(), edited.Notes.Plan)
	}

	// a note saved and signed whose answer was lost is not signed twice
	signedNote := store.Session{ClientID: c.ID, DurationMin: 45, UID: store.NewUID(),
		Start: time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC), Notes: store.SOAP{Subjective: "better"}}
	signed, err := s.Save(ctx, sqlstore.SaveRequest{Session: signedNote, Sign: true, By: "Anna Keller, LMT"})
	if err != nil {
		t.Fatal(err)
	}
	resent, err := s.Save(ctx, sqlstore.SaveRequest{Session: signedNote, Sign: true, By: "Anna Keller, LMT"})
	if err != nil || resent.ID != signed.ID || !resent.Signed() || count() != 2 {
		t.Errorf("resent %+v %v, %d sessions: want the signed note once", resent.ID, err, count())
	}
}

func TestANewClientSentTwiceIsRecordedOnce(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	client := store.Client{UID: store.NewUID(), FirstName: "Lena", LastName: "Fischer", Phone: "+49 30 1234"}
	entries := func() int { return auditLength(t, s) }

	// given a new client that landed, whose answer the desk never got
	first, err := s.CreateClient(ctx, client)
	if err != nil {
		t.Fatal(err)
	}
	logged := entries()
	// when the desk sends them again, as they were
	again, err := s.CreateClient(ctx, client)
	if err != nil {
		t.Fatal(err)
	}
	// then there is one client, and nothing new in the history
	if n := testkit.ClientCount(t, s); n != 1 || again.ID != first.ID || again.Version != first.Version || entries() != logged {
		t.Errorf("%d clients, ids %d and %d, %d entries (was %d): want one client, unchanged", n, first.ID, again.ID, entries(), logged)
	}
	// and a second attempt with more typed since is an edit of that client
	client.Email = "lena@example.org"
	edited, err := s.CreateClient(ctx, client)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := s.Client(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := testkit.ClientCount(t, s); n != 1 || edited.ID != first.ID || stored.Email != "lena@example.org" || entries() != logged+1 {
		t.Errorf("%d clients, email %q, %d entries: want the one client with the email, one edit more", n, stored.Email, entries())
	}
}

// A note saved with the consent given at the visit, sent again because its
// answer was lost, records the consent and the therapist's answer once.
func TestASaveWithConsentSentTwiceRecordsTheConsentOnce(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Jonas", "Weber")
	glute, err := s.TermNamed(ctx, store.Muscle, "Gluteus medius")
	if err != nil {
		t.Fatal(err)
	}
	sess := store.Session{ClientID: c.ID, UID: store.NewUID(), Start: store.WallClock(fixedNow), DurationMin: 60,
		Muscles: []store.Tag{{TermID: glute.ID, Name: glute.Name, Side: store.Left}}}
	check := store.ConsentCheck{Missing: store.MissingConsent(nil, sess.Muscles, sess.Start), Answer: store.ConsentGivenNow}
	first, err := s.Save(ctx, sqlstore.SaveRequest{Session: sess, Consent: check})
	if err != nil {
		t.Fatal(err)
	}
	logged := auditLength(t, s)
	again, err := s.Save(ctx, sqlstore.SaveRequest{Session: sess, Consent: check})
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.Health(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != first.ID || len(h.Consents) != 1 || auditLength(t, s) != logged {
		t.Errorf("sent twice: ids %d and %d, %d consents, %d history entries (was %d); want one of each, unchanged",
			first.ID, again.ID, len(h.Consents), auditLength(t, s), logged)
	}
}
