package sqlstore_test

import (
	"context"
	"errors"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

var (
	fixedNow   = testkit.FixedNow
	mustClient = testkit.MustClient
)

func mustTerm(t *testing.T, s *sqlstore.Store, kind store.Kind, name string) store.Term {
	t.Helper()
	term, err := s.TermNamed(context.Background(), kind, name)
	if err != nil {
		t.Fatalf("term %s %q: %v", kind, name, err)
	}
	return term
}

// fieldOf returns the field of the single validation problem in err.
func fieldsOf(t *testing.T, err error) []string {
	t.Helper()
	var ve *store.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a validation error, got %v", err)
	}
	var fields []string
	for _, p := range ve.Problems {
		fields = append(fields, p.Field)
	}
	return fields
}
