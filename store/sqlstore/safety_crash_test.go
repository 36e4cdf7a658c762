package sqlstore_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/interchange"
	"backtrack/store/safefile"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// These tests kill a child process (this test binary again) with SIGKILL in
// the middle of an import, a backup or a restore, then check that the
// database is exactly as before or fully after, and passes `check`.

const (
	safetyChildMode = "BACKTRACK_SAFETY_CHILD" // import, backup or restore
	safetyChildDB   = "BACKTRACK_SAFETY_DB"
	safetyChildFile = "BACKTRACK_SAFETY_FILE"
)

// TestSafetyChild is the child: it prints "ready", does its one operation,
// then prints how long it took in microseconds.
func TestSafetyChild(t *testing.T) {
	mode := os.Getenv(safetyChildMode)
	if mode == "" {
		t.Skip("runs only as the child of a kill test")
	}
	ctx := context.Background()
	db, file := os.Getenv(safetyChildDB), os.Getenv(safetyChildFile)
	var s *sqlstore.Store
	var err error
	if mode != "restore" {
		if s, err = sqlstore.Open(ctx, db); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Println("ready")
	start := time.Now()
	switch mode {
	case "import":
		var f *os.File
		if f, err = os.Open(file); err == nil {
			_, err = interchange.ImportSessionsCSV(ctx, s, f, interchange.ImportOptions{})
		}
	case "backup":
		_, err = s.Backup(ctx, file)
	case "sealed":
		_, err = s.BackupEncrypted(ctx, file, "pass phrase")
	case "restore":
		_, err = sqlite.Restore(ctx, db, file, "", time.Now())
	case "export":
		_, err = interchange.ExportTo(ctx, s, file, interchange.ExportCSV)
	}
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("done %d\n", time.Since(start).Microseconds())
}

// runSafetyChild runs one operation in a child and kills it after killAfter
// (never when negative). It returns how long the child said it took, or 0
// when it was killed first.
func runSafetyChild(t *testing.T, mode, db, file string, killAfter time.Duration) time.Duration {
	t.Helper()
	child := exec.Command(os.Args[0], "-test.run=^TestSafetyChild$", "-test.count=1")
	child.Env = append(os.Environ(), safetyChildMode+"="+mode, safetyChildDB+"="+db, safetyChildFile+"="+file)
	stdout, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	child.Stderr = os.Stderr
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() || lines.Text() != "ready" {
		child.Process.Kill()
		child.Wait()
		t.Fatalf("%s child did not start: %q", mode, lines.Text())
	}
	var timer *time.Timer
	if killAfter >= 0 {
		timer = time.AfterFunc(killAfter, func() { child.Process.Signal(syscall.SIGKILL) })
		defer timer.Stop()
	}
	var took time.Duration
	for lines.Scan() {
		if us, ok := strings.CutPrefix(lines.Text(), "done "); ok {
			n, _ := strconv.ParseInt(us, 10, 64)
			took = time.Duration(n) * time.Microsecond
		}
	}
	io.Copy(io.Discard, stdout)
	child.Wait()
	return took
}

// samplePractice is a sample practice on disk: a database with the clients only,
// one with everything, and its sessions as a CSV file to import.
type samplePractice struct {
	clientsOnly, full, sessionsCSV string
	clients, sessions              int // sessions: the visits, voided notes aside
	notes                          int // every note, voided ones too
}

func makeSamplePractice(t *testing.T) samplePractice { return makeSamplePracticeTB(t) }

func makeSamplePracticeTB(t testing.TB) samplePractice {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	p := samplePractice{clientsOnly: filepath.Join(dir, "clients.db"), full: filepath.Join(dir, "full.db")}
	full, err := sqlstore.Open(ctx, p.full)
	if err != nil {
		t.Fatal(err)
	}
	sessions := 1000
	if raceDetector {
		sessions = 150
	}
	sum, err := demo.Fill(ctx, full, demo.Options{Clients: 60, Sessions: sessions, Seed: 7,
		Today: time.Date(2026, 11, 20, 0, 0, 0, 0, time.Local)})
	if err != nil {
		t.Fatal(err)
	}
	p.clients, p.sessions, p.notes = sum.Clients, sum.Sessions-sum.Voided, sum.Sessions
	exportDir := filepath.Join(dir, "export")
	if _, err := interchange.ExportTo(ctx, full, exportDir, interchange.ExportCSV); err != nil {
		t.Fatal(err)
	}
	full.Close()
	p.sessionsCSV = filepath.Join(exportDir, interchange.ExportSessionsName)
	only, err := sqlstore.Open(ctx, p.clientsOnly)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(filepath.Join(exportDir, interchange.ExportClientsName))
	defer f.Close()
	if _, err := interchange.ImportClientsCSV(ctx, only, f, interchange.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	only.Close()
	return p
}

// copyOf copies a closed database file into a fresh folder.
func copyOf(t *testing.T, path string) string {
	t.Helper()
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "backtrack.db")
	if err := os.WriteFile(dst, body, 0o600); err != nil {
		t.Fatal(err)
	}
	return dst
}

// recordCounts runs `check` on the database as a crash left it, then counts
// its clients and sessions.
func recordCounts(t *testing.T, path string) (clients, sessions int) {
	t.Helper()
	ctx := context.Background()
	problems, err := sqlite.Check(ctx, path)
	if err != nil || len(problems) > 0 {
		t.Fatalf("check after the kill: %v %v", problems, err)
	}
	s, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		sessions += c.SessionCount
	}
	return len(all), sessions
}

