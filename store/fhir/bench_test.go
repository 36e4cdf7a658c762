package fhir_test

import (
	"context"
	"io"
	"testing"
	"time"

	"backtrack/store/demo"
	"backtrack/store/fhir"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// benchPractice is the sample practice of testkit.BenchPractice's size.
func benchPractice(b *testing.B) *sqlstore.Store {
	b.Helper()
	clients, sessions := testkit.BenchPractice()
	s := testkit.OpenStore(b, testkit.FixedNow)
	opt := demo.Options{Clients: clients, Sessions: sessions, Seed: 1, Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)}
	if _, err := demo.Fill(context.Background(), s, opt); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkExportFHIR writes the whole practice as a FHIR Bundle
// (backtrack); its baseline is the JSON export of the same practice in the
// same run, which reads the same snapshot and writes a file of the same
// order of size.
func BenchmarkExportFHIR(b *testing.B) {
	s := benchPractice(b)
	ctx := context.Background()
	b.Run("backtrack", func(b *testing.B) {
		for b.Loop() {
			if err := fhir.Write(ctx, s, io.Discard, fhir.Options{Zone: time.UTC}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline", func(b *testing.B) {
		for b.Loop() {
			if err := interchange.WriteJSON(ctx, s, io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
}
