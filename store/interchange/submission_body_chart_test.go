package interchange_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/testkit"
)

// Where it hurts travels in the export with its seal and its review, and
// the draft note it joined comes with it; a region changed in the file is
// refused by the seal.
func TestWhereItHurtsTravelsInTheJSONExportAndAChangedRegionIsRefused(t *testing.T) {
	ctx := context.Background()
	src := testkit.OpenStore(t, fixedNow)
	c := testkit.MustClient(t, src, "Lena", "Fischer")
	sub, err := src.SaveSubmission(ctx, store.Submission{ClientID: c.ID, Forms: []store.FormKind{store.FormPain, store.FormBodyChart},
		Pain: 5, BodyChart: []store.RegionID{"sacral", "lumbar-l"}})
	if err != nil {
		t.Fatal(err)
	}
	sub, err = src.ReviewSubmission(ctx, sub.ID, []store.FormDecision{{Form: store.FormBodyChart, Accept: true}}, "Anna Keller")
	if err != nil {
		t.Fatal(err)
	}
	var export bytes.Buffer
	if err := interchange.WriteJSON(ctx, src, &export); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(export.String(), `"body_chart": [`) {
		t.Fatalf("the export has no body chart:\n%s", export.String())
	}

	dst := testkit.OpenStore(t, fixedNow.Add(24*time.Hour))
	sum, err := interchange.ImportJSON(ctx, dst, bytes.NewReader(export.Bytes()), interchange.ImportOptions{})
	if err != nil || sum.SubmissionsAdded != 1 {
		t.Fatalf("import: %v %+v\n%s", err, sum, testkit.ProblemsText(sum))
	}
	cs, _ := dst.SearchClients(ctx, store.ClientQuery{})
	subs, _ := dst.Submissions(ctx, cs[0].ID)
	if len(subs) != 1 || !slices.Equal(subs[0].BodyChart, []store.RegionID{"lumbar-l", "sacral"}) || subs[0].Seal != sub.Seal {
		t.Fatalf("after the round trip: %+v", subs)
	}
	r, _ := subs[0].Review(store.FormBodyChart)
	note, err := dst.SessionByUID(ctx, r.Record)
	if err != nil || store.BodyMapLabels(note.BodyMap) != "Lumbar (L); Sacral" {
		t.Fatalf("the draft note the chart joined: %+v %v", note.BodyMap, err)
	}
	if problems, err := dst.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check after the import: %v %v", problems, err)
	}

	at := strings.Index(export.String(), `"body_chart": [`)
	forged := export.String()[:at] + strings.Replace(export.String()[at:], `"lumbar-l"`, `"lumbar-r"`, 1)
	other := testkit.OpenStore(t, fixedNow.Add(24*time.Hour))
	sum, _ = interchange.ImportJSON(ctx, other, strings.NewReader(forged), interchange.ImportOptions{})
	if sum.SubmissionsAdded != 0 || !strings.Contains(testkit.ProblemsText(sum), "do not match their seal") {
		t.Fatalf("a changed region: %+v\n%s", sum, testkit.ProblemsText(sum))
	}
}