// killPoints are fractions of an uninterrupted run at which to kill.
var killPoints = []float64{0.02, 0.2, 0.4, 0.6, 0.8, 0.95, 1.5}

func TestKillDuringImportLeavesBeforeOrAfter(t *testing.T) {
	testkit.SQLiteOnly(t)
	if testing.Short() {
		t.Skip("kills child processes")
	}
	p := makeSamplePractice(t)
	// An uninterrupted import, to time it and to know "after".
	whole := copyOf(t, p.clientsOnly)
	took := runSafetyChild(t, "import", whole, p.sessionsCSV, -1)
	if _, n := recordCounts(t, whole); n != p.sessions || took == 0 {
		t.Fatalf("uninterrupted import: %d sessions in %v, want %d", n, took, p.sessions)
	}
	before := 0
	for _, at := range killPoints {
		db := copyOf(t, p.clientsOnly)
		runSafetyChild(t, "import", db, p.sessionsCSV, time.Duration(at*float64(took)))
		clients, sessions := recordCounts(t, db)
		switch {
		case clients != p.clients:
			t.Fatalf("killed at %.0f%%: %d clients, want %d", at*100, clients, p.clients)
		case sessions == 0:
			before++
		case sessions != p.sessions:
			t.Fatalf("killed at %.0f%%: %d sessions: half an import (none or %d)", at*100, sessions, p.sessions)
		}
	}
	if before == 0 {
		t.Fatal("every kill came after the import finished; the test proved nothing")
	}
	t.Logf("import of %d sessions took %v; %d of %d kills landed before the commit", p.sessions, took, before, len(killPoints))
}

func TestKillDuringBackupLeavesTheDatabaseAndNoFalseBackup(t *testing.T) {
	testkit.SQLiteOnly(t)
	if testing.Short() {
		t.Skip("kills child processes")
	}
	p := makeSamplePractice(t)
	probe := filepath.Join(t.TempDir(), "probe.db")
	took := runSafetyChild(t, "backup", p.full, probe, -1)
	if took == 0 {
		t.Fatal("uninterrupted backup did not finish")
	}
	missing := 0
	for _, at := range killPoints {
		dest := filepath.Join(t.TempDir(), "backups", "b.db")
		runSafetyChild(t, "backup", p.full, dest, time.Duration(at*float64(took)))
		if clients, sessions := recordCounts(t, p.full); clients != p.clients || sessions != p.sessions {
			t.Fatalf("killed at %.0f%%: the database changed: %d clients, %d sessions", at*100, clients, sessions)
		}
		// A file under the backup's name is always a whole, verified backup.
		if _, err := os.Stat(dest); os.IsNotExist(err) {
			missing++
			continue
		}
		info, err := sqlite.InspectBackup(context.Background(), dest, "")
		if err != nil || info.Sessions != p.notes {
			t.Fatalf("killed at %.0f%%: a backup under the final name is not whole: %+v %v", at*100, info, err)
		}
	}
	if missing == 0 {
		t.Fatal("every kill came after the backup finished; the test proved nothing")
	}
	t.Logf("backup took %v; %d of %d kills left no backup", took, missing, len(killPoints))
}

