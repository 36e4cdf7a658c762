package sqlstore_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/anchor"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// anchoredStore opens the database at path keeping its head in book.
func anchoredStore(t *testing.T, path string, book *anchor.Book) *sqlstore.Store {
	t.Helper()
	s, err := sqlstore.Open(context.Background(), path, sqlstore.WithAnchors(book),
		sqlstore.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// checkOf is what check says of the file: the record's own verification,
// then the anchor's.
func checkOf(t *testing.T, path string, book *anchor.Book) (record, anchored []string) {
	t.Helper()
	ctx := context.Background()
	s, err := sqlstore.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if record, err = s.VerifyRecord(ctx); err != nil {
		t.Fatal(err)
	}
	if anchored, err = s.VerifyAnchor(ctx, book); err != nil {
		t.Fatal(err)
	}
	return record, anchored
}

// lastSeq is the number of the history's latest entry.
func lastSeq(t *testing.T, s *sqlstore.Store) int64 {
	t.Helper()
	h, err := s.LogHead(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return h.Seq
}

func TestCheckSaysWhenEntriesWereCutFromTheEndWithTheirRecords(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	book := anchor.In(filepath.Join(t.TempDir(), "anchors"))
	path := filepath.Join(t.TempDir(), "backtrack.db")
	s := anchoredStore(t, path, book)
	testkit.RichRecords(t, s)
	before := lastSeq(t, s)
	// The last things done: a client added with a draft note.
	c := testkit.MustClient(t, s, "Tomasz", "Wrona")
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: fixedNow.Add(-time.Hour), DurationMin: 30}}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// Given the trigger dropped and the last entries deleted with the
	// records they made, outside Backtrack.
	editFile(t, path, `DROP TRIGGER audit_log_no_delete`,
		`DELETE FROM sessions WHERE client_id = (SELECT id FROM clients WHERE uid = '`+c.UID+`')`,
		`DELETE FROM clients WHERE uid = '`+c.UID+`'`,
		`DELETE FROM audit_log WHERE seq > `+itoa(before))

	// Then the record alone holds together, and the anchor says it was cut.
	record, anchored := checkOf(t, path, book)
	if len(record) != 0 {
		t.Fatalf("the forgery is not whole: the record's own check found %v", record)
	}
	if len(anchored) != 1 || !strings.Contains(anchored[0], "it ends at entry "+itoa(before)+", before entry") ||
		!strings.Contains(anchored[0], "cut from its end") {
		t.Fatalf("check after cutting the end: %q", anchored)
	}
}

func TestCheckSaysWhenAnUnVoidLostItsLastEntry(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	book := anchor.In(filepath.Join(t.TempDir(), "anchors"))
	path := filepath.Join(t.TempDir(), "backtrack.db")
	s := anchoredStore(t, path, book)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	sess, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: fixedNow.Add(-time.Hour), DurationMin: 60,
		Notes: store.SOAP{Assessment: "Frozen shoulder"}}, Sign: true, By: "Anna Keller, LMT"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.VoidSession(ctx, sess.ID, "Recorded on the wrong client", "Anna Keller, LMT"); err != nil {
		t.Fatal(err)
	}
	voided := lastSeq(t, s)
	s.Close()

	// Given the void undone outside Backtrack: the note as signed again,
	// its seal put back and the void's entry deleted.
	editFile(t, path, `DROP TRIGGER audit_log_no_delete`, `DROP TRIGGER sessions_keep_their_void`,
		`UPDATE sessions SET voided_at = '', voided_by = '', void_reason = '',
			content_hash = (SELECT content FROM audit_log WHERE record = sessions.uid AND action = 'session.signed')`,
		`UPDATE clients SET visits = 1, last_visit_at = (SELECT started_at FROM sessions)`,
		`DELETE FROM audit_log WHERE seq = `+itoa(voided))

	record, anchored := checkOf(t, path, book)
	if len(record) != 0 {
		t.Fatalf("the forgery is not whole: the record's own check found %v", record)
	}
	if len(anchored) != 1 || !strings.Contains(anchored[0], "it ends at entry "+itoa(voided-1)+", before entry "+itoa(voided)) {
		t.Fatalf("check after an un-void: %q", anchored)
	}
}

