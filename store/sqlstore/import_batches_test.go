package sqlstore_test

import (
	"context"
	"errors"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// A therapist on a clinic's server imports a list, and another undoes it:
// the batch tables are theirs to write (clinic init and migration 017
// grant them), and the server's history takes the undo's entries.
func TestATherapistOnTheServerImportsAndAnotherUndoes(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	c := openClinic(t)
	err := c.anna.Batch(ctx, func(b *sqlstore.Batch) error {
		var ids []int64
		for _, last := range []string{"Keller", "Shah"} {
			added, err := b.CreateClient(store.Client{FirstName: "Anna", LastName: last})
			if err != nil {
				return err
			}
			ids = append(ids, added.ID)
		}
		if err := b.Log(store.AuditEntry{Action: store.RecordsImported, Detail: "list.csv: 2 clients added."}); err != nil {
			return err
		}
		return b.RecordImportBatch("list.csv", ids, nil)
	})
	if err != nil {
		t.Fatalf("anna's import: %v", err)
	}
	batch, err := c.ben.UndoLastImport(ctx)
	if err != nil || batch.Clients != 2 {
		t.Fatalf("ben's undo: %+v, %v", batch, err)
	}
	if _, err := c.ben.UndoLastImport(ctx); !errors.Is(err, sqlstore.ErrNoImportToUndo) {
		t.Errorf("a second undo: %v", err)
	}
	if problems, err := c.anna.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("the record after the undo: %v, %v", problems, err)
	}
}