func TestKillDuringRestoreLeavesOldOrNew(t *testing.T) {
	testkit.SQLiteOnly(t)
	if testing.Short() {
		t.Skip("kills child processes")
	}
	p := makeSamplePractice(t)
	probe := copyOf(t, p.clientsOnly)
	took := runSafetyChild(t, "restore", probe, p.full, -1)
	if _, n := recordCounts(t, probe); n != p.sessions || took == 0 {
		t.Fatalf("uninterrupted restore: %d sessions in %v", n, took)
	}
	old := 0
	for _, at := range killPoints {
		db := copyOf(t, p.clientsOnly)
		runSafetyChild(t, "restore", db, p.full, time.Duration(at*float64(took)))
		switch _, sessions := recordCounts(t, db); sessions {
		case 0:
			old++
		case p.sessions:
		default:
			t.Fatalf("killed at %.0f%%: %d sessions: neither the old database nor the backup", at*100, sessions)
		}
	}
	if old == 0 {
		t.Fatal("every kill came after the restore finished; the test proved nothing")
	}
	t.Logf("restore took %v; %d of %d kills kept the old database", took, old, len(killPoints))
}

func TestKillDuringEncryptedBackupLeavesNoPlainCopyOnTheStick(t *testing.T) {
	testkit.SQLiteOnly(t)
	if testing.Short() {
		t.Skip("kills child processes")
	}
	p := makeSamplePractice(t)
	probe := filepath.Join(t.TempDir(), "probe.db.age")
	took := runSafetyChild(t, "sealed", p.full, probe, -1)
	if took == 0 {
		t.Fatal("uninterrupted encrypted backup did not finish")
	}
	for _, at := range killPoints {
		stick := t.TempDir()
		runSafetyChild(t, "sealed", p.full, filepath.Join(stick, "b.db.age"), time.Duration(at*float64(took)))
		entries, _ := os.ReadDir(stick)
		for _, e := range entries {
			body, _ := os.ReadFile(filepath.Join(stick, e.Name()))
			if bytes.HasPrefix(body, []byte("SQLite format 3")) {
				t.Fatalf("killed at %.0f%%: %s on the stick is a plain copy of the records", at*100, e.Name())
			}
		}
	}
}

func TestKillDuringACSVExportLeavesTheWholeFolderOrNone(t *testing.T) {
	testkit.SQLiteOnly(t)
	if testing.Short() {
		t.Skip("kills child processes")
	}
	p := makeSamplePractice(t)
	probe := filepath.Join(t.TempDir(), "probe")
	took := runSafetyChild(t, "export", p.full, probe, -1)
	if took == 0 {
		t.Fatal("uninterrupted export did not finish")
	}
	want := []string{interchange.ExportClientsName, interchange.ExportSessionsName, interchange.ExportMeasuresName, interchange.ExportVocabularyName,
		interchange.ExportHeadName}
	complete := map[string][]byte{}
	for _, name := range want {
		complete[name], _ = os.ReadFile(filepath.Join(probe, name))
	}
	for _, at := range killPoints {
		parent := t.TempDir()
		out := filepath.Join(parent, "export")
		runSafetyChild(t, "export", p.full, out, time.Duration(at*float64(took)))
		entries, err := os.ReadDir(out)
		if err == nil {
			if len(entries) != len(want) {
				t.Fatalf("killed at %.0f%%: the folder holds %d files, want all %d", at*100, len(entries), len(want))
			}
			for _, name := range want {
				if body, _ := os.ReadFile(filepath.Join(out, name)); !bytes.Equal(body, complete[name]) {
					t.Fatalf("killed at %.0f%%: %s is not the whole file", at*100, name)
				}
			}
		}
		// and the next export into the same place sweeps what the kill left
		os.RemoveAll(out)
		s, err := sqlstore.Open(context.Background(), p.full)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := interchange.ExportTo(context.Background(), s, out, interchange.ExportCSV); err != nil {
			t.Fatal(err)
		}
		s.Close()
		left, _ := os.ReadDir(parent)
		if len(left) != 1 {
			t.Fatalf("killed at %.0f%%: %d entries beside the export after the next one, want only it", at*100, len(left))
		}
	}
}

func TestAPlainCopyAKilledEncryptedBackupLeftIsGoneAtTheNextStart(t *testing.T) {
	testkit.SQLiteOnly(t)
	if testing.Short() {
		t.Skip("kills child processes")
	}
	p := makeSamplePractice(t)
	db := copyOf(t, p.full)
	probe := filepath.Join(t.TempDir(), "probe.db.age")
	took := runSafetyChild(t, "sealed", db, probe, -1)
	for _, at := range []float64{0.2, 0.5, 0.8} {
		runSafetyChild(t, "sealed", db, filepath.Join(t.TempDir(), "b.db.age"), time.Duration(at*float64(took)))
		s, err := sqlstore.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		entries, _ := os.ReadDir(filepath.Dir(db))
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), safefile.PartialPrefix) {
				t.Fatalf("killed at %.0f%%: %s is still beside the database after the next start", at*100, e.Name())
			}
		}
	}
}