func TestCheckSaysWhenTheFileWasReplacedByAnOlderCopy(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	book := anchor.In(filepath.Join(t.TempDir(), "anchors"))
	path := filepath.Join(t.TempDir(), "backtrack.db")
	s := anchoredStore(t, path, book)
	testkit.RichRecords(t, s)
	older := filepath.Join(t.TempDir(), "older.db")
	if _, err := s.Backup(ctx, older); err != nil {
		t.Fatal(err)
	}
	testkit.MustClient(t, s, "Tomasz", "Wrona")
	s.Close()

	// Given the file replaced by the older copy.
	replaceFile(t, older, path)

	record, anchored := checkOf(t, path, book)
	if len(record) != 0 {
		t.Fatalf("the older copy is sound in itself: %v", record)
	}
	if len(anchored) != 1 || !strings.Contains(anchored[0], "replaced by an older copy") {
		t.Fatalf("check after replacing the file: %q", anchored)
	}
	// and opening it in Backtrack, or writing to it, does not make it so
	s = anchoredStore(t, path, book)
	testkit.MustClient(t, s, "Ada", "Lovelace")
	s.Close()
	if _, anchored := checkOf(t, path, book); len(anchored) != 1 || !strings.Contains(anchored[0], "is not the one Backtrack saw") {
		t.Fatalf("check after writing to the older copy: %q", anchored)
	}
}

func TestCheckSaysWhenAnotherRecordTookTheFilesPlace(t *testing.T) {
	testkit.SQLiteOnly(t)
	book := anchor.In(filepath.Join(t.TempDir(), "anchors"))
	path := filepath.Join(t.TempDir(), "backtrack.db")
	s := anchoredStore(t, path, book)
	testkit.MustClient(t, s, "Lena", "Fischer")
	s.Close()
	other := filepath.Join(t.TempDir(), "other.db")
	o := testkit.OpenStoreAt(t, other, fixedNow.Add(time.Hour)) // begun at another time
	for range 5 {
		testkit.MustClient(t, o, "Tomasz", "Wrona")
	}
	o.Close()
	replaceFile(t, other, path)
	if _, anchored := checkOf(t, path, book); len(anchored) != 1 || !strings.Contains(anchored[0], "not the record Backtrack last saw here") {
		t.Fatalf("check after another record took its place: %q", anchored)
	}
}

func TestARestoreMovesTheAnchorSoCheckDoesNotCryWolf(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	book := anchor.In(filepath.Join(t.TempDir(), "anchors"))
	path := filepath.Join(t.TempDir(), "backtrack.db")
	s := anchoredStore(t, path, book)
	testkit.RichRecords(t, s)
	older := filepath.Join(t.TempDir(), "older.db")
	if _, err := s.Backup(ctx, older); err != nil {
		t.Fatal(err)
	}
	testkit.MustClient(t, s, "Tomasz", "Wrona")
	s.Close()

	if _, err := sqlstore.Restore(ctx, path, older, "", fixedNow, s.Options()...); err != nil {
		t.Fatal(err)
	}
	if record, anchored := checkOf(t, path, book); len(record)+len(anchored) != 0 {
		t.Fatalf("check after a restore: %v %v", record, anchored)
	}
}

