package recordkeeping

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/desktest"
)

// Tests seal backups with a small scrypt cost so they stay fast.
func init() { sqlite.PassphraseWorkFactor = 10 }

// fileTaskWindow is a test app and window over a real store with two clients.
func fileTaskWindow(t *testing.T) (fyne.Window, *sqlstore.Store) {
	t.Helper()
	test.NewTempApp(t)
	s := desktest.OpenStore(t)
	desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak", Email: "marta@example.com"})
	desktest.AddClient(t, s, store.Client{FirstName: "Jonas", LastName: "O'Brien"})
	win := test.NewTempWindow(t, widget.NewLabel("desk"))
	win.Resize(fyne.NewSize(1100, 760))
	return win, s
}

// snapshot writes what the window shows to /tmp when BACKTRACK_SHOTS is set,
// for a person to look at.
func snapshot(t *testing.T, win fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("BACKTRACK_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	png.Encode(f, win.Canvas().Capture())
}

func countRecords(t *testing.T, path string) int {
	t.Helper()
	s, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	return len(all)
}
