package report_test

import (
	"os"
	"path/filepath"
	"testing"

	"backtrack/report"
)

func TestReadPreferencesFile(t *testing.T) {
	dir := t.TempDir()
	// No file yet: empty practice on A4, no error
	got, err := report.ReadPreferencesFile(filepath.Join(dir, "none.json"))
	if err != nil || got.Practice != (report.Practice{}) || got.PageSize != report.A4 {
		t.Errorf("missing file: %+v, %v", got, err)
	}
	// The desk's saved values, other keys ignored
	path := filepath.Join(dir, "preferences.json")
	os.WriteFile(path, []byte(`{"practice.name":" Back in Balance ","practice.therapist":"Anna Keller",
		"practice.credentials":"LMT","report.page_size":"Letter","desk.sort":1}`), 0o600)
	got, err = report.ReadPreferencesFile(path)
	want := report.Practice{Name: "Back in Balance", Therapist: "Anna Keller", Credentials: "LMT"}
	if err != nil || got.Practice != want || got.PageSize != report.Letter {
		t.Errorf("saved values: %+v, %v", got, err)
	}
	if got.Practice.TherapistLine() != "Anna Keller, LMT" {
		t.Errorf("therapist line %q", got.Practice.TherapistLine())
	}
	// A damaged file is an error naming it
	os.WriteFile(path, []byte(`{"practice.name":`), 0o600)
	if _, err := report.ReadPreferencesFile(path); err == nil {
		t.Error("a damaged preferences file was accepted")
	}
}
