package interchange_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/testkit"
)

// clientSigned is a client with a signed submission, its intake and
// consent accepted, pain today declined.
func clientSigned(t *testing.T) (*bytes.Buffer, store.Submission) {
	t.Helper()
	ctx := context.Background()
	src := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, src, "Lena", "Fischer")
	sub, err := src.SaveSubmission(ctx, store.Submission{ClientID: c.ID,
		Forms:   []store.FormKind{store.FormIntake, store.FormConsent, store.FormPain},
		Intake:  store.Intake{Reason: "Low back pain after gardening", Allergies: store.Yes("nut oils")},
		Screen:  store.RedFlagScreen{Answers: map[store.RedFlag]store.Answer{store.SaddleNumbness: store.No()}},
		Consent: store.Consent{Assessment: true, Areas: []store.ConsentArea{store.AreaBack, store.AreaGluteal}},
		Pain:    4, SignedName: "Lena Fischer",
		Signature: store.Signature{Width: 600, Height: 200, Strokes: []store.Stroke{{{X: 10, Y: 150, T: 0}, {X: 90, Y: 40, T: 120}}}}})
	if err != nil {
		t.Fatal(err)
	}
	sub, err = src.ReviewSubmission(ctx, sub.ID, []store.FormDecision{{Form: store.FormIntake, Accept: true},
		{Form: store.FormConsent, Accept: true}, {Form: store.FormPain}}, "Anna Keller")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := interchange.WriteJSON(ctx, src, &out); err != nil {
		t.Fatal(err)
	}
	return &out, sub
}

func TestAClientsSignedFormsTravelInTheJSONExportWithTheirSealAndReview(t *testing.T) {
	ctx := context.Background()
	export, sub := clientSigned(t)
	dst := testkit.OpenStore(t, fixedNow.Add(24*time.Hour))
	sum, err := interchange.ImportJSON(ctx, dst, bytes.NewReader(export.Bytes()), interchange.ImportOptions{})
	if err != nil || sum.SubmissionsAdded != 1 {
		t.Fatalf("import: %v %+v\n%s", err, sum, testkit.ProblemsText(sum))
	}
	cs, _ := dst.SearchClients(ctx, store.ClientQuery{})
	subs, err := dst.Submissions(ctx, cs[0].ID)
	if err != nil || len(subs) != 1 {
		t.Fatalf("submissions after the import: %d %v", len(subs), err)
	}
	got := subs[0]
	if got.UID != sub.UID || got.Seal != sub.Seal || got.Signature.Text() != sub.Signature.Text() || len(got.Reviews) != 3 ||
		got.Reviews[1].Record != sub.Reviews[1].Record || !got.At.Equal(sub.At) {
		t.Fatalf("the forms after the round trip:\n%+v\nwant\n%+v", got, sub)
	}
	h, _ := dst.Health(ctx, cs[0].ID)
	if len(h.Consents) != 1 || h.Consents[0].UID != got.Reviews[1].Record {
		t.Fatalf("the consent the review made: %+v", h.Consents)
	}
	if problems, err := dst.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check after the import: %v %v", problems, err)
	}
	// again: already here
	sum, err = interchange.ImportJSON(ctx, dst, bytes.NewReader(export.Bytes()), interchange.ImportOptions{})
	if err != nil || sum.SubmissionsPresent != 1 || sum.SubmissionsAdded != 0 {
		t.Fatalf("a second import: %v %+v", err, sum)
	}
}

func TestAnExportedSignatureChangedAfterwardsIsRefusedByItsSeal(t *testing.T) {
	ctx := context.Background()
	export, _ := clientSigned(t)
	forged := strings.Replace(export.String(), `"signature": "600x200|10,150,0`, `"signature": "600x200|11,150,0`, 1)
	if forged == export.String() {
		t.Fatal("the signature's text is not in the export")
	}
	dst := testkit.OpenStore(t, fixedNow.Add(24*time.Hour))
	sum, _ := interchange.ImportJSON(ctx, dst, strings.NewReader(forged), interchange.ImportOptions{})
	if sum.SubmissionsAdded != 0 || !strings.Contains(testkit.ProblemsText(sum), "do not match their seal") {
		t.Fatalf("a changed signature: %+v\n%s", sum, testkit.ProblemsText(sum))
	}
}

// Whoever edits a signature in an export and writes the matching seal
// beside it still cannot change what the file's own history vouches for:
// the import checks the forms against the hash their history entry holds.
func TestAnExportedSignatureChangedWithItsSealRecomputedIsRefusedByTheFilesHistory(t *testing.T) {
	ctx := context.Background()
	export, sub := clientSigned(t)
	var file struct {
		Clients []struct {
			ID string `json:"id"`
		} `json:"clients"`
	}
	if err := json.Unmarshal(export.Bytes(), &file); err != nil || len(file.Clients) != 1 {
		t.Fatalf("reading the export's client: %v %+v", err, file)
	}
	forgedSub := sub
	forgedSub.Signature.Strokes = []store.Stroke{{{X: 11, Y: 150, T: 0}, {X: 90, Y: 40, T: 120}}}
	forgedSeal := forgedSub.SealFor(file.Clients[0].ID)
	forged := strings.Replace(export.String(), `"signature": "600x200|10,150,0`, `"signature": "600x200|11,150,0`, 1)
	forged = strings.Replace(forged, `"seal": "`+sub.Seal+`"`, `"seal": "`+forgedSeal+`"`, 1)
	if !strings.Contains(forged, forgedSeal) || strings.Contains(forged, sub.Seal) || strings.Contains(forged, "600x200|10,150,0") {
		t.Fatal("the signature and its seal are not in the export as expected")
	}
	dst := testkit.OpenStore(t, fixedNow.Add(24*time.Hour))
	sum, err := interchange.ImportJSON(ctx, dst, strings.NewReader(forged), interchange.ImportOptions{})
	problems := testkit.ProblemsText(sum)
	if err == nil || sum.SubmissionsAdded != 0 || !strings.Contains(problems, "client's forms 1") ||
		!strings.Contains(problems, "do not match the seal the file's history holds") {
		t.Fatalf("a changed signature with its seal recomputed: %v %+v\n%s", err, sum, problems)
	}
	if cs, _ := dst.SearchClients(ctx, store.ClientQuery{}); len(cs) != 0 {
		t.Fatalf("a refused import left %d clients behind", len(cs))
	}

	// the same file with its history after its clients: the forms wait
	// for the history and are refused once the whole file is read
	var reordered interchange.Export
	if err := json.Unmarshal([]byte(forged), &reordered); err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(reordered)
	if bytes.Index(data, []byte(`"audit_log"`)) < bytes.Index(data, []byte(`"submissions"`)) {
		t.Fatal("the history still comes before the forms")
	}
	sum, err = interchange.ImportJSON(ctx, dst, bytes.NewReader(data), interchange.ImportOptions{})
	if problems := testkit.ProblemsText(sum); err == nil || !strings.Contains(problems, "client 1, client's forms 1, signature") ||
		!strings.Contains(problems, "do not match the seal the file's history holds") {
		t.Fatalf("the history after the forms: %v\n%s", err, problems)
	}
}
