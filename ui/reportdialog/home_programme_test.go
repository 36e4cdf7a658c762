package reportdialog

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

func TestTheHomeExercisesHandoutIsPrintedFromTheNoteView(t *testing.T) {
	f := newReportFixture(t)
	c := f.Client(t, "Lena", "Fischer", 3)
	hist, err := f.Store.ClientHistory(context.Background(), c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	visit := hist[1]
	visit.Programme = []store.Prescription{{Exercise: "bird-dog", Dose: store.Dose{HoldSec: 5, Reps: 8, PerDay: 1}}}
	e := NewNoteDialog(f.Win, f.Store, &kit.Tasks{}, c, visit, store.Practice{Name: "Back in Balance", Therapist: "Anna Keller"})
	e.Now = func() time.Time { return reportToday }
	e.Folder.Set(f.Dir)
	e.Show()
	if e.FileName.Text != "Fischer_Lena_visit_2026-10-10.pdf" {
		t.Errorf("proposed name %q", e.FileName.Text)
	}
	e.Work.OnUI(func() { e.Document.SetSelected(DocHandout) })
	if e.FileName.Text != "Fischer_Lena_exercises_2026-10-10.pdf" {
		t.Errorf("the handout's name %q", e.FileName.Text)
	}
	e.Work.OnUI(func() { test.Tap(e.Save) })
	e.Work.Wait()
	text := desktest.PDFWords(t, filepath.Join(f.Dir, "Fischer_Lena_exercises_2026-10-10.pdf"))
	for _, want := range []string{"Your home exercises", "Lena Fischer", "Anna Keller", "Bird-dog", "Hold 5 s · 8 times · once a day"} {
		if !strings.Contains(text, want) {
			t.Errorf("the handout lacks %q:\n%s", want, text)
		}
	}
	// a visit that gave no exercises offers only its note
	plain := NewNoteDialog(f.Win, f.Store, &kit.Tasks{}, c, hist[0], store.Practice{})
	if plain.Document.Visible() && len(plain.Document.Options) == 2 && plain.Document.Options[1] == DocHandout {
		t.Error("a visit without exercises offers a handout")
	}
}
