package reportdialog

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/store/testkit"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

func TestTheClientsCopyDialogWritesTheirRecordPrivatelyAndLogsIt(t *testing.T) {
	f := newReportFixture(t)
	c := f.Client(t, "Marta", "Nowak", 2)
	if _, err := f.Store.SignSession(context.Background(), 1, "Anna Keller, LMT"); err != nil {
		t.Fatal(err)
	}
	d := NewClientCopyDialog(f.Win, f.Store, &kit.Tasks{}, c, store.Practice{Name: "Back in Balance", Therapist: "Anna Keller"})
	d.Now = func() time.Time { return reportToday }
	d.Folder.Set(f.Dir)
	d.Show()

	test.Tap(d.Save)
	d.Work.Wait()
	if d.Problem.Visible() {
		t.Fatalf("the dialog says %q", d.Problem.Text)
	}
	want := filepath.Join(f.Dir, "Nowak_Marta_record_2026-11-25")
	if d.Written.Dir != want || !strings.Contains(d.Done.Text, want) || d.Save.Visible() {
		t.Fatalf("written %+v, dialog says %q", d.Written, d.Done.Text)
	}
	info, err := os.Stat(want)
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("the copy's folder: %v %v, want 0700", info, err)
	}
	for _, name := range []string{".pdf", ".json", ".fhir.json"} {
		info, err := os.Stat(filepath.Join(want, "Nowak_Marta_record_2026-11-25"+name))
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v, want a 0600 file", name, info, err)
		}
	}
	desktest.MustContain(t, "client's copy", desktest.PDFWords(t, filepath.Join(want, "Nowak_Marta_record_2026-11-25.pdf")),
		"Your record", "Electronically signed by Anna Keller, LMT", "The history of your record", "Note signed")

	log := testkit.ExportOf(t, f.Store).AuditLog
	if last := log[len(log)-1]; last.Action != string(store.ClientCopyGiven) || last.Client != c.UID {
		t.Errorf("the history ends with %+v, want the client's copy given to Marta", last)
	}

	// A second copy the same day does not replace the first: the dialog
	// says so and stays open.
	again := NewClientCopyDialog(f.Win, f.Store, &kit.Tasks{}, c, store.Practice{})
	again.Now = func() time.Time { return reportToday }
	again.Folder.Set(f.Dir)
	again.Show()
	test.Tap(again.Save)
	again.Work.Wait()
	if !again.Problem.Visible() || !strings.Contains(again.Problem.Text, "A copy made today is already in this folder") || !again.Save.Visible() {
		t.Errorf("a second copy: problem %q shown %v", again.Problem.Text, again.Problem.Visible())
	}
}
