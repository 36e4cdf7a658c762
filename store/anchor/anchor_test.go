package anchor_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"backtrack/store/anchor"
)

func TestUpdatesFromManyWritersAtOnceAreNeverLost(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "anchors")
	book := anchor.In(dir)
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			err := book.Update("/records/backtrack.db", func(kept anchor.Seen, _ bool) (anchor.Seen, bool) {
				kept.Seq++
				return kept, true
			})
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	seen, known, err := book.Get("/records/backtrack.db")
	if err != nil || !known || seen.Seq != 20 {
		t.Fatalf("after 20 updates: %+v %v %v", seen, known, err)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, "heads.json"): 0o600} {
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v (%v), want %v", path, st.Mode().Perm(), err, want)
		}
	}
}

func TestADamagedBookIsSaidInASentence(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "heads.json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := anchor.In(dir).Get("x"); err == nil {
		t.Fatal("a damaged book read as empty")
	}
}
