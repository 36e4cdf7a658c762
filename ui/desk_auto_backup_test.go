package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/desktest"
)

func TestAutomaticBackupSaysWhenItIsDone(t *testing.T) {
	s := desktest.OpenStore(t)
	desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	d := newTestDesk(t, s, Options{})
	if got := d.backup.Line.Text(); got != "No backup yet" || d.backup.banner.Visible() {
		t.Fatalf("before any backup: line %q, notice shown %v", got, d.backup.banner.Visible())
	}

	// when the day's backup runs
	act(d, d.autoBackup)

	// then a quiet line says when, and the backup is in its folder
	if got := d.backup.Line.Text(); got != "Backed up today 15:00" || !d.backup.Line.Visible() {
		t.Errorf("status line = %q (shown %v)", got, d.backup.Line.Visible())
	}
	if h := d.backup.Line.Size().Height; h < d.backup.Line.MinSize().Height {
		t.Errorf("the status line is shown but given %v units of height", h)
	}
	if d.backup.banner.Visible() || d.bars.Visible() {
		t.Error("a successful backup shows the failure notice")
	}
	if all, err := sqlstore.ListBackups(s.Path()); err != nil || len(all) != 1 {
		t.Fatalf("backups = %v, %v", all, err)
	}

	// and a second run on the same day still says so, from the one made
	act(d, d.autoBackup)
	if got := d.backup.Line.Text(); got != "Backed up today 15:00" {
		t.Errorf("after a second run: %q", got)
	}

	// and the next desk says so from the start, a day later by date
	if got := newTestDesk(t, s, Options{}).backup.Line.Text(); got != "Backed up today 15:00" {
		t.Errorf("a new desk on the same day starts with %q", got)
	}
	later := newTestDesk(t, s, Options{})
	later.backup.showLastBackup(s.Path(), desktest.Now.AddDate(0, 0, 1))
	if got := later.backup.Line.Text(); got != "Last backup 25 Nov 2026" {
		t.Errorf("the next day starts with %q", got)
	}
}

func TestAutomaticBackupFailureIsShownInPlainWordsWithoutClientData(t *testing.T) {
	s := desktest.OpenStore(t)
	desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak", Contraindications: "Pregnancy"})
	// given a file where the backups folder should be
	if err := os.WriteFile(sqlstore.BackupDir(s.Path()), []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, s, Options{})

	act(d, d.autoBackup)

	// then a notice says what failed, why, and what to do
	if !d.backup.banner.Visible() {
		t.Fatal("a failed backup shows no notice")
	}
	if h := d.backup.banner.Size().Height; h < d.backup.banner.MinSize().Height || !d.bars.Visible() {
		t.Errorf("the notice is shown but given %v units of height", h)
	}
	notice := d.backup.Notice.Text
	desktest.MustContain(t, "notice", notice, "Today's automatic backup failed.",
		"A file stands where a folder was expected.", "File › Back up now…")
	for _, leak := range []string{"Marta", "Nowak", "Pregnancy", s.Path(), filepath.Dir(s.Path()), "mkdir", "errno"} {
		if strings.Contains(notice, leak) {
			t.Errorf("notice %q contains %q", notice, leak)
		}
	}
	if got := d.backup.Line.Text(); got != "Not backed up today" {
		t.Errorf("status line = %q", got)
	}
	// the desk still works while it shows (the notice blocks nothing)
	if d.list.Rows() == nil || len(d.list.Rows()) != 1 {
		t.Errorf("client list = %d rows", len(d.list.Rows()))
	}

	// dismissing it keeps the quiet line
	tap(d, d.backup.Dismiss)
	if d.backup.banner.Visible() || d.bars.Visible() || !d.backup.Line.Visible() {
		t.Error("dismiss did not hide the notice, or hid the status line")
	}

	// and the notice's button opens File › Back up now…
	tap(d, d.backup.BackUp)
	if d.window.Canvas().Overlays().Top() == nil {
		t.Error("Back up now… opened nothing")
	}
}

func TestAutomaticBackupWhileSampleDataIsOpenBacksUpTheRealRecords(t *testing.T) {
	s := desktest.OpenStore(t)
	desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	sampleDir := t.TempDir()
	d := newTestDesk(t, s, Options{SampleDir: sampleDir})
	act(d, d.openSample)
	if !d.SampleOpen() {
		t.Fatal("the sample practice did not open")
	}

	act(d, d.autoBackup)

	all, err := sqlstore.ListBackups(s.Path())
	if err != nil || len(all) != 1 {
		t.Fatalf("backups of the real records = %v, %v", all, err)
	}
	info, err := sqlstore.InspectBackup(context.Background(), all[0].Path, "")
	if err != nil || info.Clients != 1 {
		t.Errorf("the backup holds %d clients (%v), want the real practice's 1", info.Clients, err)
	}
	entries, _ := os.ReadDir(sampleDir)
	for _, e := range entries {
		inner, _ := os.ReadDir(filepath.Join(sampleDir, e.Name()))
		for _, f := range inner {
			if f.IsDir() {
				t.Errorf("a folder %s appeared beside the sample practice", f.Name())
			}
		}
	}
}
