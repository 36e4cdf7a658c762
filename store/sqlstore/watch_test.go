package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// hangGuard only keeps a broken test from hanging the run: nothing here
// measures how fast a change arrives.
const hangGuard = 60 * time.Second

// nextChange waits for the watcher's next change.
func nextChange(t *testing.T, changes <-chan sqlstore.Change) sqlstore.Change {
	t.Helper()
	select {
	case c, ok := <-changes:
		if !ok {
			t.Fatal("the watch ended")
		}
		return c
	case <-time.After(hangGuard):
		t.Fatal("no change reported")
	}
	return sqlstore.Change{}
}

// changeFor waits until a change concerning the client arrives.
func changeFor(t *testing.T, changes <-chan sqlstore.Change, clientUID string) sqlstore.Change {
	t.Helper()
	for {
		if c := nextChange(t, changes); c.Concerns(clientUID) {
			return c
		}
	}
}

func TestAWriteInOneDeskIsSeenByTheOther(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	front, back := testkit.OpenStorePair(t)
	changes := back.Watch(ctx)

	// given a desk that saves a client of its own
	own := testkit.MustClient(t, back, "Own", "Desk")
	// when another desk adds a client and a session for them
	marta := testkit.MustClient(t, front, "Marta", "Nowak")
	if _, err := front.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: marta.ID, DurationMin: 60,
		Start: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), Notes: store.SOAP{Subjective: "better"}}}); err != nil {
		t.Fatal(err)
	}
	// then the watching desk hears of it
	c := changeFor(t, changes, marta.UID)
	if testkit.OnPostgres() {
		// on the server the notice names the client, and never the
		// watching desk's own write
		if c.All || c.Concerns(own.UID) {
			t.Errorf("change %+v: want Marta only, not the desk's own client", c)
		}
	}
}

func TestTheWatchEndsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s := testkit.OpenStore(t)
	changes := s.Watch(ctx)
	cancel()
	for range changes { // closed: the loop ends
	}
}

func TestTheListenerComesBackWithTheServer(t *testing.T) {
	srv := testkit.PrivateServer(t)
	dsn := srv.NewDatabase(t, "watched")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	front, back := testkit.OpenStoreAt(t, dsn), testkit.OpenStoreAt(t, dsn)
	changes := back.Watch(ctx)

	// when the server goes away and comes back
	srv.Kill(t)
	srv.Restart(t)
	// then the watcher says to read everything again, notices having been
	// missed, once it listens again
	if c := nextChange(t, changes); !c.All {
		t.Fatalf("first change after the restart %+v, want All", c)
	}
	// and hears of the next client another desk adds
	var marta store.Client
	var err error
	// the other desk's pool finds its old connections dead first
	for giveUp := time.Now().Add(hangGuard); ; time.Sleep(50 * time.Millisecond) {
		if marta, err = front.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak"}); err == nil || time.Now().After(giveUp) {
			break
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	if c := changeFor(t, changes, marta.UID); c.All {
		t.Errorf("change %+v, want Marta named", c)
	}
}
