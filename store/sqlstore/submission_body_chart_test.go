package sqlstore_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// whereItHurts is a client's pain today and the regions tapped on the body
// chart, in the order tapped.
func whereItHurts(clientID int64) store.Submission {
	return store.Submission{ClientID: clientID, Forms: []store.FormKind{store.FormPain, store.FormBodyChart}, Pain: 5,
		BodyChart: []store.RegionID{"sacral", "lumbar-l", "gluteal-upper-l"}}
}

func TestWhereItHurtsIsKeptSealedAndJoinsTheDraftNoteKeepingTheTherapistsMarks(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	sharp, err := s.TermNamed(ctx, store.PainType, "Sharp / stabbing")
	if err != nil {
		t.Fatal(err)
	}
	// the therapist opened today's note and marked the left lumbar sharp, 7
	draft, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: fixedNow.Add(-time.Hour),
		DurationMin: 60, BodyMap: []store.BodyMark{{Region: "lumbar-l", PainType: store.Tag{TermID: sharp.ID}, Intensity: store.PainOf(7)}}}})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := s.SaveSubmission(ctx, whereItHurts(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	subs, _ := s.Submissions(ctx, c.ID)
	if len(subs) != 1 || !slices.Equal(subs[0].BodyChart, []store.RegionID{"lumbar-l", "sacral", "gluteal-upper-l"}) ||
		subs[0].SealFor(c.UID) != sub.Seal {
		t.Fatalf("the chart read back: %+v", subs)
	}
	if got := strings.Join(sub.FormLines(store.FormBodyChart), "\n"); got != "Where it hurts: Lumbar (L), Sacral, Gluteal, upper (L)" {
		t.Errorf("the review reads %q", got)
	}
	if note, _ := s.Session(ctx, draft.ID); len(note.BodyMap) != 1 {
		t.Fatalf("the chart landed before the therapist saw it: %s", store.BodyMapLabels(note.BodyMap))
	}

	reviewed, err := s.ReviewSubmission(ctx, sub.ID, []store.FormDecision{{Form: store.FormPain, Accept: true},
		{Form: store.FormBodyChart, Accept: true}}, therapist)
	if err != nil {
		t.Fatal(err)
	}
	note, err := s.Session(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := store.BodyMapLabels(note.BodyMap); got != "Lumbar (L): Sharp / stabbing, 7; Sacral; Gluteal, upper (L)" {
		t.Errorf("the note's chart after accepting: %q", got)
	}
	r, _ := reviewed.Review(store.FormBodyChart)
	if r.Record != note.UID || !strings.Contains(r.Words, "Sacral, Gluteal, upper (L), onto the draft note of") ||
		!strings.Contains(r.Words, "Lumbar (L) already marked, kept as recorded") {
		t.Errorf("the review says %q (record %s, note %s)", r.Words, r.Record, note.UID)
	}
	log, _ := s.AuditLog(ctx, store.AuditQuery{ClientUID: c.UID})
	var actions []string
	for _, e := range log {
		actions = append(actions, string(e.Action))
	}
	if !slices.Contains(actions, string(store.SessionEdited)) || !slices.Contains(actions, string(store.SubmissionReviewed)) {
		t.Errorf("the history: %v", actions)
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check after the review: %v %v", problems, err)
	}
}

func TestWhereItHurtsWithoutADraftOpensOneAndASignedNoteIsLeftAlone(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	signed, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: fixedNow.Add(-2 * time.Hour),
		DurationMin: 60, BodyMap: []store.BodyMark{{Region: "neck"}}}, Sign: true, By: therapist})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := s.SaveSubmission(ctx, whereItHurts(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	reviewed, err := s.ReviewSubmission(ctx, sub.ID, []store.FormDecision{{Form: store.FormBodyChart, Accept: true}}, therapist)
	if err != nil {
		t.Fatal(err)
	}
	if back, _ := s.Session(ctx, signed.ID); store.BodyMapLabels(back.BodyMap) != "Neck" {
		t.Errorf("a signed note was changed: %s", store.BodyMapLabels(back.BodyMap))
	}
	r, _ := reviewed.Review(store.FormBodyChart)
	made, err := s.SessionByUID(ctx, r.Record)
	if err != nil {
		t.Fatalf("the new draft (%q): %v", r.Words, err)
	}
	if !made.SignedAt.IsZero() || made.Start.Format(store.DateLayout) != fixedNow.Format(store.DateLayout) ||
		store.BodyMapLabels(made.BodyMap) != "Lumbar (L); Sacral; Gluteal, upper (L)" || !strings.Contains(r.Words, "new draft note") {
		t.Errorf("the new draft: %+v, %q", made, r.Words)
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check after the review: %v %v", problems, err)
	}
}

func TestWhereItHurtsRefusesARegionNotOnTheChart(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, s, "Lena", "Fischer")
	sub := whereItHurts(c.ID)
	sub.BodyChart = append(sub.BodyChart, "tail", "sacral")
	_, err := s.SaveSubmission(ctx, sub)
	if err == nil || !strings.Contains(err.Error(), `region "tail" is not on the body chart`) || !strings.Contains(err.Error(), "Sacral is given twice") {
		t.Fatalf("a region not on the chart: %v", err)
	}
	if subs, _ := s.Submissions(ctx, c.ID); len(subs) != 0 {
		t.Fatalf("kept anyway: %+v", subs)
	}
}

// A region moved in the file, round the trigger, is seen by check.
func TestWhereItHurtsChangedOutsideBacktrackIsSeenByCheck(t *testing.T) {
	sub, problems := changedOutsideBacktrack(t, whereItHurts,
		`UPDATE client_submissions SET document = replace(document, '"lumbar-l"', '"lumbar-r"')`)
	if len(problems) == 0 || !strings.Contains(problems[0], "do not match their seal") || !strings.Contains(problems[0], sub.UID) {
		t.Fatalf("check after the region was moved: %v", problems)
	}
}
