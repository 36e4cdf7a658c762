package demo_test

import (
	"context"
	"testing"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/testkit"
)

func TestTheSamplePracticeHoldsIntakesAndConsentsTheClientsSigned(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t)
	if _, err := demo.Fill(ctx, s, demo.Options{Clients: 10, Sessions: 60, Seed: 3, Today: today}); err != nil {
		t.Fatal(err)
	}
	all, _ := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	signed := 0
	for _, c := range all {
		subs, err := s.Submissions(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, sub := range subs {
			if !sub.Signed() || len(sub.Pending()) != 0 || sub.Signature.Validate() != nil {
				t.Fatalf("%s's forms: signed %v, pending %v", c.FullName(), sub.Signed(), sub.Pending())
			}
			h, _ := s.Health(ctx, c.ID)
			r, _ := sub.Review(store.FormConsent)
			found := false
			for _, k := range h.Consents {
				found = found || (k.UID == r.Record && k.How == store.ConsentWritten)
			}
			if !found || !h.Intake.OnFile() {
				t.Fatalf("%s: the signed consent %q is not written consent on file (%+v)", c.FullName(), r.Record, h.Consents)
			}
			signed++
		}
	}
	if signed < 2 {
		t.Fatalf("%d clients signed their forms; the sample should show a few", signed)
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check of the sample: %v %v", problems, err)
	}
}
