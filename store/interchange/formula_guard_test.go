package interchange_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/testkit"
)

// Whatever separator a spreadsheet splits a CSV line at, no cell it sees
// starts a formula; the import brings back exactly what was written.
func TestCSVExportGuardsFormulasAfterAnySeparator(t *testing.T) {
	ctx := context.Background()
	notes := []string{
		"a;=1+1", "b,=1+1", "c; =HYPERLINK(\"x\")", "d\t=1", "e\r=1", "\t=cmd", "=1;-2;+3;@x",
		"'=kept as typed", "x;'=also", "x;''=twice", "it's; fine", "done; -stretch", "-5", "x;'y",
	}
	src := testkit.OpenStore(t, fixedNow)
	for i, note := range notes {
		if _, err := src.CreateClient(ctx, store.Client{FirstName: "Anna", LastName: "Smith",
			Email: strings.Repeat("a", i+1) + "@example.com", MedicalHistory: note}); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(t.TempDir(), "csv")
	if _, err := interchange.ExportTo(ctx, src, dir, interchange.ExportCSV); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, interchange.ExportClientsName))
	if err != nil {
		t.Fatal(err)
	}
	// Read the way a spreadsheet might: the file's own separator, then each
	// cell split again at every separator-like character.
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		for _, cell := range row {
			for _, part := range strings.FieldsFunc(cell, func(r rune) bool { return strings.ContainsRune(",;\t\r\n", r) }) {
				if p := strings.TrimLeft(part, " "); p != "" && strings.ContainsRune("=+@", rune(p[0])) {
					t.Errorf("cell %q has an unguarded formula %q", cell, p)
				}
				if p := strings.TrimLeft(part, " "); strings.HasPrefix(p, "-") && p != "-2" && p != "-5" {
					t.Errorf("cell %q has an unguarded formula %q", cell, p)
				}
			}
		}
	}

	dst := testkit.OpenStore(t, fixedNow)
	f, err := os.Open(filepath.Join(dir, interchange.ExportClientsName))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := interchange.ImportClientsCSV(ctx, dst, f, interchange.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := dst.SearchClients(ctx, store.ClientQuery{})
	if err != nil {
		t.Fatal(err)
	}
	byEmail := map[string]string{}
	for _, c := range got {
		byEmail[c.Client.Email] = c.Client.MedicalHistory
	}
	for i, note := range notes {
		// The import trims each cell, as it trims any other file's; a
		// note's lone CR was a line's end when it was saved.
		if want, got := strings.ReplaceAll(strings.TrimSpace(note), "\r", "\n"), byEmail[strings.Repeat("a", i+1)+"@example.com"]; got != want {
			t.Errorf("note %q came back as %q", want, got)
		}
	}
}
