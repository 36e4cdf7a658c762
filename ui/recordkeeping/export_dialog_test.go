package recordkeeping

import (
	"backtrack/store/interchange"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

func TestExportWritesPrivateFilesIntoANewFolder(t *testing.T) {
	win, s := fileTaskWindow(t)
	e := NewExportDialog(win, RecordOf(s), &kit.Tasks{})
	e.Show()
	snapshot(t, win, "export-dialog")
	e.Folder.Set(t.TempDir())
	e.work.OnUI(func() {
		e.Format.SetSelected(exportChoiceCSV)
		test.Tap(e.Export)
	})
	e.work.Wait()
	dir := filepath.Join(e.Folder.Path, e.folderName())
	done := desktest.ShownText(win) // the message shown once the files are written
	for _, name := range []string{interchange.ExportClientsName, interchange.ExportSessionsName, interchange.ExportVocabularyName} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v (problem %q)", name, err, st, e.Problem.Text)
		}
		if !strings.Contains(done, name) {
			t.Errorf("done message %q does not list %s", done, name)
		}
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("export folder: %v %v", st, err)
	}
}
