package interchange_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/testkit"
)

// signedNoteOf finds the first signed note of an export: its client's and
// its own place in the file.
func signedNoteOf(t *testing.T, e interchange.Export) (client, session int) {
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
	testkit.RichRecords(t, src)
	export := testkit.ExportOf(t, src)
	// An untouched export's seals all hold (signed, amended, voided, body
	// chart): it imports.
	untouched, err := json.Marshal(export)
	if err != nil {
		t.Fatal(err)
	}
	if sum, err := interchange.ImportJSON(ctx, testkit.OpenStore(t, fixedNow), bytes.NewReader(untouched), interchange.ImportOptions{}); err != nil {
		t.Fatalf("an untouched export: %v\n%s", err, testkit.ProblemsText(sum))
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
	sum, err := interchange.ImportJSON(ctx, dst, bytes.NewReader(data), interchange.ImportOptions{})

	// Then the file is refused, naming the row, and nothing is written.
	var ie *interchange.ImportError
	if !errors.As(err, &ie) || len(sum.Problems) != 1 {
		t.Fatalf("import of a forged note: err %v, problems:\n%s", err, testkit.ProblemsText(sum))
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

func TestImportJSONNamesWhatFailedOfASeal(t *testing.T) {
	ctx := context.Background()
	src := testkit.OpenStore(t, fixedNow)
	testkit.RichRecords(t, src)
	export := testkit.ExportOf(t, src)
	c, n := signedNoteOf(t, export)
	note := export.Clients[c].Sessions[n]
	seal := -1
	for i, e := range export.AuditLog {
		if e.Record == note.ID && e.Content != "" {
			seal = i
		}
	}
	if seal < 0 {
		t.Fatal("the export holds no seal of its signed note")
	}
	cases := map[string]struct {
		change func(e *interchange.Export)
		want   string
	}{
		"no seal": {func(e *interchange.Export) {
			for i := range e.AuditLog {
				if e.AuditLog[i].Record == note.ID {
					e.AuditLog[i].Content = ""
				}
			}
		}, "no seal"},
		"seal entry edited": {func(e *interchange.Export) { e.AuditLog[seal].Content = strings.Repeat("0", 64) }, "history entry holding"},
		"signer changed":    {func(e *interchange.Export) { e.Clients[c].Sessions[n].SignedBy = "Someone Else" }, "does not match its seal"},
	}
	for name, tc := range cases {
		var changed interchange.Export
		data, _ := json.Marshal(export)
		if err := json.Unmarshal(data, &changed); err != nil {
			t.Fatal(err)
		}
		tc.change(&changed)
		data, _ = json.Marshal(changed)
		sum, err := interchange.ImportJSON(ctx, testkit.OpenStore(t, fixedNow), bytes.NewReader(data), interchange.ImportOptions{})
		if err == nil || !strings.Contains(testkit.ProblemsText(sum), tc.want) {
			t.Errorf("%s: %v, problems:\n%s\nwant %q", name, err, testkit.ProblemsText(sum), tc.want)
		}
	}
}
