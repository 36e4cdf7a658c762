package store_test

import (
	"testing"
	"time"

	"backtrack/store"
)

// A submission kept before the body chart was offered seals as it did:
// the chart joins the seal only when asked, so check still verifies them.
func TestASubmissionWithoutTheBodyChartSealsAsBefore(t *testing.T) {
	sub := store.Submission{UID: "5b0d7d3e-0c3e-4b7a-9a52-0e8f1a2b3c4d", At: time.Date(2026, 12, 7, 10, 0, 0, 0, time.Local),
		Forms: []store.FormKind{store.FormPain}, Pain: 6}
	const before = "submission/1:303c58b107f47ae02d0870755ed08aa9d2a64adfbcc8a4ef9f635a993a24968d"
	if got := sub.SealFor("11111111-1111-4111-8111-111111111111"); got != before {
		t.Errorf("the seal of a submission without the chart changed: %s", got)
	}
	sub.Forms = append(sub.Forms, store.FormBodyChart)
	if sub.SealFor("11111111-1111-4111-8111-111111111111") == before {
		t.Error("the chart asked is not in the seal")
	}
	withRegion := sub
	withRegion.BodyChart = []store.RegionID{"lumbar-l"}
	if withRegion.SealFor("11111111-1111-4111-8111-111111111111") == sub.SealFor("11111111-1111-4111-8111-111111111111") {
		t.Error("a region tapped is not in the seal")
	}
}

func TestRegionsReadInTheClientsWords(t *testing.T) {
	for id, want := range map[store.RegionID]string{"lumbar-l": "Lower back, left side", "sacral": "Base of the spine, above the tailbone",
		"thigh-posterior-r": "Back of the thigh, right side", "abdomen": "Belly"} {
		r, _ := store.RegionOf(id)
		if got := r.ClientWords(); got != want {
			t.Errorf("%s reads %q, want %q", id, got, want)
		}
	}
	for _, r := range store.Regions() {
		if r.ClientWords() == r.Name && r.Side == store.NoSide && r.Name != "Neck" && r.Name != "Head" {
			t.Errorf("%s has no words for the client", r.ID)
		}
	}
}
