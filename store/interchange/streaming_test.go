package interchange_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/interchange"
	"backtrack/store/recordjson"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// samplePractice fills a store with the sample practice: enough clients
// that an export spans many pages of the store's reads, with signed,
// amended and voided notes, measures and plans (more clients than the
// store reads in one page: 200).
func samplePractice(t testing.TB, clients, sessions int) *sqlstore.Store {
	t.Helper()
	s := testkit.OpenStore(t, fixedNow)
	opt := demo.Options{Clients: clients, Sessions: sessions, Seed: 1, Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)}
	if _, err := demo.Fill(context.Background(), s, opt); err != nil {
		t.Fatal(err)
	}
	return s
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r    io.Reader
	read int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.read += int64(n)
	return n, err
}

func TestALargePracticeStreamsOutAndBackWhole(t *testing.T) {
	ctx := context.Background()
	src := samplePractice(t, 250, 900)
	var file bytes.Buffer
	if err := interchange.WriteJSON(ctx, src, &file); err != nil {
		t.Fatal(err)
	}
	dst := testkit.OpenStore(t, fixedNow.Add(time.Hour))
	// read in small, uneven pieces, as a pipe or a slow disk gives them
	in := &countingReader{r: iotest.HalfReader(bytes.NewReader(file.Bytes()))}
	var readAtFirstSeal int64
	sum, err := interchange.ImportJSON(ctx, dst, in, interchange.ImportOptions{
		CheckSeal: func(string, store.Session, recordjson.Session) error {
			if readAtFirstSeal == 0 {
				readAtFirstSeal = in.read
			}
			return nil
		}})
	if err != nil {
		t.Fatalf("import: %v\n%s", err, testkit.ProblemsText(sum))
	}
	if sum.ClientsAdded != 250 || sum.SessionsAdded != 900 {
		t.Errorf("imported %d clients and %d sessions, want 250 and 900", sum.ClientsAdded, sum.SessionsAdded)
	}
	// the first signed note is written when a little of the clients has
	// been read, not after all of them: the import streams
	clients := int64(bytes.Index(file.Bytes(), []byte(`"clients": [`)))
	if readAtFirstSeal < clients || readAtFirstSeal > clients+(int64(file.Len())-clients)/10 {
		t.Errorf("the first signed note was checked after %d bytes had been read; the clients are bytes %d to %d",
			readAtFirstSeal, clients, file.Len())
	}
	want, got := testkit.ExportOf(t, src), testkit.ExportOf(t, dst)
	assertHistoryBrought(t, want.AuditLog, got.AuditLog)
	want.AuditLog, got.AuditLog = nil, nil
	if !reflect.DeepEqual(want, got) {
		wj, _ := json.MarshalIndent(want, "", " ")
		gj, _ := json.MarshalIndent(got, "", " ")
		t.Fatalf("the round trip changed the records:\n%s", firstDifference(string(wj), string(gj)))
	}
	// the file written record by record reads as one JSON document, as
	// the whole export encoded at once would
	var whole interchange.Export
	if err := json.Unmarshal(file.Bytes(), &whole); err != nil {
		t.Fatal(err)
	}
	whole.ExportedAt = ""
	if whole.AuditLog = nil; !reflect.DeepEqual(whole, want) {
		t.Error("the file does not decode to the export")
	}
}

func TestAJSONImportPlacesProblemsAcrossPiecesOfTheFile(t *testing.T) {
	s := testkit.OpenStore(t, fixedNow)
	// a problem far into the file, after characters of several bytes, and
	// one cut in the middle of a character
	pad := strings.Repeat("é", 70000)
	valid := `{"format":"backtrack-export","version":4,` + "\n" + `"vocabulary":[],"clients":[` + "\n" +
		`{"first_name":"` + pad + `","last_name":"Nowak","sessions":[]},` + "\n" + `{"first_name":"Ana", "last_name":"X", "phone":PHONE}]}`
	cases := map[string]struct{ body, want string }{
		"wrong type":  {strings.Replace(valid, "PHONE", "7", 1), "(line 4, column 48)"},
		"not utf-8":   {strings.Replace(valid, "PHONE", "\"\xff\"", 1), "(line 4, column 48)"},
		"cut char":    {strings.Replace(valid, "PHONE", "\"\xc3\"", 1), "(line 4, column 48)"},
		"bad syntax":  {strings.Replace(valid, "PHONE", "+", 1), "(line 4, column 48)"},
		"far unknown": {strings.Replace(valid, `"phone":PHONE`, `"shoe":1`, 1), `"shoe"`},
	}
	for name, c := range cases {
		for _, how := range []struct {
			name string
			r    func(io.Reader) io.Reader
		}{{"whole", func(r io.Reader) io.Reader { return r }}, {"byte by byte", iotest.OneByteReader}} {
			sum, err := interchange.ImportJSON(context.Background(), s, how.r(strings.NewReader(c.body)), interchange.ImportOptions{})
			var ie *interchange.ImportError
			if !errors.As(err, &ie) || !strings.Contains(testkit.ProblemsText(sum), c.want) {
				t.Errorf("%s, %s: %v: problems %q do not mention %q", name, how.name, err, testkit.ProblemsText(sum), c.want)
			}
		}
	}
	if n := testkit.ClientCount(t, s); n != 0 {
		t.Errorf("%d clients written from bad files", n)
	}
}

func TestAnExportFolderComesFromOneSnapshotWrittenRecordByRecord(t *testing.T) {
	ctx := context.Background()
	s := samplePractice(t, 250, 250)
	dir := filepath.Join(t.TempDir(), "out")
	files, err := interchange.ExportTo(ctx, s, dir, interchange.ExportCSV)
	if err != nil {
		t.Fatal(err)
	}
	clients, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	// the header and a row for each client, each page of the store's
	// reads after the one before
	if lines := strings.Count(string(clients), "\r\n"); lines != 251 {
		t.Errorf("clients.csv has %d lines, want 251", lines)
	}
}
