package sqlstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// fixedNow is the clock every test store runs on.
var fixedNow = time.Date(2026, 11, 25, 15, 0, 0, 0, time.Local)

func mustClient(t *testing.T, s *sqlstore.Store, first, last string) store.Client {
	t.Helper()
	c, err := s.CreateClient(context.Background(), store.Client{
		FirstName: first, LastName: last,
		DateOfBirth: time.Date(1975, 5, 2, 0, 0, 0, 0, time.Local),
	})
	if err != nil {
		t.Fatalf("create client %s %s: %v", first, last, err)
	}
	return c
}

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