func TestTheAnchorFollowsEveryWriterOfTheRecord(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "anchors")
	book := anchor.In(dir)
	first := testkit.OpenStore(t, fixedNow)
	// Two desks on one record, writing at once.
	a, b := anchoredStore(t, first.Path(), book), anchoredStore(t, first.Path(), book)
	var wg sync.WaitGroup
	for _, s := range []*sqlstore.Store{a, b} {
		wg.Go(func() {
			for range 5 {
				if _, err := s.CreateClient(ctx, store.Client{FirstName: "Lena", LastName: "Fischer"}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	head, err := a.LogHead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if problems, err := a.VerifyAnchor(ctx, nil); err != nil || len(problems) != 0 {
		t.Fatalf("two writers: %v %v", problems, err)
	}
	// one head is kept for the record (on a server, for this login), the latest
	raw, err := os.ReadFile(filepath.Join(dir, "heads.json"))
	if err != nil {
		t.Fatal(err)
	}
	var kept map[string]anchor.Seen
	if err := json.Unmarshal(raw, &kept); err != nil || len(kept) != 1 {
		t.Fatalf("heads kept: %s (%v)", raw, err)
	}
	for key, seen := range kept {
		if seen.Seq != head.Seq || seen.Hash != head.Hash {
			t.Errorf("kept %+v under %q, want the head %+v", seen, key, head)
		}
		if testkit.OnPostgres() && !strings.HasPrefix(key, "server ") {
			t.Errorf("a server's head is kept under %q", key)
		}
	}
	testkit.AssertMode(t, dir, 0o700)
	testkit.AssertMode(t, filepath.Join(dir, "heads.json"), 0o600)
	a.Close()
	b.Close()
	if head.Seq < 11 {
		t.Fatalf("head %+v after ten clients", head)
	}
}

// replaceFile puts the database at from in the place of the one at to, as
// a file copied over it would.
func replaceFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, side := range []string{"-wal", "-shm"} {
		os.Remove(to + side)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestCheckSaysWhenAHistoryEndsBeforeItsAnchorOnEitherEngine(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "anchors")
	book := anchor.In(dir)
	s := anchoredStore(t, testkit.OpenStore(t, fixedNow).Path(), book)
	testkit.MustClient(t, s, "Lena", "Fischer")
	head, err := s.LogHead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "heads.json"))
	if err != nil {
		t.Fatal(err)
	}
	var kept map[string]anchor.Seen
	if err := json.Unmarshal(raw, &kept); err != nil || len(kept) != 1 {
		t.Fatalf("heads kept: %s (%v)", raw, err)
	}
	// Given the anchor two entries past the history (as after the last
	// two entries were cut from it on the server).
	for key := range kept {
		err := book.Update(key, func(seen anchor.Seen, _ bool) (anchor.Seen, bool) {
			seen.Seq, seen.Hash = head.Seq+2, strings.Repeat("a", 64)
			return seen, true
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	problems, err := s.VerifyAnchor(ctx, nil)
	want := "it ends at entry " + itoa(head.Seq) + ", before entry " + itoa(head.Seq+2) + " (aaaaaaaa)"
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], want) {
		t.Fatalf("check: %q %v, want %q", problems, err, want)
	}
	// and check, opening the record read-only (on a server as the same login), finds the same head
	ro, err := sqlstore.OpenReadOnly(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if problems, err := ro.VerifyAnchor(ctx, book); err != nil || len(problems) != 1 || !strings.Contains(problems[0], want) {
		t.Fatalf("check read-only: %q %v", problems, err)
	}
	// and a write does not move the anchor back to the shorter history
	testkit.MustClient(t, s, "Tomasz", "Wrona")
	if problems, _ := s.VerifyAnchor(ctx, nil); len(problems) != 1 {
		t.Fatalf("after a write: %q", problems)
	}
}

func TestARecordBornWhereADeletedOneWasSeenIsNotCalledAReplacement(t *testing.T) {
	testkit.SQLiteOnly(t)
	book := anchor.In(filepath.Join(t.TempDir(), "anchors"))
	path := filepath.Join(t.TempDir(), "practice.db")
	first := anchoredStore(t, path, book)
	testkit.MustClient(t, first, "Ada", "Byron")
	first.Close()
	// Given the practice deleted on purpose and a new one made by Backtrack
	// at the same path (a new sample practice, a fresh start).
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	second := anchoredStore(t, path, book)
	testkit.MustClient(t, second, "Grace", "Hopper")
	second.Close()

	record, anchored := checkOf(t, path, book)
	if len(record) > 0 || len(anchored) > 0 {
		t.Fatalf("check of the new record found %q and %q, want nothing", record, anchored)
	}
	// and the new record's head is the one kept from now on
	if kept, known, err := book.Get(mustAbs(t, path)); err != nil || !known || kept.Seq == 0 {
		t.Fatalf("kept head %+v known %v (%v), want the new record's", kept, known, err)
	}
}

func mustAbs(t *testing.T, path string) string {
	t.Helper()
	p, err := filepath.EvalSymlinks(path)
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
