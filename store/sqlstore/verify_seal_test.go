package sqlstore_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// signedNoteOf finds the first signed note of an export: its client's and
// its own place in the file.
func signedNoteOf(t *testing.T, e sqlstore.Export) (client, session int) {
	t.Helper()
	for i, c := range e.Clients {
		for j, s := range c.Sessions {
			if s.SignedAt != "" && s.VoidedAt == "" {
				return i, j
			}
		}
	}
	t.Fatal("the export holds no signed note")
	return 0, 0
}

func TestImportJSONRefusesASignedNoteWhoseTextWasChanged(t *testing.T) {
	ctx := context.Background()
	src := testkit.OpenStore(t, fixedNow)
	richRecords(t, src)
	export := exportOf(t, src)
	// An untouched export's seals all hold (signed, amended, voided, body chart).
	if problems := sqlstore.VerifyExportSeals(export); len(problems) != 0 {
		t.Fatalf("an untouched export: %v", problems)
	}

	// Given an export whose signed note's words were changed in the file,
	// its seal (the history's entry) left as it was.
	c, n := signedNoteOf(t, export)
	export.Clients[c].Sessions[n].Assessment = "No strain found; discharged"
	data, err := json.Marshal(export)
	if err != nil {
		t.Fatal(err)
	}

	// When it is imported into an empty database.
	dst := testkit.OpenStore(t, fixedNow)
	sum, err := dst.ImportJSON(ctx, bytes.NewReader(data), sqlstore.ImportOptions{})

	// Then the file is refused, naming the row, and nothing is written.
	var ie *sqlstore.ImportError
	if !errors.As(err, &ie) || len(sum.Problems) != 1 {
		t.Fatalf("import of a forged note: err %v, problems:\n%s", err, problemsText(sum))
	}
	got := sum.Problems[0].String()
	want := "client 1, session 1, signed_at: This signed note's text does not match its seal"
	if c != 0 || n != 0 {
		t.Fatalf("the fixture's first note moved: client %d, session %d", c+1, n+1)
	}
	if !strings.HasPrefix(got, want) {
		t.Errorf("problem %q, want it to start %q", got, want)
	}
	if strings.Contains(got, "discharged") || strings.Contains(got, "Marta") {
		t.Errorf("the problem repeats client data: %q", got)
	}
	clients, err := dst.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	if err != nil || len(clients) != 0 {
		t.Errorf("a refused import wrote %d clients (%v)", len(clients), err)
	}
}

func TestVerifySealNamesWhatFailed(t *testing.T) {
	src := testkit.OpenStore(t, fixedNow)
	richRecords(t, src)
	export := exportOf(t, src)
	c, n := signedNoteOf(t, export)
	client, note := export.Clients[c], export.Clients[c].Sessions[n]
	var seal sqlstore.ExportAuditEntry
	for _, e := range export.AuditLog {
		if e.Record == note.ID && e.Content != "" {
			seal = e
		}
	}
	if err := sqlstore.VerifySeal(client.ID, note, seal); err != nil {
		t.Fatalf("the note as signed: %v", err)
	}
	cases := map[string]struct {
		note sqlstore.ExportSession
		seal sqlstore.ExportAuditEntry
		want string
	}{
		"no seal":           {note, sqlstore.ExportAuditEntry{}, "no seal"},
		"seal entry edited": {note, withContent(seal, strings.Repeat("0", 64)), "history entry holding"},
		"signer changed":    {withSigner(note, "Someone Else"), seal, "does not match its seal"},
	}
	for name, tc := range cases {
		err := sqlstore.VerifySeal(client.ID, tc.note, tc.seal)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", name, err, tc.want)
		}
	}
}

func withContent(e sqlstore.ExportAuditEntry, content string) sqlstore.ExportAuditEntry {
	e.Content = content
	return e
}

func withSigner(s sqlstore.ExportSession, by string) sqlstore.ExportSession {
	s.SignedBy = by
	return s
}
