package sqlstore_test

import (
	"backtrack/store/sqlite"
	"backtrack/store/testkit"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestAutoBackupOncePerDayKeepingFourteen(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	seedRecords(t, s)
	day := time.Date(2026, 11, 1, 8, 30, 0, 0, time.Local)

	// Given a first start: a backup is made in "backups" beside the database.
	made, err := s.AutoBackup(ctx, day)
	if err != nil || !made {
		t.Fatalf("first start: made=%v err=%v", made, err)
	}
	dir := sqlite.BackupDir(s.Path())
	if dir != filepath.Join(filepath.Dir(s.Path()), "backups") {
		t.Errorf("backup folder %s is not beside the database", dir)
	}
	testkit.AssertMode(t, dir, 0o700)

	// When the desk starts again the same day, no second backup is made.
	made, err = s.AutoBackup(ctx, day.Add(9*time.Hour))
	if err != nil || made {
		t.Fatalf("second start the same day: made=%v err=%v", made, err)
	}

	// When it starts on 20 more days, only the newest 14 stay.
	for i := 1; i <= 20; i++ {
		made, err := s.AutoBackup(ctx, day.AddDate(0, 0, i))
		if err != nil || !made {
			t.Fatalf("day %d: made=%v err=%v", i, made, err)
		}
	}
	backups, err := sqlite.ListBackups(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if len(backups) != sqlite.KeepBackups {
		t.Fatalf("%d backups kept, want %d", len(backups), sqlite.KeepBackups)
	}
	if want := day.AddDate(0, 0, 20); !backups[0].Taken.Equal(want) {
		t.Errorf("newest backup taken %v, want %v", backups[0].Taken, want)
	}
	if want := day.AddDate(0, 0, 7); !backups[len(backups)-1].Taken.Equal(want) {
		t.Errorf("oldest kept backup taken %v, want %v", backups[len(backups)-1].Taken, want)
	}
	for _, b := range backups {
		testkit.AssertMode(t, b.Path, 0o600)
		if info, err := sqlite.InspectBackup(ctx, b.Path, ""); err != nil || info.Clients != 2 {
			t.Errorf("%s: %+v %v", filepath.Base(b.Path), info, err)
		}
	}
}

func TestAutoBackupClearsStalePartialFilesAndLeavesOthersAlone(t *testing.T) {
	testkit.SQLiteOnly(t)
	ctx := context.Background()
	s := testkit.OpenStore(t, fixedNow)
	dir := sqlite.BackupDir(s.Path())
	os.MkdirAll(dir, 0o700)
	now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.Local)
	// a process that has ended, and one that is still running (the one
	// that started this test)
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	deadWriter := filepath.Join(dir, fmt.Sprintf(".backtrack-partial-%d-1", gone.Process.Pid))
	liveWriter := filepath.Join(dir, fmt.Sprintf(".backtrack-partial-%d-2", os.Getppid()))
	// names from before partials carried their writer: by age
	oldLegacy := filepath.Join(dir, ".backtrack-partial-abc")
	newLegacy := filepath.Join(dir, ".backtrack-partial-def")
	mine := filepath.Join(dir, "notes-to-self.txt")
	for _, p := range []string{deadWriter, liveWriter, oldLegacy, newLegacy, mine} {
		os.WriteFile(p, []byte("x"), 0o600)
	}
	os.Chtimes(oldLegacy, time.Now().Add(-2*time.Hour), time.Now().Add(-2*time.Hour))

	if _, err := s.AutoBackup(ctx, now); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{deadWriter, oldLegacy} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s, left by a cut-short backup, was kept", filepath.Base(p))
		}
	}
	for _, p := range []string{liveWriter, newLegacy, mine} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
}
