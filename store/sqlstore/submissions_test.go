package sqlstore_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// clientsAnswers is what a new client fills in on the device: the intake
// with the red-flag questions, a consent to the back and the gluteal
// region signed, the PSFS and pain today.
func clientsAnswers(clientID int64) store.Submission {
	return store.Submission{ClientID: clientID,
		Forms: []store.FormKind{store.FormIntake, store.FormConsent, store.FormPSFS, store.FormPain},
		Intake: store.Intake{Reason: "Low back pain after gardening", Allergies: store.Yes("nut oils"),
			Conditions: map[store.Condition]store.Answer{store.Diabetes: store.No()}},
		Screen: store.RedFlagScreen{Answers: map[store.RedFlag]store.Answer{store.SaddleNumbness: store.No(),
			store.BladderBowel: store.No()}},
		Consent: store.Consent{Assessment: true, Draping: true, Areas: []store.ConsentArea{store.AreaBack, store.AreaGluteal}},
		Measures: []store.Measure{{Kind: store.PSFS, Items: []store.MeasureItem{{Item: "Gardening", Score: 4},
			{Item: "Sitting through a film", Score: 6}}}},
		Pain: 6, SignedName: "Lena Fischer",
		Signature: store.Signature{Width: 600, Height: 200, Strokes: []store.Stroke{
			{{X: 10, Y: 150, T: 0}, {X: 60, Y: 40, T: 80}, {X: 110, Y: 150, T: 160}},
			{{X: 140, Y: 100, T: 400}, {X: 300, Y: 90, T: 520}}}},
	}
}

