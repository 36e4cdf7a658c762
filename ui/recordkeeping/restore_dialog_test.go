package recordkeeping

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

func TestRestoreChecksTheBackupThenReplacesAndReopens(t *testing.T) {
	win, s := fileTaskWindow(t)
	ctx := context.Background()
	// Given an encrypted backup in the backups folder and a client added since.
	sealed := filepath.Join(sqlstore.BackupDir(s.Path()), sqlstore.BackupName(s.Path(), desktest.Now, true))
	if _, err := s.BackupEncrypted(ctx, sealed, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer"})
	dbPath := s.Path()
	var reopened []string
	var r *restoreDialog
	work := &kit.Tasks{}
	work.OnUI(func() {
		r = NewRestoreDialog(win, RecordOf(s), work, func(path string) { reopened = append(reopened, path) })
		r.Show()
	})
	work.Wait() // the backups folder is read in the background
	if len(r.Backups.Options) != 1 || !strings.Contains(r.Backups.Options[0], "encrypted") {
		t.Fatalf("backups listed: %v", r.Backups.Options)
	}

	// When it is chosen, the passphrase is asked for; a wrong one is refused.
	r.work.OnUI(func() { r.Backups.SetSelected(r.Backups.Options[0]) })
	r.work.Wait()
	if r.Restore.Disabled() == false || !strings.Contains(r.Summary.Text, "passphrase") {
		t.Fatalf("encrypted backup without passphrase: restore enabled=%v, summary %q", !r.Restore.Disabled(), r.Summary.Text)
	}
	r.work.OnUI(func() { r.Passphrase.SetText("wrong horse"); r.check() })
	r.work.Wait()
	if !r.Restore.Disabled() || !strings.Contains(r.Problem.Text, "does not open") {
		t.Fatalf("wrong passphrase: problem %q", r.Problem.Text)
	}
	r.work.OnUI(func() { r.Passphrase.SetText("correct horse battery"); r.check() })
	r.work.Wait()
	if r.Restore.Disabled() || !strings.Contains(r.Summary.Text, "2 clients and 0 sessions") {
		t.Fatalf("right passphrase: summary %q problem %q", r.Summary.Text, r.Problem.Text)
	}
	snapshot(t, win, "restore-dialog")

	// Then the restore (as confirmed) replaces the records and reopens.
	r.work.OnUI(r.restore)
	r.work.Wait()
	if len(reopened) != 1 || reopened[0] != dbPath {
		t.Fatalf("reopen called with %v, want [%s]", reopened, dbPath)
	}
	done := desktest.ShownText(win) // the message shown after the restore
	if n := countRecords(t, dbPath); n != 2 {
		t.Errorf("after restore %d clients, want the backup's 2 (%s)", n, done)
	}
	if !strings.Contains(done, "kept as") {
		t.Errorf("done message %q does not say where the replaced records are", done)
	}
}

func TestRestoreRefusesAFileThatIsNotABackup(t *testing.T) {
	win, s := fileTaskWindow(t)
	bogus := filepath.Join(t.TempDir(), "holiday.jpg")
	os.WriteFile(bogus, []byte("\xff\xd8\xff\xe0 JFIF not a database"), 0o600)
	var r *restoreDialog
	work := &kit.Tasks{}
	work.OnUI(func() {
		r = NewRestoreDialog(win, RecordOf(s), work, func(string) { t.Error("reopen after a refused check") })
		r.choose(bogus)
	})
	r.work.Wait()
	if !r.Restore.Disabled() || !strings.Contains(r.Problem.Text, "not a Backtrack backup") {
		t.Fatalf("picture as a backup: restore enabled=%v problem %q", !r.Restore.Disabled(), r.Problem.Text)
	}
}

// The backups folder and a chosen file may sit on a slow USB stick: the
// dialog reads them in the background, and the window stays responsive.
func TestRestoreReadsBackupsAndFilesOffTheUIGoroutine(t *testing.T) {
	win, s := fileTaskWindow(t)
	ctx := context.Background()
	listed := filepath.Join(sqlstore.BackupDir(s.Path()), sqlstore.BackupName(s.Path(), desktest.Now, false))
	if _, err := s.Backup(ctx, listed); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "stick-backup.db.age")
	if _, err := s.BackupEncrypted(ctx, other, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	work := &kit.Tasks{}

	// when the dialog opens while the disk has not answered yet
	hold := make(chan struct{})
	var r *restoreDialog
	work.OnUI(func() {
		work.Hold = hold
		r = NewRestoreDialog(win, RecordOf(s), work, nil)
		r.Show()
		work.Hold = nil
	})
	// then it says it is looking, and lists nothing yet
	if len(r.Backups.Options) != 0 || !strings.Contains(r.Summary.Text, "Looking for backups") {
		t.Fatalf("before the disk answered: options %v, summary %q", r.Backups.Options, r.Summary.Text)
	}
	close(hold)
	work.Wait()
	if len(r.Backups.Options) != 1 || r.Summary.Text != "Choose a backup." {
		t.Fatalf("after listing: options %v, summary %q", r.Backups.Options, r.Summary.Text)
	}

	// when a file on a stick is chosen, it is read in the background too
	hold = make(chan struct{})
	work.OnUI(func() {
		work.Hold = hold
		r.choose(other)
		work.Hold = nil
	})
	if len(r.Backups.Options) != 1 || !r.Busy.Visible() || !strings.Contains(r.Summary.Text, "Reading stick-backup.db.age") {
		t.Fatalf("before the stick answered: options %v, busy %v, summary %q", r.Backups.Options, r.Busy.Visible(), r.Summary.Text)
	}
	close(hold)
	work.Wait()
	if len(r.Backups.Options) != 2 || !strings.HasSuffix(r.Backups.Selected, "encrypted") || !r.passRow.Visible() {
		t.Errorf("after reading the stick: options %v, selected %q, passphrase asked %v",
			r.Backups.Options, r.Backups.Selected, r.passRow.Visible())
	}
}
