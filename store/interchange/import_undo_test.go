package interchange_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func TestAnImportIsUndoneAsOneStepAndTheHistoryKeepsIt(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	mustClient(t, s, "Marta", "Nowak")
	if _, err := s.UndoLastImport(ctx); !errors.Is(err, sqlstore.ErrNoImportToUndo) {
		t.Fatalf("undo with no import: %v", err)
	}
	csv := exportFile(t, "cliniko_patients.csv")
	if _, err := importMapped(t, s, csv, mappingFor(t, csv, "cliniko"), interchange.ImportOptions{Source: "cliniko.csv"}); err != nil {
		t.Fatal(err)
	}
	batch, found, err := s.LastImport(ctx)
	if err != nil || !found || batch.Clients != 2 || batch.Source != "cliniko.csv" {
		t.Fatalf("last import %+v, %v, %v: want cliniko.csv's 2 clients (Marta was there)", batch, found, err)
	}
	undone, err := s.UndoLastImport(ctx)
	if err != nil || undone.UID != batch.UID {
		t.Fatalf("undo: %+v, %v", undone, err)
	}
	if n := testkit.ClientCount(t, s); n != 1 {
		t.Errorf("%d clients after the undo, want Marta alone", n)
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("the record after an undo: %v, %v", problems, err)
	}
	log, err := s.AuditLog(ctx, store.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var created, removed, undos int
	for _, e := range log {
		switch e.Action {
		case store.ClientCreated:
			created++
		case store.ClientUnimported:
			removed++
		case store.ImportUndone:
			undos++
			if !strings.Contains(e.Detail, "cliniko.csv") {
				t.Errorf("undo entry %q does not name the file", e.Detail)
			}
		}
	}
	if created != 3 || removed != 2 || undos != 1 {
		t.Errorf("history: %d created, %d removed, %d undos; want 3, 2, 1", created, removed, undos)
	}
	if _, found, _ := s.LastImport(ctx); found {
		t.Error("an undone import is still offered for undo")
	}
}

func TestAnImportIsNotUndoneOnceSomethingIsRecordedOnItsClients(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	csv := exportFile(t, "jane_patients.csv")
	if _, err := importMapped(t, s, csv, mappingFor(t, csv, "jane"), interchange.ImportOptions{Source: "jane.csv"}); err != nil {
		t.Fatal(err)
	}
	ravi := clientNamed(t, s, "Ravi Shah")
	ravi.Phone = "+1 647 555 0199"
	if _, err := s.UpdateClient(ctx, ravi); err != nil {
		t.Fatal(err)
	}
	_, err := s.UndoLastImport(ctx)
	var refused *sqlstore.ImportUndoRefused
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "Ravi Shah") || strings.Contains(err.Error(), "Anna") {
		t.Fatalf("undo after a change: %v, want it refused naming Ravi alone", err)
	}
	if n := testkit.ClientCount(t, s); n != 2 {
		t.Errorf("%d clients after a refused undo, want both", n)
	}
	if _, found, _ := s.LastImport(ctx); !found {
		t.Error("a refused undo marked the import undone")
	}
}
