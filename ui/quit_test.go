package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/recordkeeping"
	"backtrack/ui/reportdialog"
)

// Quitting while an export, a report or a backup is being written must stop
// it and wait for its clean-up: otherwise a hidden, complete copy of client
// data stays behind in the chosen folder.

func TestQuittingStopsABatchOfReportsAndLeavesOnlyCompleteOnes(t *testing.T) {
	s := desktest.OpenStore(t)
	for _, name := range []string{"Ann", "Ben", "Cid", "Dee", "Eve"} {
		c := desktest.AddClient(t, s, store.Client{FirstName: name, LastName: "Test"})
		desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -3),
			PainBefore: store.PainOf(5), PainAfter: store.PainOf(3)})
	}
	d := newTestDesk(t, s, Options{})
	b := reportdialog.NewBatchReportDialog(d.window, d.store, d.tasks, store.Practice{Name: "Back in Balance"})
	dir := filepath.Join(t.TempDir(), "reports")
	b.Folder.Set(dir)
	started := make(chan struct{})
	b.Progressed = func(done int) {
		if done == 1 {
			close(started)
			<-d.tasks.Context().Done() // the first report is written when the therapist quits
		}
	}
	d.tasks.OnUI(func() { b.Show(); test.Tap(b.Start) })
	<-started

	// when the desk closes (the window's close, or Quit, ends in Close)
	if err := d.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}

	// then the batch has stopped, said so, and left only complete reports
	if !strings.Contains(b.Status.Text, "Stopped. 1 report was written") {
		t.Errorf("status after quitting = %q", b.Status.Text)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), ".pdf") {
		t.Fatalf("folder after quitting holds %v, want the one complete report", desktest.FileNames(entries))
	}
	desktest.MustContain(t, "report", desktest.PDFWords(t, filepath.Join(dir, entries[0].Name())), "Ann Test")
}

func TestQuittingStopsABackupAndLeavesNothingBehind(t *testing.T) {
	d, _, _ := deskWithClient(t)
	b := recordkeeping.NewBackupDialog(d.window, recordkeeping.RecordOf(d.store), d.tasks)
	dir := t.TempDir()
	b.Folder.Set(dir)

	// given a backup whose work has not run yet when the therapist quits
	hold := make(chan struct{})
	d.tasks.OnUI(func() {
		b.Show()
		d.tasks.Hold = hold
		test.Tap(b.BackUp)
		d.tasks.Hold = nil
	})
	go func() {
		<-d.tasks.Context().Done()
		close(hold)
	}()
	if err := d.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}

	// then Close waited for it, it stopped, and the folder is empty
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("folder after quitting holds %v", desktest.FileNames(entries))
	}
	desktest.MustContain(t, "backup problem", b.Problem.Text, "Stopped")
}

func TestQuitFromTheMenuStopsLongWork(t *testing.T) {
	d, _, _ := deskWithClient(t)
	act(d, menuItem(t, d, "Quit").Action)
	if err := d.tasks.Context().Err(); err != context.Canceled {
		t.Errorf("long work after Quit: context %v, want cancelled", err)
	}
}
