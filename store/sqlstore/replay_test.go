package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/testkit"
)

func TestASaveSentTwiceIsRecordedOnce(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := mustClient(t, s, "Marta", "Nowak")
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
	entries := func() int {
		t.Helper()
		log, err := s.AuditLog(ctx, store.AuditQuery{})
		if err != nil {
			t.Fatal(err)
		}
		return len(log)
	}

	// given a save that landed, whose answer the desk never got
	first, err := s.SaveSession(ctx, note)
	if err != nil {
		t.Fatal(err)
	}
	logged := entries()
	// when the desk sends it again, as it was
	again, err := s.SaveSession(ctx, note)
	if err != nil {
		t.Fatal(err)
	}
	// then there is one visit, and nothing new in its history
	if count() != 1 || again.ID != first.ID || entries() != logged {
		t.Errorf("%d sessions, ids %d and %d, %d entries (was %d): want one visit, unchanged", count(), first.ID, again.ID, entries(), logged)
	}
	// and a second attempt with more typed since is an edit of that visit
	note.Notes.Plan = "weekly for a month"
	edited, err := s.SaveSession(ctx, note)
	if err != nil {
		t.Fatal(err)
	}
	if count() != 1 || edited.ID != first.ID || edited.Notes.Plan != "weekly for a month" {
		t.Errorf("%d sessions, plan %q: want the one visit with the plan", count(), edited.Notes.Plan)
	}

	// a note saved and signed whose answer was lost is not signed twice
	signedNote := store.Session{ClientID: c.ID, DurationMin: 45, UID: store.NewUID(),
		Start: time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC), Notes: store.SOAP{Subjective: "better"}}
	signed, err := s.SaveSignedSession(ctx, signedNote, "Anna Keller, LMT")
	if err != nil {
		t.Fatal(err)
	}
	resent, err := s.SaveSignedSession(ctx, signedNote, "Anna Keller, LMT")
	if err != nil || resent.ID != signed.ID || !resent.Signed() || count() != 2 {
		t.Errorf("resent %+v %v, %d sessions: want the signed note once", resent.ID, err, count())
	}
}
