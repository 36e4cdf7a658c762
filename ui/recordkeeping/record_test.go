package recordkeeping

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

// fullDisk is a real record whose exports meet a full disk.
type fullDisk struct{ Record }

func (fullDisk) ExportTo(context.Context, string, interchange.ExportFileFormat) ([]string, error) {
	return nil, fmt.Errorf("export: %w", store.ErrDiskFull)
}

func TestAnExportThatMeetsAFullDiskSaysSoInTheDialog(t *testing.T) {
	// given a record whose disk is full
	win, s := fileTaskWindow(t)
	e := NewExportDialog(win, fullDisk{RecordOf(s)}, &kit.Tasks{})
	e.Show()
	e.Folder.Set(t.TempDir())
	// when the therapist exports
	e.work.OnUI(func() { test.Tap(e.Export) })
	e.work.Wait()
	// then the dialog says the disk is full, in the desk's words
	desktest.MustContain(t, "problem", e.Problem.Text, "The disk is full")
}
