package sqlstore_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// signChildEnv makes the test binary a child that saves, signs, amends and
// voids notes in a loop, reporting each step on stdout after it returned.
const signChildEnv = "BACKTRACK_SIGN_CHILD_DB"

func runSignChild(path string) int {
	ctx := context.Background()
	s, err := sqlstore.Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	out := bufio.NewWriter(os.Stdout)
	cs, err := s.SearchClients(ctx, store.ClientQuery{})
	if err != nil || len(cs) == 0 {
		fmt.Fprintln(os.Stderr, "no client", err)
		return 1
	}
	for i := 0; ; i++ {
		sess, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: cs[0].ID, DurationMin: 60,
			Start: time.Date(2026, 1, 1, 8, 0, 0, 0, time.Local).Add(time.Duration(i) * time.Hour), PainBefore: store.PainOf(i % 11)}})
		if err == nil {
			sess, err = s.SignSession(ctx, sess.ID, therapist)
		}
		if err == nil {
			fmt.Fprintln(out, "signed", sess.ID)
			sess.Notes.Plan = fmt.Sprintf("plan %d", i)
			sess, err = s.Save(ctx, sqlstore.SaveRequest{Session: sess, Amend: true, Reason: "plan added after the visit", By: therapist})
		}
		if err == nil {
			fmt.Fprintln(out, "amended", sess.ID)
			if i%3 == 0 {
				if _, err = s.VoidSession(ctx, sess.ID, "entered twice", therapist); err == nil {
					fmt.Fprintln(out, "voided", sess.ID)
				}
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		out.Flush()
	}
}

func TestAKillDuringSignAmendOrVoidLeavesTheNoteAndTheLogConsistent(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sign.db")
	s := testkit.OpenStoreAt(t, path)
	testkit.MustClient(t, s, "Lena", "Fischer")
	s.Close()
	for round := 0; round < 3; round++ {
		child := exec.Command(os.Args[0], "-test.run=^$")
		child.Env = append(os.Environ(), signChildEnv+"="+path)
		stdout, err := child.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		child.Stderr = os.Stderr
		if err := child.Start(); err != nil {
			t.Fatal(err)
		}
		reported := map[string][]int64{}
		lines := bufio.NewScanner(stdout)
		n := 0
		for lines.Scan() {
			step, idText, _ := strings.Cut(lines.Text(), " ")
			id, _ := strconv.ParseInt(idText, 10, 64)
			reported[step] = append(reported[step], id)
			if n++; n == 20+round*17 {
				child.Process.Signal(syscall.SIGKILL)
			}
		}
		child.Wait()

		if problems, err := sqlite.Check(ctx, path); err != nil || len(problems) > 0 {
			t.Fatalf("round %d: check %v %v", round, problems, err)
		}
		s := testkit.OpenStoreAt(t, path)
		if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
			t.Fatalf("round %d: the record after the kill: %v %v", round, problems, err)
		}
		for _, id := range reported["signed"] {
			if got, err := s.Session(ctx, id); err != nil || !got.Signed() {
				t.Fatalf("round %d: note %d was reported signed: %+v %v", round, id, got, err)
			}
		}
		for _, id := range reported["amended"] {
			if got, _ := s.Session(ctx, id); len(got.Amendments) != 1 {
				t.Fatalf("round %d: note %d was reported amended: %+v", round, id, got.Amendments)
			}
		}
		for _, id := range reported["voided"] {
			if got, _ := s.Session(ctx, id); !got.Voided() {
				t.Fatalf("round %d: note %d was reported voided", round, id)
			}
		}
		s.Close()
	}
}