func TestAClientsSubmissionIsSealedAndAcceptedFormByFormKeepingTheTherapistsAnswers(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	// the therapist took part of the intake herself last month
	recorded := store.Intake{Date: fixedNow.AddDate(0, -1, 0), Reason: "Sciatica, left", Allergies: store.No()}
	if err := s.SaveIntake(ctx, c.ID, recorded, store.TypedAlerts{}, nil); err != nil {
		t.Fatal(err)
	}

	sub, err := s.SaveSubmission(ctx, clientsAnswers(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	subs, err := s.Submissions(ctx, c.ID)
	if err != nil || len(subs) != 1 {
		t.Fatalf("submissions: %d %v", len(subs), err)
	}
	back := subs[0]
	if back.Signature.Text() != sub.Signature.Text() || back.SealFor(c.UID) != sub.Seal || back.Seal != sub.Seal {
		t.Fatalf("the submission read back is not the one sealed:\n%+v\n%+v", back, sub)
	}
	if h, _ := s.Health(ctx, c.ID); h.Intake.Reason != "Sciatica, left" || len(h.Consents) != 0 {
		t.Fatalf("the client's answers landed before the therapist saw them: %+v", h)
	}

	reviewed, err := s.ReviewSubmission(ctx, sub.ID, []store.FormDecision{
		{Form: store.FormIntake, Accept: true}, {Form: store.FormConsent, Accept: true},
		{Form: store.FormPSFS, Accept: true}, {Form: store.FormPain, Accept: false}}, therapist)
	if err != nil {
		t.Fatal(err)
	}
	if len(reviewed.Pending()) != 0 {
		t.Fatalf("pending after the review: %v", reviewed.Pending())
	}
	h, _ := s.Health(ctx, c.ID)
	if h.Intake.Reason != "Sciatica, left" || h.Intake.Allergies != store.No() || h.Intake.Conditions[store.Diabetes] != store.No() {
		t.Fatalf("the intake after accepting: %+v", h.Intake)
	}
	if len(h.Screens) != 1 || !h.Screens[0].AtIntake {
		t.Fatalf("the red-flag screen: %+v", h.Screens)
	}
	if st := store.AreaStatusOn(h.Consents, store.AreaGluteal, fixedNow); st.State != store.AreaConsented || st.How != store.ConsentWritten {
		t.Fatalf("a consent signed by the client is not written consent: %s", st.Words())
	}
	measures, _ := s.Measures(ctx, c.ID)
	if len(measures) != 1 || measures[0].Kind != store.PSFS || !strings.Contains(measures[0].Note, "signed by the client on the device") {
		t.Fatalf("measures: %+v", measures)
	}

	log, _ := s.AuditLog(ctx, store.AuditQuery{ClientUID: c.UID})
	var actions []string
	text := ""
	for _, e := range log {
		actions = append(actions, string(e.Action))
		text += e.Detail + "\n"
	}
	want := []store.Action{store.SubmissionReceived, store.IntakeSaved, store.ConsentRecorded, store.MeasureRecorded, store.SubmissionReviewed}
	for _, a := range want {
		if !strings.Contains(strings.Join(actions, " "), string(a)) {
			t.Errorf("the history lacks %s: %v", a, actions)
		}
	}
	for _, words := range []string{`Reason for the visit: kept "Sciatica, left" as recorded`, "accepted Intake and red-flag questions",
		"declined Pain today", "filled in and signed by the client on the device"} {
		if !strings.Contains(text, words) {
			t.Errorf("the history does not say %q:\n%s", words, text)
		}
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check after the review: %v %v", problems, err)
	}
	_, err = s.ReviewSubmission(ctx, sub.ID, []store.FormDecision{{Form: store.FormPain, Accept: true}}, therapist)
	if err == nil || !strings.Contains(err.Error(), "already declined") {
		t.Fatalf("a form reviewed twice: %v", err)
	}
}

func TestASubmissionThatCannotBeKeptWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	before, _ := s.AuditLog(ctx, store.AuditQuery{})
	sub := clientsAnswers(c.ID)
	sub.Signature.Strokes = append(sub.Signature.Strokes, store.Stroke{{X: 900, Y: 10, T: 600}})
	_, err := s.SaveSubmission(ctx, sub)
	if err == nil || !strings.Contains(err.Error(), "outside its pad") {
		t.Fatalf("a stroke outside the pad: %v", err)
	}
	subs, _ := s.Submissions(ctx, c.ID)
	after, _ := s.AuditLog(ctx, store.AuditQuery{})
	if len(subs) != 0 || len(after) != len(before) {
		t.Fatalf("a refused submission left %d rows and %d entries", len(subs), len(after)-len(before))
	}
}

// A review that fails part-way (a consent that contradicts itself) keeps
// nothing of it: not the intake accepted before it, not the review.
func TestAReviewThatFailsPartWayKeepsNothing(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	sub, err := s.SaveSubmission(ctx, clientsAnswers(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.ReviewSubmission(ctx, sub.ID, []store.FormDecision{{Form: store.FormIntake, Accept: true},
		{Form: store.FormODI, Accept: true}}, therapist)
	if err == nil {
		t.Fatal("a form the client was not asked was accepted")
	}
	h, _ := s.Health(ctx, c.ID)
	subs, _ := s.Submissions(ctx, c.ID)
	if h.Intake.OnFile() || len(subs[0].Reviews) != 0 {
		t.Fatalf("a refused review left the intake %+v and reviews %+v", h.Intake, subs[0].Reviews)
	}
}

// submitChildEnv makes the test binary a child that keeps submissions in a
// loop, reporting each after it returned.
const submitChildEnv = "BACKTRACK_SUBMIT_CHILD_DB"

func runSubmitChild(path string) int {
	ctx := context.Background()
	s, err := sqlstore.Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	cs, err := s.SearchClients(ctx, store.ClientQuery{})
	if err != nil || len(cs) == 0 {
		fmt.Fprintln(os.Stderr, "no client", err)
		return 1
	}
	out := bufio.NewWriter(os.Stdout)
	for {
		sub, err := s.SaveSubmission(ctx, clientsAnswers(cs[0].ID))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Fprintln(out, sub.UID)
		out.Flush()
	}
}

func TestAKillWhileTheClientHandsBackKeepsEachSubmissionWholeOrNotAtAll(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "submit.db")
	s := testkit.OpenStoreAt(t, path)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	s.Close()
	for round := range 3 {
		child := exec.Command(os.Args[0], "-test.run=^$")
		child.Env = append(os.Environ(), submitChildEnv+"="+path)
		stdout, err := child.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		child.Stderr = os.Stderr
		if err := child.Start(); err != nil {
			t.Fatal(err)
		}
		var reported []string
		lines := bufio.NewScanner(stdout)
		for lines.Scan() {
			if reported = append(reported, lines.Text()); len(reported) == 5+round*7 {
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
		subs, err := s.Submissions(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		kept := map[string]bool{}
		for _, sub := range subs {
			if sub.SealFor(c.UID) != sub.Seal || len(sub.Forms) != 4 || sub.Signature.Points() != 5 {
				t.Fatalf("round %d: submission %s is not whole: %+v", round, sub.UID, sub)
			}
			kept[sub.UID] = true
		}
		for _, uid := range reported {
			if !kept[uid] {
				t.Fatalf("round %d: submission %s was reported kept and is gone", round, uid)
			}
		}
		s.Close()
	}
}

// A submission is kept as given: the file refuses a change to it, and a
// change made by going round that (the trigger dropped) is seen by check.
func TestASubmissionChangedOutsideBacktrackIsRefusedAndSeenByCheck(t *testing.T) {
	sub, problems := changedOutsideBacktrack(t, clientsAnswers,
		`UPDATE client_submissions SET document = replace(document, '"signature":"600x200|10,150,0', '"signature":"600x200|12,150,0')`)
	if len(problems) == 0 || !strings.Contains(problems[0], "do not match their seal") || !strings.Contains(problems[0], sub.UID) {
		t.Fatalf("check after the signature was moved: %v", problems)
	}
}

// changedOutsideBacktrack keeps the answers, sees the file refuse moved
// and a delete, then makes the change round the trigger and returns what
// check says.
func changedOutsideBacktrack(t *testing.T, answers func(clientID int64) store.Submission, moved string) (store.Submission, []string) {
	t.Helper()
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tamper.db")
	s := testkit.OpenStoreAt(t, path, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	sub, err := s.SaveSubmission(ctx, answers(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(moved); err == nil || !strings.Contains(err.Error(), "kept as the client gave it") {
		t.Fatalf("a change to the answers: %v", err)
	}
	if _, err := raw.Exec(`DELETE FROM client_submissions`); err == nil {
		t.Fatal("a submission was deleted")
	}
	if _, err := raw.Exec(`DROP TRIGGER client_submissions_kept_as_given`); err != nil {
		t.Fatal(err)
	}
	if res, err := raw.Exec(moved); err != nil {
		t.Fatal(err)
	} else if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("the answers were not found to change (%d rows)", n)
	}
	s = testkit.OpenStoreAt(t, path, fixedNow)
	problems, err := s.VerifyRecord(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return sub, problems
}

// On a clinic's server a therapist keeps and reviews a client's forms,
// cannot change or delete them in psql, the front desk cannot read them and
// the auditor can.
func TestOnTheServerATherapistReviewsAClientsFormsAndNoLoginRewritesThem(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	c := openClinic(t)
	client, err := c.anna.CreateClient(ctx, store.Client{FirstName: "Marta", LastName: "Nowak"})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := c.anna.SaveSubmission(ctx, clientsAnswers(client.ID))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.anna.ReviewSubmission(ctx, sub.ID, []store.FormDecision{{Form: store.FormConsent, Accept: true}}, therapist); err != nil {
		t.Fatal(err)
	}
	anna := asLogin(t, c.annaDSN)
	for _, stmt := range []string{
		`UPDATE client_submissions SET document = replace(document, 'gluteal', 'abdomen')`,
		`UPDATE client_submissions SET seal = 'x'`,
		`DELETE FROM client_submissions`,
	} {
		if _, err := anna.ExecContext(ctx, stmt); err == nil {
			t.Errorf("a therapist in psql: %s went through", stmt)
		}
	}
	var n int
	if err := c.frontDesk.QueryRowContext(ctx, `SELECT count(*) FROM client_submissions`).Scan(&n); err == nil {
		t.Error("the front desk reads the client's forms")
	}
	if err := c.auditor.QueryRowContext(ctx, `SELECT count(*) FROM client_submissions`).Scan(&n); err != nil || n != 1 {
		t.Errorf("the auditor reads %d submissions: %v", n, err)
	}
	if problems, err := c.anna.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}
