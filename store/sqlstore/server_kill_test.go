package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// The server killed (SIGKILL to the postmaster, as a power cut) while
// four desks save and sign notes: after it restarts, every acknowledged
// note is there as it was saved, every note whose save did not answer is
// absent or whole, check passes, and the same store saves again.
func TestServerKilledDuringSavesLosesNothingAcknowledged(t *testing.T) {
	srv := testkit.PrivateServer(t)
	ctx := context.Background()
	dsn := srv.NewDatabase(t, "saves")
	s, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	client, err := s.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak"})
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu      sync.Mutex
		acked   []store.Session
		unacked []store.Session // the save returned an error: it may or may not have landed
	)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for desk := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				sess := store.Session{UID: store.NewUID(), ClientID: client.ID, DurationMin: 30,
					Start:      time.Date(2026, 11, 1+i%24, 8+desk, 0, 0, 0, time.Local),
					PainBefore: store.PainOf(i % 11), Notes: store.SOAP{Subjective: fmt.Sprintf("desk %d note %d", desk, i)}}
				saved, err := s.Save(ctx, sqlstore.SaveRequest{Session: sess, Sign: true, By: "Anna Keller, LMT"})
				mu.Lock()
				if err != nil {
					unacked = append(unacked, sess)
				} else {
					acked = append(acked, saved)
				}
				mu.Unlock()
				if err != nil {
					return // the desk says the server is away and keeps the form
				}
			}
		}()
	}
	// the server is killed once 40 saves were answered (every desk that
	// met an error before then has stopped, and fails the test below)
	desksDone := make(chan struct{})
	go func() { wg.Wait(); close(desksDone) }()
	for giveUp := time.After(hangGuard); ; {
		mu.Lock()
		n, failed := len(acked), len(unacked)
		mu.Unlock()
		if n >= 40 {
			break
		}
		select {
		case <-desksDone:
			t.Fatalf("the desks stopped after %d saves, %d refused, with the server up", n, failed)
		case <-giveUp:
			t.Fatalf("%d saves answered in %v", n, hangGuard)
		case <-time.After(5 * time.Millisecond):
		}
	}
	srv.Kill(t)
	close(stop)
	wg.Wait()
	srv.Restart(t)

	again, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	for _, want := range acked {
		got, err := again.SessionByUID(ctx, want.UID)
		if err != nil || got.Notes != want.Notes || got.SignedBy != want.SignedBy || !got.Start.Equal(want.Start) {
			t.Errorf("acknowledged note %s: %+v, %v", want.UID, got.Notes, err)
		}
	}
	landed := 0
	for _, want := range unacked {
		got, err := again.SessionByUID(ctx, want.UID)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			t.Errorf("unanswered note %s: %v", want.UID, err)
		case got.Notes != want.Notes || got.SignedBy == "":
			t.Errorf("unanswered note %s landed in part: %+v signed by %q", want.UID, got.Notes, got.SignedBy)
		default:
			landed++
		}
	}
	t.Logf("%d acknowledged, %d unanswered (%d of them landed whole)", len(acked), len(unacked), landed)
	if problems, err := again.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check after the restart: %v %v", problems, err)
	}
	// the desk's own store, its connections gone with the server, saves again
	var retried error
	for range 50 {
		if _, retried = s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: client.ID, DurationMin: 30,
			Start: time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)}}); retried == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if retried != nil {
		t.Errorf("save after the restart: %v", retried)
	}
}
