package recordkeeping

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"backtrack/store/sqlstore"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

func TestBackupNowChecksThePassphraseThenSavesAPrivateFile(t *testing.T) {
	win, s := fileTaskWindow(t)
	b := NewBackupDialog(win, RecordOf(s), &kit.Tasks{})
	b.Show()
	b.Folder.Set(filepath.Join(t.TempDir(), "stick"))
	os.MkdirAll(b.Folder.Path, 0o700)

	// When the therapist asks for encryption with a short passphrase.
	b.work.OnUI(func() {
		b.Encrypt.SetChecked(true)
		test.Type(b.Passphrase, "short")
		test.Type(b.Repeat, "short")
		test.Tap(b.BackUp)
	})
	b.work.Wait()
	if !b.Problem.Visible() || !strings.Contains(b.Problem.Text, "at least 8") {
		t.Fatalf("short passphrase: problem %q", b.Problem.Text)
	}
	if !strings.HasSuffix(b.FileName.Text, ".db.age") {
		t.Errorf("encrypted backup named %q, want .db.age", b.FileName.Text)
	}
	// Then two that differ.
	b.work.OnUI(func() {
		b.Passphrase.SetText("correct horse battery")
		b.Repeat.SetText("correct horse batery")
		test.Tap(b.BackUp)
	})
	b.work.Wait()
	if !strings.Contains(b.Problem.Text, "differ") {
		t.Fatalf("different passphrases: problem %q", b.Problem.Text)
	}
	snapshot(t, win, "backup-dialog")
	// Then the same twice: the backup is made, checked and private.
	b.work.OnUI(func() {
		b.Repeat.SetText("correct horse battery")
		test.Tap(b.BackUp)
	})
	b.work.Wait()
	path := filepath.Join(b.Folder.Path, b.FileName.Text)
	info, err := sqlstore.InspectBackup(context.Background(), path, "correct horse battery")
	if err != nil || info.Clients != 2 {
		t.Fatalf("backup at %s: %+v %v (problem %q)", path, info, err, b.Problem.Text)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", st.Mode().Perm())
	}
	done := desktest.ShownText(win) // the message shown once the backup is saved
	if !strings.Contains(done, "2 clients and 0 sessions, checked and complete, encrypted") {
		t.Errorf("done message %q", done)
	}
}
