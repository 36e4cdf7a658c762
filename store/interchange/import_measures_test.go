package interchange_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

func importMeasures(t *testing.T, s *sqlstore.Store, csv string) (interchange.ImportSummary, error) {
	t.Helper()
	return interchange.ImportMeasuresCSV(context.Background(), s, strings.NewReader(csv), interchange.ImportOptions{})
}

func TestImportMeasuresMakesOneMeasurePerClientDateAndMeasure(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	marta := mustClient(t, s, "Marta", "Nowak")
	var b strings.Builder
	b.WriteString("\ufeffClient;Date;Measure;Item;Score\r\n")
	// An ODI with section 8 skipped, sections by number and by name: 16/45.
	for i, sc := range []int{2, 1, 3, 2, 2, 1, 2, -1, 2, 1} {
		item := fmt.Sprint(i + 1)
		if i == 9 {
			item = "Travelling"
		}
		if sc >= 0 {
			fmt.Fprintf(&b, "Marta Nowak;2026-10-01;ODI;%s;%d\r\n", item, sc)
		}
	}
	for i := 1; i <= 24; i++ {
		fmt.Fprintf(&b, "marta nowak;2026-10-01;rmdq;%d;%d\r\n", i, i%3%2)
	}
	b.WriteString("Marta Nowak;2026-10-01;psfs;Sitting through a film;3\r\nMarta Nowak;2026-10-01;psfs;Lifting my grandson;2\r\n" +
		"Marta Nowak;2026-10-01;psfs;\"Gardening; weeding\";4\r\n")
	sum, err := importMeasures(t, s, b.String())
	if err != nil {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
	if sum.MeasuresAdded != 3 {
		t.Fatalf("summary %+v, want 3 measures", sum)
	}
	got, err := s.Measures(ctx, marta.ID)
	if err != nil || len(got) != 3 {
		t.Fatalf("measures: %v %v", got, err)
	}
	scores := map[store.MeasureKind]string{}
	for _, m := range got {
		scores[m.Kind] = m.Score().String()
	}
	if want := map[store.MeasureKind]string{store.ODI: "35.6", store.RMDQ: "8", store.PSFS: "3"}; !reflect.DeepEqual(scores, want) {
		t.Errorf("scores %v, want %v", scores, want)
	}
	// The same file again adds nothing.
	if sum, err := importMeasures(t, s, b.String()); err != nil || sum.MeasuresAdded != 0 || sum.MeasuresPresent != 3 {
		t.Errorf("second import: %+v %v", sum, err)
	}
	if problems, err := s.VerifyRecord(ctx); err != nil || len(problems) > 0 {
		t.Errorf("after import: %v %v", problems, err)
	}
}

func TestImportMeasuresNamesEveryBadCellAndWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	mustClient(t, s, "Marta", "Nowak")
	var b strings.Builder
	b.WriteString("client,date,measure,item,score\n")
	row := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	for i := 1; i <= 10; i++ { // rows 2-11: section 3 scored 6 (row 4)
		sc := 2
		if i == 3 {
			sc = 6
		}
		row("Marta Nowak,2026-10-01,odi,%d,%d", i, sc)
	}
	row("Marta Nowak,2026-10-01,rmdq,25,1") // row 12
	for i := 1; i <= 8; i++ {               // rows 13-20: an ODI with two sections skipped
		row("Marta Nowak,2026-10-08,odi,%d,1", i)
	}
	row("Marta Nowak,2026-10-01,psfs,Walking the dog,11") // row 21
	row("Marta Nowak,2026-10-01,psfs,,4")                 // row 22
	row("Marta Nowak,2026-10-01,psfs,Cycling,5")          // row 23
	row("Nobody Here,2026-10-01,odi,1,1")                 // row 24
	row("Marta Nowak,2026-13-01,knee,1,x")                // row 25
	sum, err := importMeasures(t, s, b.String())
	var ie *interchange.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("import: %v, want an ImportError", err)
	}
	text := testkit.ProblemsText(sum)
	for _, want := range []string{
		"row 4, score: ODI section 3 (Lifting) is scored 6",
		"row 12, item: RMDQ item \"25\" is not one of 1-24",
		"row 13, item: 2 ODI sections are skipped",
		"row 21, score: PSFS activity \"Walking the dog\" is rated 11",
		"row 22, item: a PSFS rating has no activity",
		"row 24, client:",
		"row 25, date:",
		"row 25, measure:",
		"row 25, score:",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("problems do not say %q:\n%s", want, text)
		}
	}
	if m, _ := s.Measures(ctx, 1); len(m) != 0 {
		t.Errorf("%d measures written from a file with problems", len(m))
	}
}

func TestCSVExportWritesMeasuresTheImportReadsBack(t *testing.T) {
	ctx := context.Background()
	src := testkit.OpenStore(t, fixedNow)
	testkit.RichRecords(t, src)
	dir := filepath.Join(t.TempDir(), "csv")
	files, err := interchange.ExportTo(ctx, src, dir, interchange.ExportCSV)
	if err != nil {
		t.Fatal(err)
	}
	var measuresCSV string
	for _, f := range files {
		if filepath.Base(f) == interchange.ExportMeasuresName {
			measuresCSV = f
		}
	}
	if measuresCSV == "" {
		t.Fatalf("export wrote %v, no %s", files, interchange.ExportMeasuresName)
	}
	// Into a record with the same clients (by JSON), without their measures.
	e := testkit.ExportOf(t, src)
	for i := range e.Clients {
		e.Clients[i].Measures = nil
	}
	dst := testkit.OpenStore(t, fixedNow)
	importExport(t, dst, e)
	f, err := os.ReadFile(measuresCSV)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := interchange.ImportMeasuresCSV(ctx, dst, strings.NewReader(string(f)), interchange.ImportOptions{})
	if err != nil || sum.MeasuresAdded != 5 {
		t.Fatalf("import %s: %+v %v\n%s", measuresCSV, sum, err, testkit.ProblemsText(sum))
	}
	scores := func(s *sqlstore.Store) []string {
		var out []string
		for _, c := range testkit.ExportOf(t, s).Clients {
			for _, m := range c.Measures {
				out = append(out, fmt.Sprint(c.ID, m.Measure, m.Date, m.Items))
			}
		}
		return out
	}
	if a, b := scores(src), scores(dst); !reflect.DeepEqual(a, b) {
		t.Errorf("measures after the CSV round trip:\n%v\nwant\n%v", b, a)
	}
}

// importExport imports an export into s.
func importExport(t *testing.T, s *sqlstore.Store, e interchange.Export) {
	t.Helper()
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	if sum, err := interchange.ImportJSON(context.Background(), s, bytes.NewReader(data), interchange.ImportOptions{}); err != nil {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
}
