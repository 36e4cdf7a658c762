package interchange_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// practiceFile is a practice on a SQLite file, closed, with its bytes'
// hash: a move must only read it.
func practiceFile(t *testing.T, fill func(*sqlstore.Store)) (path string, sum [32]byte) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "practice.db")
	s, err := sqlstore.Open(context.Background(), path, sqlstore.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	fill(s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, fileSum(t, path)
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestMovePracticeCopiesEverythingAndOnlyReadsTheFile(t *testing.T) {
	ctx := context.Background()
	path, before := practiceFile(t, func(s *sqlstore.Store) { testkit.RichRecords(t, s) })
	src := testkit.OpenReadOnly(t, path)
	// the destination: the run's engine (the private server on a
	// PostgreSQL run), a day later
	dst := testkit.OpenStore(t, fixedNow.Add(24*time.Hour))

	moved, err := interchange.Move(ctx, src, dst)
	if err != nil {
		t.Fatalf("move: %v", err)
	}
	if moved.Clients != 3 || moved.Sessions != 5 || moved.Amendments != 1 {
		t.Errorf("moved %+v, want 3 clients, 5 sessions, 1 amendment", moved)
	}
	want, got := testkit.ExportOf(t, src), testkit.ExportOf(t, dst)
	assertHistoryBrought(t, want.AuditLog, got.AuditLog)
	want.AuditLog, got.AuditLog = nil, nil
	want.ExportedAt, got.ExportedAt = "", ""
	if !reflect.DeepEqual(want, got) {
		wj, _ := json.MarshalIndent(want, "", " ")
		gj, _ := json.MarshalIndent(got, "", " ")
		t.Fatalf("the move changed the records:\n%s", firstDifference(string(wj), string(gj)))
	}
	if problems, err := dst.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("verify the moved record: %v %v", problems, err)
	}
	// a second move is refused: the destination is no longer empty
	if _, err := interchange.Move(ctx, src, dst); !errors.Is(err, interchange.ErrNotEmpty) {
		t.Errorf("second move: %v, want ErrNotEmpty", err)
	}
	src.Close()
	if fileSum(t, path) != before {
		t.Error("the move changed the practice's file")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		if data, _ := os.ReadFile(path + "-wal"); len(data) > 0 {
			t.Error("the move left a write-ahead log beside the practice's file")
		}
	}
}

// A server killed in the middle of a move leaves the destination empty
// (nothing was acknowledged), and the move run again lands whole.
func TestMoveCutShortByTheServerLeavesItEmpty(t *testing.T) {
	srv := testkit.PrivateServer(t)
	ctx := context.Background()
	path, _ := practiceFile(t, func(s *sqlstore.Store) {
		if _, err := demo.Fill(ctx, s, demo.Options{Clients: 150, Sessions: 3000, Seed: 9, Today: fixedNow}); err != nil {
			t.Fatal(err)
		}
	})
	src := testkit.OpenReadOnly(t, path)
	dsn := srv.NewDatabase(t, "moved")
	dst, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := sql.Open("pgx", srv.Admin())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()

	// when the server dies while the move's transaction has written
	done := make(chan error, 1)
	go func() { _, err := interchange.Move(ctx, src, dst); done <- err }()
	for writing := false; !writing; {
		select {
		case err := <-done:
			t.Fatalf("the move ended (%v) before the server could be killed: make the practice bigger", err)
		case <-time.After(5 * time.Millisecond):
		}
		var n int
		if err := admin.QueryRow(`SELECT COUNT(*) FROM pg_stat_activity WHERE datname = 'moved' AND backend_xid IS NOT NULL`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		writing = n > 0
	}
	srv.Kill(t)
	if err := <-done; err == nil {
		t.Fatal("the move reported success although the server was killed")
	}
	dst.Close()
	srv.Restart(t)

	// then the destination is as empty as before
	dst, err = sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	clients, err := dst.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	if err != nil || len(clients) != 0 {
		t.Fatalf("after the kill the server holds %d clients (%v), want none", len(clients), err)
	}
	if problems, err := dst.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check after the kill: %v %v", problems, err)
	}
	// and the move run again copies the whole practice, which verifies
	moved, err := interchange.Move(ctx, src, dst)
	if err != nil {
		t.Fatalf("move again: %v", err)
	}
	if moved.Clients != 150 || moved.Sessions != 3000 {
		t.Errorf("moved %+v, want 150 clients and 3000 sessions", moved)
	}
	want, got := testkit.ExportOf(t, src), testkit.ExportOf(t, dst)
	want.AuditLog, got.AuditLog, want.ExportedAt, got.ExportedAt = nil, nil, "", ""
	wj, _ := json.Marshal(want)
	gj, _ := json.Marshal(got)
	if !bytes.Equal(wj, gj) {
		t.Error("the second move's records differ from the practice's")
	}
}
