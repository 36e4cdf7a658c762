package recordkeeping

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
	"backtrack/ui/reportdialog"
)

// minPassphrase is the shortest passphrase the desk accepts for a backup:
// the file may leave the practice on a stick, and short ones are guessed.
const minPassphrase = 8

// backupDialog asks where to save a backup and whether to encrypt it, then
// makes and checks it off the UI goroutine. It keeps its widgets so tests
// can use it as a therapist would.
type backupDialog struct {
	dialogFrame
	store Record
	now   func() time.Time

	Folder     *kit.FolderRow
	FileName   *widget.Entry
	Encrypt    *widget.Check
	Passphrase *widget.Entry
	Repeat     *widget.Entry
	Note       *widget.Label
	Problem    *widget.Label
	Busy       *widget.ProgressBarInfinite
	BackUp     *kit.Button
	Cancel     *kit.Button
	// OnSaved is called once a backup is saved and checked.
	OnSaved func()

	passRows *fyne.Container
	work     *kit.Tasks // the desk's: quitting stops a backup and waits for its clean-up
}

func NewBackupDialog(win fyne.Window, s Record, t *kit.Tasks) *backupDialog {
	b := &backupDialog{dialogFrame: dialogFrame{win: win, width: 640}, store: s, work: t, now: time.Now}
	b.Folder = kit.NewFolderRow(win, sqlstore.BackupDir(s.Path()), b.explainFolder)
	b.FileName = widget.NewEntry()
	b.FileName.SetText(sqlstore.BackupName(s.Path(), b.now(), false))
	b.Passphrase = widget.NewPasswordEntry()
	b.Passphrase.SetPlaceHolder(fmt.Sprintf("at least %d characters", minPassphrase))
	b.Repeat = widget.NewPasswordEntry()
	b.Repeat.SetPlaceHolder("the same again")
	b.Repeat.OnSubmitted = func(string) { b.BackUp.OnTapped() }
	b.Encrypt = widget.NewCheck("Encrypt with a passphrase (for a copy that leaves this computer)", b.setEncrypted)
	b.Note = widget.NewLabel("")
	b.Note.Wrapping = fyne.TextWrapWord
	b.Problem = problemLabel()
	b.Busy = busyBar()
	b.BackUp = kit.NewButtonWithIcon("Back up", theme.DocumentSaveIcon(), b.backUp)
	b.BackUp.Importance = widget.HighImportance
	b.Cancel = kit.NewButton("Cancel", func() { b.dialog.Hide() })

	form := container.New(layout.NewFormLayout())
	for _, row := range [][2]fyne.CanvasObject{
		reportdialog.Pair(kit.FormRow("Save in", b.Folder.Box)),
		reportdialog.Pair(kit.FormRow("File name", b.FileName)),
		reportdialog.Pair(layout.NewSpacer(), b.Encrypt),
	} {
		form.Add(row[0])
		form.Add(row[1])
	}
	b.passRows = container.New(layout.NewFormLayout())
	b.passRows.Add(widget.NewLabelWithStyle("Passphrase", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
	b.passRows.Add(b.Passphrase)
	b.passRows.Add(widget.NewLabelWithStyle("Repeat", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
	b.passRows.Add(b.Repeat)
	b.passRows.Hide()
	b.explainFolder()
	content := container.NewVBox(form, b.passRows, b.Note, b.Problem, b.Busy)
	b.build("backup", "Back up now", content, b.Cancel, b.BackUp)
	return b
}

// setEncrypted shows the passphrase fields and gives the default name the
// extension that says the file is encrypted.
func (b *backupDialog) setEncrypted(on bool) {
	name := b.FileName.Text
	plain, sealed := strings.HasSuffix(name, ".db") && !strings.HasSuffix(name, ".db.age"), strings.HasSuffix(name, ".db.age")
	switch {
	case on && plain:
		b.FileName.SetText(name + ".age")
	case !on && sealed:
		b.FileName.SetText(strings.TrimSuffix(name, ".age"))
	}
	if on {
		b.passRows.Show()
		b.win.Canvas().Focus(b.Passphrase)
	} else {
		b.passRows.Hide()
	}
	b.explainFolder()
	b.fit()
}

// explainFolder says what happens to backups in the automatic folder, and
// warns that an encrypted backup cannot be opened without its passphrase.
func (b *backupDialog) explainFolder() {
	if b.Note == nil {
		return
	}
	var lines []string
	if filepath.Clean(b.Folder.Path) == filepath.Clean(sqlstore.BackupDir(b.store.Path())) {
		lines = append(lines, fmt.Sprintf("This is the folder Backtrack backs up into every day; it keeps the newest %d. "+
			"To keep a copy for good, save it on another disk or a USB stick.", sqlstore.KeepBackups))
	}
	if b.Encrypt.Checked {
		lines = append(lines, "Without the passphrase nobody, not even you, can open this backup. Keep it somewhere safe.")
	}
	b.Note.SetText(strings.Join(lines, "\n"))
}

// problem shows what is wrong under the fields.
func (b *backupDialog) problem(text string) {
	showOrHide(b.Problem, text)
	b.fit()
}

// backUp checks the choices, then writes and verifies the backup.
func (b *backupDialog) backUp() {
	b.Problem.Hide()
	name := strings.TrimSpace(b.FileName.Text)
	passphrase := ""
	switch {
	case name == "" || strings.ContainsAny(name, `/\`):
		b.problem("File name must be a name, without folders.")
		return
	case !kit.IsDir(b.Folder.Path) && !kit.IsDir(filepath.Dir(b.Folder.Path)):
		b.problem("The folder " + b.Folder.Path + " does not exist. Choose another folder.")
		return
	case b.Encrypt.Checked:
		passphrase = b.Passphrase.Text
		switch {
		case len([]rune(passphrase)) < minPassphrase:
			b.problem(fmt.Sprintf("The passphrase must have at least %d characters.", minPassphrase))
			return
		case passphrase != b.Repeat.Text:
			b.problem("The two passphrases differ. Type the same one twice.")
			return
		}
	}
	path := filepath.Join(b.Folder.Path, name)
	if kit.Exists(path) {
		b.problem(name + " is already in this folder. Choose another name.")
		return
	}
	setBusy(b.Busy, true, b.BackUp)
	b.fit()
	ctx := b.work.Context()
	b.work.Run(func() func() {
		var info sqlstore.BackupInfo
		var err error
		if passphrase != "" {
			info, err = b.store.BackupEncrypted(ctx, path, passphrase)
		} else {
			info, err = b.store.Backup(ctx, path)
		}
		return func() {
			setBusy(b.Busy, false, b.BackUp)
			b.fit()
			if err != nil {
				b.problem(words.FileTaskErrorText(err))
				return
			}
			b.dialog.Hide()
			how := "checked and complete"
			if info.Encrypted {
				how += ", encrypted"
			}
			done := fmt.Sprintf("%s\nwas saved in %s.\n\n%s and %s, %s.", filepath.Base(path), filepath.Dir(path),
				words.Plural(info.Clients, "client", "clients"), words.Plural(info.Sessions, "session", "sessions"), how)
			kit.Inform(b.win, "Backup saved", done)
			if b.OnSaved != nil {
				b.OnSaved()
			}
		}
	})
}
