package recordkeeping

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store/sqlstore"
	"backtrack/ui/internal/filesize"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// restoreDialog lists the backups, checks the one chosen and, once the
// therapist confirms, closes the store, puts the backup in place of the
// database and calls reopen with the database path: the desk opens it
// again. The records it replaced are kept as a copy beside the database.
// reopen is called after a failed restore too, with the database
// unchanged. It keeps its widgets so tests can use it as a therapist would.
type restoreDialog struct {
	dialogFrame
	store  Record
	reopen func(string)
	now    func() time.Time

	Backups    *widget.RadioGroup
	ChooseFile *kit.Button
	Passphrase *widget.Entry
	Summary    *widget.Label
	Problem    *widget.Label
	Busy       *widget.ProgressBarInfinite
	Restore    *kit.Button
	Cancel     *kit.Button

	paths     map[string]string // option label -> file
	encrypted map[string]bool
	chosen    string // the file checked and ready to restore
	passRow   *fyne.Container
	work      *kit.Tasks // the desk's: closing waits for a check or a restore
	checkGen  int
}

func NewRestoreDialog(win fyne.Window, s Record, t *kit.Tasks, reopen func(string)) *restoreDialog {
	r := &restoreDialog{dialogFrame: dialogFrame{win: win, width: 640}, store: s, work: t, reopen: reopen, now: time.Now,
		paths: map[string]string{}, encrypted: map[string]bool{}}
	r.Backups = widget.NewRadioGroup(nil, func(string) { r.check() })
	r.ChooseFile = kit.NewButtonWithIcon("Other file…", theme.FolderOpenIcon(), r.chooseFile)
	r.Passphrase = widget.NewPasswordEntry()
	r.Passphrase.SetPlaceHolder("the passphrase this backup was saved with")
	r.Passphrase.OnSubmitted = func(string) { r.check() }
	r.Summary = widget.NewLabel("Looking for backups…")
	r.Summary.Wrapping = fyne.TextWrapWord
	r.Problem = problemLabel()
	r.Busy = busyBar()
	r.Restore = kit.NewButtonWithIcon("Restore…", theme.HistoryIcon(), r.confirm)
	r.Restore.Importance = widget.DangerImportance
	r.Restore.Disable()
	r.Cancel = kit.NewButton("Cancel", func() { r.dialog.Hide() })

	r.passRow = container.NewBorder(nil, nil,
		widget.NewLabelWithStyle("Passphrase", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		kit.NewButton("Check", r.check), r.Passphrase)
	r.passRow.Hide()
	list := container.NewVScroll(r.Backups)
	list.SetMinSize(fyne.NewSize(0, 220))
	content := container.NewVBox(
		widget.NewLabelWithStyle("Backups of this database, newest first", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		list,
		container.NewHBox(layout.NewSpacer(), r.ChooseFile),
		r.passRow, widget.NewSeparator(), r.Summary, r.Problem, r.Busy)
	r.build("restore", "Restore from backup", content, r.Cancel, r.Restore)
	r.listBackups()
	return r
}

// listBackups reads the backups folder in the background: it may be on a
// slow or sleeping disk, and the window must not freeze meanwhile.
func (r *restoreDialog) listBackups() {
	dbPath := r.store.Path()
	r.work.Run(func() func() {
		backups, err := sqlstore.ListBackups(dbPath)
		return func() {
			chosen := r.Backups.Options // files chosen while the list loaded stay, after it
			r.Backups.Options = nil
			for _, b := range backups {
				r.addOption(b.Path, b.Encrypted, fmt.Sprintf("%s · %s", kit.DateTime(b.Taken), filesize.Text(b.Size)))
			}
			r.Backups.Options = append(r.Backups.Options, chosen...)
			r.Backups.Refresh()
			switch {
			case r.Backups.Selected != "":
			case err != nil:
				r.Summary.SetText("")
				showOrHide(r.Problem, "The backups could not be listed. "+words.FileTaskErrorText(err))
			case len(backups) == 0:
				r.Summary.SetText("There is no backup in " + sqlstore.BackupDir(dbPath) + " yet. Choose a backup file with “Other file…”.")
			default:
				r.Summary.SetText("Choose a backup.")
			}
			r.fit()
		}
	})
}

// addOption lists a backup file under label and returns the label shown.
func (r *restoreDialog) addOption(path string, encrypted bool, label string) string {
	if encrypted {
		label += " · encrypted"
	}
	if _, listed := r.paths[label]; !listed {
		r.Backups.Options = append(r.Backups.Options, label)
	}
	r.paths[label] = path
	r.encrypted[label] = encrypted
	r.Backups.Refresh()
	return label
}

// choose selects a file from elsewhere (a USB stick), as if listed. Whether
// it is encrypted is read in the background: the stick may be slow.
func (r *restoreDialog) choose(path string) {
	r.Problem.Hide()
	r.Summary.SetText("Reading " + filepath.Base(path) + "…")
	setBusy(r.Busy, true)
	r.fit()
	r.work.Run(func() func() {
		encrypted, err := sqlstore.IsEncryptedBackup(path)
		return func() {
			setBusy(r.Busy, false)
			if err != nil {
				r.Summary.SetText("")
				showOrHide(r.Problem, words.FileTaskErrorText(err))
				r.fit()
				return
			}
			label := r.addOption(path, encrypted, filepath.Base(path)+" ("+filepath.Dir(path)+")")
			r.Backups.SetSelected(label) // runs check
		}
	})
}

func (r *restoreDialog) chooseFile() {
	d := dialog.NewFileOpen(func(f fyne.URIReadCloser, err error) {
		if err != nil || f == nil {
			return
		}
		f.Close()
		r.choose(f.URI().Path())
	}, r.win)
	if uri, err := storage.ListerForURI(storage.NewFileURI(sqlstore.BackupDir(r.store.Path()))); err == nil {
		d.SetLocation(uri)
	}
	d.Resize(kit.DialogSize(r.win, 820, 560))
	kit.ShowLayer(r.win, "file picker", d, kit.Layer{Unfocused: true})
}

// check reads the selected backup in the background and says what it
// holds; only a backup that checks out can be restored.
func (r *restoreDialog) check() {
	r.chosen = ""
	r.Restore.Disable()
	r.Problem.Hide()
	defer r.fit()
	label := r.Backups.Selected
	path, ok := r.paths[label]
	if !ok {
		return
	}
	if r.encrypted[label] {
		r.passRow.Show()
		if r.Passphrase.Text == "" {
			r.Summary.SetText("This backup is encrypted: type its passphrase, then Check.")
			r.win.Canvas().Focus(r.Passphrase)
			return
		}
	} else {
		r.passRow.Hide()
	}
	passphrase := r.Passphrase.Text
	if !r.encrypted[label] {
		passphrase = ""
	}
	r.checkGen++
	gen := r.checkGen
	r.Summary.SetText("Checking the backup…")
	setBusy(r.Busy, true)
	ctx := r.work.Context()
	r.work.Run(func() func() {
		info, err := sqlstore.InspectBackup(ctx, path, passphrase)
		return func() {
			if gen != r.checkGen {
				return // another backup was chosen meanwhile
			}
			setBusy(r.Busy, false)
			defer r.fit()
			if err != nil {
				r.Summary.SetText("")
				showOrHide(r.Problem, words.FileTaskErrorText(err))
				return
			}
			r.chosen = path
			r.Summary.SetText(backupSummary(info))
			r.Restore.Enable()
		}
	})
}

// backupSummary says what a backup holds and what restoring does.
func backupSummary(info sqlstore.BackupInfo) string {
	text := fmt.Sprintf("This backup holds %s and %s", words.Plural(info.Clients, "client", "clients"),
		words.Plural(info.Sessions, "session", "sessions"))
	if !info.LastSession.IsZero() {
		text += ", the last on " + kit.LongDate(info.LastSession)
	}
	return text + ". It checks out complete.\n\nRestoring replaces the records open now with it. " +
		"The records it replaces are kept as a copy beside the database."
}

// confirm asks before the records are replaced.
func (r *restoreDialog) confirm() {
	if r.chosen == "" {
		return
	}
	kit.ConfirmDanger(r.win, "replace the records", "Replace the records?",
		"Everything recorded since this backup was made will be replaced by the backup.\n"+
			"A copy of the records open now is kept beside the database.", "Replace", "Keep them", func(ok bool) {
			if ok {
				r.restore()
			}
		})
}

// restore closes the store, swaps the backup in and has the desk reopen.
func (r *restoreDialog) restore() {
	from, passphrase := r.chosen, ""
	if r.encrypted[r.Backups.Selected] {
		passphrase = r.Passphrase.Text
	}
	dbPath := r.store.Path()
	setBusy(r.Busy, true, r.Restore, r.Cancel)
	r.work.Run(func() func() {
		var res sqlstore.RestoreResult
		err := r.store.Close()
		if err == nil {
			res, err = sqlstore.Restore(context.Background(), dbPath, from, passphrase, r.now(), r.store.Options()...)
		}
		return func() {
			setBusy(r.Busy, false, r.Restore, r.Cancel)
			r.dialog.Hide()
			if r.reopen != nil {
				r.reopen(dbPath)
			}
			if err != nil {
				kit.Inform(r.win, "Restore did not happen", words.FileTaskErrorText(err)+"\n\nThe records were not changed.")
				return
			}
			done := fmt.Sprintf("Restored %s and %s.", words.Plural(res.Restored.Clients, "client", "clients"),
				words.Plural(res.Restored.Sessions, "session", "sessions"))
			if res.Previous != "" {
				done += "\n\nThe records it replaced are kept as\n" + res.Previous
			}
			kit.Inform(r.win, "Backup restored", done)
		}
	})
}
