package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"backtrack/ui/internal/desktest"
)

// age sets the modification time of path and everything directly in it.
func age(t *testing.T, path string, when time.Time) {
	t.Helper()
	entries, _ := os.ReadDir(path)
	for _, e := range entries {
		if err := os.Chtimes(filepath.Join(path, e.Name()), when, when); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
}

func TestStaleSampleFoldersAreCleanedAndNothingElse(t *testing.T) {
	tmp := t.TempDir()
	old := desktest.Now.Add(-2 * staleSampleAge)

	// given a sample practice left behind by a killed app, made the way the
	// desk makes them
	s, left, err := newSampleStore(context.Background(), tmp)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	age(t, left, old)

	// and folders that look alike but must survive
	mk := func(name string, perm os.FileMode, files ...string) string {
		p := filepath.Join(tmp, name)
		if err := os.Mkdir(p, perm); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(p, f), []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chmod(p, perm); err != nil {
			t.Fatal(err)
		}
		return p
	}
	inUse, _, err := newSampleStore(context.Background(), tmp) // another window has it open now
	if err != nil {
		t.Fatal(err)
	}
	defer inUse.Close()
	keep := []string{
		mk("backtrack-backups", 0o700, "sample.db"),                      // not a sample's name
		mk(samplePrefix+"withnotes", 0o700, "sample.db", "my-notes.txt"), // holds something else
		mk(samplePrefix+"shared", 0o755, "sample.db"),                    // not private: not ours
		mk(samplePrefix+"recent", 0o700, "sample.db"),                    // touched within a day
		mk("other-"+samplePrefix, 0o700, "sample.db"),                    // prefix elsewhere in the name
		mk(samplePrefix+"nested", 0o700),                                 // gets a folder inside
		filepath.Join(tmp, samplePrefix+"link"),                          // a link to a folder
		filepath.Join(tmp, samplePrefix+"file"),                          // a plain file
	}
	if err := os.Mkdir(filepath.Join(keep[5], "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	target := mk("elsewhere", 0o700, "sample.db")
	if err := os.Symlink(target, keep[6]); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keep[7], []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for i, p := range keep {
		if i != 3 && i != 6 {
			age(t, p, old)
		}
	}
	age(t, target, old)
	if err := os.Chtimes(keep[3], desktest.Now, desktest.Now); err != nil {
		t.Fatal(err)
	}

	// when the desk starts
	newTestDesk(t, desktest.OpenStore(t), Options{SampleDir: tmp}).wait()

	// then only the left-behind sample is gone
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("the stale sample folder is still there (%v)", err)
	}
	for _, p := range append(keep, target, filepath.Join(target, "sample.db")) {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
	if got := removeStaleSamples(tmp, desktest.Now); got != 0 {
		t.Errorf("a second clean removed %d more", got)
	}
}

func TestLeavingSampleDataDeletesItsFolder(t *testing.T) {
	tmp := t.TempDir()
	d := newTestDesk(t, desktest.OpenStore(t), Options{SampleDir: tmp})
	act(d, d.openSample)
	if !d.SampleOpen() {
		t.Fatal("the sample practice did not open")
	}
	entries, _ := os.ReadDir(tmp)
	if len(entries) != 1 {
		t.Fatalf("sample folder: %d entries in %s", len(entries), tmp)
	}
	act(d, d.leaveSample)
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left %s behind", entries[0].Name())
	}
}
