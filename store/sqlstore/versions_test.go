package sqlstore_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// Two desks on one record (two stores on one file, or on one database of
// the server) edit the same client and the same note: the second save,
// made from what it loaded before the first, is refused, naming who
// changed it and when, and nothing is overwritten.
func TestNoLostUpdateBetweenTwoDesks(t *testing.T) {
	ctx := context.Background()
	a, b := testkit.OpenStorePair(t)
	client, err := a.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak"})
	if err != nil {
		t.Fatal(err)
	}
	// both desks load the client
	onA, err := a.Client(ctx, client.ID)
	if err != nil {
		t.Fatal(err)
	}
	onB, err := b.Client(ctx, client.ID)
	if err != nil {
		t.Fatal(err)
	}
	onA.Phone = "+48 600 111 222"
	if _, err := a.UpdateClient(ctx, onA); err != nil {
		t.Fatal(err)
	}
	onB.Email = "marta@example.com"
	_, err = b.UpdateClient(ctx, onB)
	var stale *store.StaleError
	if !errors.As(err, &stale) || !errors.Is(err, store.ErrStale) {
		t.Fatalf("second desk's update: %v, want a StaleError", err)
	}
	if !strings.Contains(err.Error(), "changed by ") || !strings.Contains(err.Error(), "— reload and reapply") || stale.By == "" {
		t.Errorf("the refusal reads %q", err)
	}
	kept, _ := b.Client(ctx, client.ID)
	if kept.Phone != "+48 600 111 222" || kept.Email != "" {
		t.Errorf("after the refusal the client is %+v", kept)
	}
	// reloaded, the second desk's change lands
	kept.Email = "marta@example.com"
	if _, err := b.UpdateClient(ctx, kept); err != nil {
		t.Errorf("update after reload: %v", err)
	}

	// the same for a draft note
	note, err := a.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: client.ID, DurationMin: 60,
		Start: time.Date(2026, 11, 2, 10, 0, 0, 0, time.Local), Notes: store.SOAP{Subjective: "first"}}})
	if err != nil {
		t.Fatal(err)
	}
	noteB, err := b.Session(ctx, note.ID)
	if err != nil {
		t.Fatal(err)
	}
	note.Notes.Subjective = "from desk A"
	if note, err = a.Save(ctx, sqlstore.SaveRequest{Session: note}); err != nil {
		t.Fatal(err)
	}
	// desk A saves again from what its save returned: not stale
	note.Notes.Plan = "plan from A"
	if _, err = a.Save(ctx, sqlstore.SaveRequest{Session: note}); err != nil {
		t.Fatalf("a desk's second save of its own note: %v", err)
	}
	noteB.Notes.Subjective = "from desk B"
	if _, err := b.Save(ctx, sqlstore.SaveRequest{Session: noteB}); !errors.Is(err, store.ErrStale) {
		t.Fatalf("second desk's save of the note: %v, want stale", err)
	}
	if got, _ := b.Session(ctx, note.ID); got.Notes.Subjective != "from desk A" || got.Notes.Plan != "plan from A" {
		t.Errorf("the note was overwritten: %+v", got.Notes)
	}
}

// A desk that lost the answer to an edit sends it again from the version
// it loaded: the record already says what it says, so the edit is done
// (not "changed by" the desk itself) and nothing is written twice; a
// different change from that version is still refused.
func TestAnEditSentAgainAfterItLandedIsDone(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t)
	client, err := s.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak"})
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := s.Client(ctx, client.ID)
	if err != nil {
		t.Fatal(err)
	}
	loaded.Phone = "+48 600 111 222"
	if _, err := s.UpdateClient(ctx, loaded); err != nil {
		t.Fatal(err)
	}
	before, err := s.AuditLog(ctx, store.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.UpdateClient(ctx, loaded) // the same edit, the same old version
	if err != nil {
		t.Fatalf("the edit sent again: %v", err)
	}
	if again.Phone != "+48 600 111 222" || again.Version != loaded.Version+1 {
		t.Errorf("the edit sent again gives %+v", again)
	}
	if after, _ := s.AuditLog(ctx, store.AuditQuery{}); len(after) != len(before) {
		t.Errorf("the edit sent again wrote %d history entries", len(after)-len(before))
	}
	loaded.Email = "marta@example.com"
	if _, err := s.UpdateClient(ctx, loaded); !errors.Is(err, store.ErrStale) {
		t.Errorf("another change from the old version: %v, want it refused as stale", err)
	}
}
