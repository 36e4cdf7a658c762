package settings_test

import (
	"backtrack/store"
	"backtrack/store/settings"
	"os"
	"path/filepath"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	// No file yet: empty practice on A4, no error
	got, err := settings.ReadFile(filepath.Join(dir, "none.json"))
	if err != nil || got.Practice != (store.Practice{}) || got.PageSize != settings.A4 {
		t.Errorf("missing file: %+v, %v", got, err)
	}
	// The desk's saved values, other keys ignored
	path := filepath.Join(dir, "preferences.json")
	os.WriteFile(path, []byte(`{"practice.name":" Back in Balance ","practice.therapist":"Anna Keller",
		"practice.credentials":"LMT","report.page_size":"Letter","desk.sort":1}`), 0o600)
	got, err = settings.ReadFile(path)
	want := store.Practice{Name: "Back in Balance", Therapist: "Anna Keller", Credentials: "LMT"}
	if err != nil || got.Practice != want || got.PageSize != settings.Letter {
		t.Errorf("saved values: %+v, %v", got, err)
	}
	if got.Practice.TherapistLine() != "Anna Keller, LMT" {
		t.Errorf("therapist line %q", got.Practice.TherapistLine())
	}
	// A damaged file is an error naming it
	os.WriteFile(path, []byte(`{"practice.name":`), 0o600)
	if _, err := settings.ReadFile(path); err == nil {
		t.Error("a damaged preferences file was accepted")
	}
}

func TestABadSavedPageSizeGivesA4(t *testing.T) {
	got := settings.Read(func(key string) string {
		if key == settings.KeyPageSize {
			return "A3"
		}
		return ""
	})
	if got.PageSize != settings.A4 {
		t.Errorf("page size %q; want A4", got.PageSize)
	}
}
